package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A non-secret configuration value a caller may supply at setup (referenced by templates as {@code {{name}}}). */
@Serdeable
public record ParameterSpec(
    String name,
    @Nullable String description,
    String type,
    boolean required,
    @Nullable String defaultValue) {}
