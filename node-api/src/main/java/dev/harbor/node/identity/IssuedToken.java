package dev.harbor.node.identity;

import dev.harbor.schemas.node.CallerKind;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A token just created, with its raw value. This is the only object that ever holds the raw token:
 * it is shown to the creator once and then forgotten. {@link #toString()} leaves the token out.
 */
@Serdeable
public record IssuedToken(String id, CallerKind kind, String name, String token) {

  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", kind=" + kind.wire() + ", name=" + name + "]";
  }
}
