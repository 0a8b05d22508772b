package dev.harbor.schemas.node;

import dev.harbor.schemas.Require;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** Who did something: the kind and name a token carries, and the token's id (never the token). */
@Serdeable
public record Actor(CallerKind kind, String name, @Nullable String tokenId) {

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Require.text(name, "name");
  }
}
