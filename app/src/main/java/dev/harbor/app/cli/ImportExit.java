package dev.harbor.app.cli;

import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.api.ImportedServer;
import java.util.Set;

/**
 * The exit code of {@code import}: 5 when a recognised server was denied or its entry is disabled, else
 * 10 when a derived idempotency key clashed, else 2 when an entry refused the configuration taken
 * from the paste, else 0. Servers the catalog does not know or Harbor cannot launch are reported, not
 * failures.
 */
final class ImportExit {

  private ImportExit() {}

  static int of(ConfigImportAnswer answer) {
    Set<ImportStatus> statuses = answer.servers().stream().map(ImportedServer::status)
        .collect(java.util.stream.Collectors.toSet());
    if (statuses.contains(ImportStatus.DENIED) || statuses.contains(ImportStatus.DISABLED)) {
      return ExitCode.DENIED;
    }
    if (statuses.contains(ImportStatus.CONFLICT)) {
      return ExitCode.CONFLICT;
    }
    if (statuses.contains(ImportStatus.INVALID_CONFIG)) {
      return ExitCode.USAGE;
    }
    return ExitCode.OK;
  }
}
