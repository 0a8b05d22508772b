package dev.harbor.node;

import dev.harbor.platform.openapi.OpenApiDocument;
import io.micronaut.context.annotation.Requires;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;

/**
 * The node's OpenAPI document: its description here, its operations generated from the node's
 * controllers (and the shared {@code /health}) at compile time, served at {@code GET /openapi.yml}.
 */
@OpenAPIDefinition(
    info = @Info(
        title = "Harbor Node API",
        version = "v1",
        description = "The node's REST API: catalog mirror and enable/disable, setup, instances, approvals, "
            + "secrets, policy, audit, events (SSE) and tokens under /v1, and the node's own MCP server at "
            + "/mcp. Every /v1 and /mcp call needs a bearer token (hbr_<id>_<secret>); every 4xx and 5xx "
            + "answer has an ApiError body. See docs/api.md for the rules behind each route."),
    tags = {
        @Tag(name = "catalog", description = "The node's mirror of the Hub catalog and its enable/disable state"),
        @Tag(name = "instances", description = "Setting up, following and acting on MCP server instances"),
        @Tag(name = "client-config", description = "Client configurations of running instances: export, and import of a pasted one"),
        @Tag(name = "policy", description = "The node's policy and dry runs"),
        @Tag(name = "audit", description = "The audit trail and instance logs"),
        @Tag(name = "events", description = "Server-Sent Events of the node's changes"),
        @Tag(name = "tokens", description = "Bearer tokens, for operators"),
        @Tag(name = "mcp", description = "The node's own MCP control server (streamable HTTP, JSON-RPC 2.0)"),
        @Tag(name = "health", description = "Readiness, without a token")
    })
@SecurityScheme(
    name = NodeOpenApi.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "hbr_<id>_<secret>",
    description = "A node token: the operator's is in $HARBOR_HOME/operator.token, others come from "
        + "POST /v1/tokens.")
@OpenAPIInclude(classNames = "dev.harbor.platform.health.HealthController", tags = @Tag(name = "health"))
@Singleton
@Requires(env = "node")
public final class NodeOpenApi implements OpenApiDocument {

  /** The name of the bearer security scheme the /v1 and /mcp controllers require. */
  public static final String BEARER = "bearerAuth";

  @Override
  public String resource() {
    return "META-INF/swagger/harbor-node.yml";
  }
}
