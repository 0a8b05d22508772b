package dev.harbor.node.identity;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What may be shown about an active token: never its secret.
 *
 * @param createdBy the operator who created it, or null for the operator token the node issued
 *     itself at startup
 */
@Serdeable
public record TokenInfo(
    String id, CallerKind kind, String name, Instant createdAt, @Nullable Actor createdBy) {}
