package dev.harbor.sdk;

import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A Node's own state of a catalog entry: enabled or not, why, who decided and when. {@code
 * catalogChangedSince} is true when the Hub updated the entry after that decision. An entry nobody
 * decided on is enabled, with no actor.
 */
@Serdeable
public record LocalState(
    boolean enabled,
    @Nullable String reason,
    @Nullable Actor changedBy,
    @Nullable Instant changedAt,
    boolean catalogChangedSince) {}
