package dev.harbor.schemas.api;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CatalogEntryState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A Node's own state of a catalog entry, as its API shows it beside the global entry: enabled or
 * not, why, who decided and when. {@code catalogChangedSince} tells that the Hub updated the entry
 * after the decision. An entry nobody decided on is enabled, with no actor.
 */
@Serdeable
public record LocalState(
    boolean enabled,
    @Nullable String reason,
    @Nullable Actor changedBy,
    @Nullable Instant changedAt,
    boolean catalogChangedSince) {

  /** The state a decision gives an entry last updated by the Hub at {@code catalogUpdatedAt}. */
  public static LocalState of(@Nullable CatalogEntryState state, Instant catalogUpdatedAt) {
    if (state == null) {
      return new LocalState(true, null, null, null, false);
    }
    boolean changed =
        state.catalogUpdatedAt() != null && catalogUpdatedAt.isAfter(state.catalogUpdatedAt());
    return new LocalState(state.enabled(), state.reason(), state.changedBy(), state.changedAt(), changed);
  }
}
