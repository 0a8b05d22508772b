package dev.harbor.schemas.node;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Who did something: the kind and name a token carries, and the token's id (never the token). */
@Serdeable
public record Actor(CallerKind kind, String name, @Nullable String tokenId) {}
