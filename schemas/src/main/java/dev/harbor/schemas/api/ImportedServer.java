package dev.harbor.schemas.api;

import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One pasted server in the answer to a configuration import. {@code matchedBy} is how the catalog
 * entry was recognised ({@code image}, {@code npm}, {@code pypi}, {@code url}) and {@code matched} the
 * catalog's own value that matched (its image, package or remote URL). {@code configKeys} are the entry's parameters filled from the
 * paste, {@code secretsToSupply} the entry's secrets the paste held a value for, {@code ignoredEnv}
 * the pasted variables the entry does not declare: names only, never a value.
 */
@Serdeable
public record ImportedServer(
    String name,
    ImportStatus status,
    @Nullable String catalogId,
    @Nullable String matchedBy,
    @Nullable String matched,
    @Nullable String instanceId,
    @Nullable InstanceStatus instanceStatus,
    List<String> configKeys,
    List<String> secretsToSupply,
    List<String> ignoredEnv,
    @Nullable String detail) {

  public ImportedServer {
    configKeys = configKeys == null ? List.of() : List.copyOf(configKeys);
    secretsToSupply = secretsToSupply == null ? List.of() : List.copyOf(secretsToSupply);
    ignoredEnv = ignoredEnv == null ? List.of() : List.copyOf(ignoredEnv);
  }
}
