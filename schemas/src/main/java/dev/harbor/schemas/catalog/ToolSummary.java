package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A tool the server is known to offer, when the source lists them. */
@Serdeable
public record ToolSummary(String name, @Nullable String description) {}
