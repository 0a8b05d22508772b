package dev.harbor.schemas.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to a configuration import: one line per pasted server, in the order of the paste. */
@Serdeable
public record ConfigImportAnswer(boolean dryRun, List<ImportedServer> servers) {

  public ConfigImportAnswer {
    servers = servers == null ? List.of() : List.copyOf(servers);
  }
}
