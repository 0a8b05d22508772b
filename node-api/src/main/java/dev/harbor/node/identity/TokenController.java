package dev.harbor.node.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.node.NodeConfig;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.audit.AuditRecorder;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.ApiErrors;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v1/tokens}, for operators only: issue a token (the response, marked not to be cached, is the
 * only time its value is shown), list active tokens, revoke one. Issuing and revoking are audited without the token.
 */
@Tag(name = "tokens")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/tokens")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {

  private final TokenService tokens;
  private final AuditRecorder audit;
  private final String nodeId;

  TokenController(TokenService tokens, AuditRecorder audit, NodeConfig node) {
    this.tokens = tokens;
    this.audit = audit;
    this.nodeId = node.getId();
  }

  /** Body of {@code POST /v1/tokens}; unknown fields are refused. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record CreateTokenRequest(@Nullable String kind, @Nullable String name) {}

  /** Issues a token (operators only). The answer is the only time its value is shown. */
  @ApiResponse(
      responseCode = "201",
      description = "The new token, with Cache-Control: no-store",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedToken.class)))
  @Post
  HttpResponse<IssuedToken> create(HttpRequest<?> request, @Body CreateTokenRequest body) {
    Caller operator = Callers.require(request, CallerKind.OPERATOR);
    CallerKind kind = parseKind(ApiErrors.requireField(body.kind(), "kind"));
    String name = ApiErrors.requireField(body.name(), "name");
    IssuedToken issued = tokens.create(kind, name, operator);
    try {
      record(operator, AuditEventType.TOKEN_CREATED, "token created", issued.id(), kind, name);
    } catch (RuntimeException e) {
      tokens.revoke(issued.id(), operator);
      throw e;
    }
    return HttpResponse.created(issued).header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  /** Lists the active tokens, one page, never a secret (operators only). */
  @PageParameters
  @Get
  Page<TokenInfo> list(HttpRequest<?> request) {
    Callers.require(request, CallerKind.OPERATOR);
    return Page.slice(tokens.list(), CatalogRequests.params(request, Page.PARAMETERS));
  }

  /** Revokes a token; it stops working on the next request (operators only). */
  @ApiResponse(responseCode = "204", description = "Revoked")
  @Delete("/{id}")
  HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable String id) {
    Caller operator = Callers.require(request, CallerKind.OPERATOR);
    TokenInfo token = tokens.find(id).orElseThrow(() -> notFound(id));
    if (!tokens.revoke(id, operator)) {
      throw notFound(id);
    }
    record(operator, AuditEventType.TOKEN_REVOKED, "token revoked", token.id(), token.kind(),
        token.name());
    return HttpResponse.noContent();
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("token '" + id + "' not found");
  }

  private static CallerKind parseKind(String kind) {
    try {
      return Wire.parse(CallerKind.class, kind);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("kind",
          "kind must be one of " + Wire.wireNames(CallerKind.class) + ", not '" + kind + "'");
    }
  }

  private void record(Caller operator, AuditEventType type, String message, String id,
      CallerKind kind, String name) {
    audit.record(new AuditEvent(UUID.randomUUID().toString(), nodeId, type, Instant.now(),
        operator.actor(), null, null, message,
        Map.of("id", id, "kind", kind.wire(), "name", name)));
  }
}
