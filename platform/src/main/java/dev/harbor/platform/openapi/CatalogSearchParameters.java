package dev.harbor.platform.openapi;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a catalog search route: documents the search parameters of {@link
 * dev.harbor.platform.catalog.CatalogQuery} other than {@code page} and {@code size} (see {@link
 * PageParameters}), as the service's {@code openapi/components.yml} defines them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "q", ref = "#/components/parameters/q")
@Parameter(name = "tags", ref = "#/components/parameters/tags")
@Parameter(name = "publisher", ref = "#/components/parameters/publisher")
@Parameter(name = "category", ref = "#/components/parameters/category")
@Parameter(name = "transport", ref = "#/components/parameters/transport")
@Parameter(name = "launcherKind", ref = "#/components/parameters/launcherKind")
@Parameter(name = "status", ref = "#/components/parameters/status")
public @interface CatalogSearchParameters {}
