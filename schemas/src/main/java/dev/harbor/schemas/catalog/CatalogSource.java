package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where an entry came from: the format, the origin it was read from (a file path or registry URL), the
 * name it has there, and the upstream source repository and licence when known.
 */
@Serdeable
public record CatalogSource(
    SourceFormat format,
    String origin,
    String sourceName,
    @Nullable String repositoryUrl,
    @Nullable String license) {}
