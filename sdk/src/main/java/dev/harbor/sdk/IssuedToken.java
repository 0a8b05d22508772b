package dev.harbor.sdk;

import dev.harbor.schemas.node.CallerKind;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A token just created. Its value ({@link #token()}) is shown this once; the Node keeps only a hash.
 * {@link #toString()} leaves it out.
 */
@Serdeable
public record IssuedToken(String id, CallerKind kind, String name, String token) {

  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", kind=" + kind.wire() + ", name=" + name + "]";
  }
}
