package dev.harbor.hub;

import dev.harbor.platform.openapi.OpenApiDocument;
import io.micronaut.context.annotation.Requires;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;

/**
 * The Hub's OpenAPI document: its description here, its operations generated from the Hub's
 * controllers (and the shared {@code /health}) at compile time, served at {@code GET /openapi.yml}.
 */
@OpenAPIDefinition(
    info = @Info(
        title = "Harbor Hub API",
        version = "v1",
        description = "The Hub's read-only catalog API: public catalog metadata, without a token. Every 4xx "
            + "and 5xx answer has an ApiError body. See docs/api.md for the search rules."),
    tags = {
        @Tag(name = "catalog", description = "The catalog as published on the catalog topic"),
        @Tag(name = "hub", description = "What a page needs to know about this Hub"),
        @Tag(name = "health", description = "Readiness")
    })
@OpenAPIInclude(classNames = "dev.harbor.platform.health.HealthController", tags = @Tag(name = "health"))
@Singleton
@Requires(env = "hub")
final class HubOpenApi implements OpenApiDocument {

  @Override
  public String resource() {
    return "META-INF/swagger/harbor-hub.yml";
  }
}
