package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A secret the server needs. Only the name and where the server expects it travel; a value never does.
 * {@code env} is the variable the upstream registry names for it; Harbor delivers it as a file at
 * {@code /run/secrets/<name>}.
 */
@Serdeable
public record SecretSpec(
    String name,
    @Nullable String env,
    @Nullable String description,
    boolean required) {}
