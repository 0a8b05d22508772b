package dev.harbor.node.identity;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One token as kept in {@code tokens.json}: the SHA-256 of its secret, never the secret. */
@Serdeable
record StoredToken(
    String id,
    CallerKind kind,
    String name,
    String secretSha256,
    Instant createdAt,
    @Nullable Actor createdBy) {

  TokenInfo info() {
    return new TokenInfo(id, kind, name, createdAt, createdBy);
  }

  Caller caller() {
    return new Caller(id, kind, name);
  }
}
