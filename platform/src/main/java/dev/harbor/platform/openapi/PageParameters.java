package dev.harbor.platform.openapi;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a paged route: documents its {@code page} and {@code size} query parameters, as the service's
 * {@code openapi/components.yml} defines them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "page", ref = "#/components/parameters/page")
@Parameter(name = "size", ref = "#/components/parameters/size")
public @interface PageParameters {}
