package dev.harbor.schemas.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A volume the entry declares, as the source registry's declarative template (never a caller's path). */
@Serdeable
public record VolumeSpec(String template) {}
