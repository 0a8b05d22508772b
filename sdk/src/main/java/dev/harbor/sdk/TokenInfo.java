package dev.harbor.sdk;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What a Node shows about an active token: never its value. {@code createdBy} is null for the
 * operator token the Node issued itself on first start.
 */
@Serdeable
public record TokenInfo(String id, CallerKind kind, String name, Instant createdAt, @Nullable Actor createdBy) {}
