package dev.harbor.schemas.node;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * A node's own decision about one catalog entry: the value of the node's compacted catalog-state
 * topic, keyed by catalog id. An entry with no record is enabled. {@code catalogUpdatedAt} is the
 * catalog version the operator saw when deciding.
 */
@Serdeable
public record CatalogEntryState(
    String catalogId,
    boolean enabled,
    @Nullable String reason,
    Actor changedBy,
    Instant changedAt,
    @Nullable Instant catalogUpdatedAt) {

  public CatalogEntryState {
    Objects.requireNonNull(catalogId, "catalogId");
    Objects.requireNonNull(changedBy, "changedBy");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
