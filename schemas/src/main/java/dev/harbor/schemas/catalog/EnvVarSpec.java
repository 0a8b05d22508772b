package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A non-secret environment variable the server reads. {@code value} is a declarative template: literal
 * text or {@code {{parameter}}} references to the entry's parameters, substituted as whole values.
 */
@Serdeable
public record EnvVarSpec(
    String name,
    @Nullable String description,
    boolean required,
    @Nullable String value) {}
