package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A package the server is published as, as its source registry names it: {@code registryType} such
 * as {@code npm}, {@code pypi}, {@code nuget}, {@code oci} or {@code mcpb} (lower case), the package's
 * {@code identifier} there and the version this entry describes. Listed so a server run from its
 * package ({@code npx PKG}, {@code uvx PKG}) can be recognised; Harbor launches images only.
 */
@Serdeable
public record PackageRef(String registryType, String identifier, @Nullable String version) {}
