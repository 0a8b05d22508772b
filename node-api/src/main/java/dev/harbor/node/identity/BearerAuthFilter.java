package dev.harbor.node.identity;

import dev.harbor.platform.http.ApiError;
import dev.harbor.platform.http.ApiErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Authenticates every request under {@code /v1} and to the node's MCP server at {@code /mcp}: it
 * must carry {@code Authorization: Bearer <token>} with an active token, or it is answered 401 with
 * a {@code WWW-Authenticate: Bearer} challenge. The caller is attached to the request for {@link Callers}. Token values are never
 * logged.
 */
@ServerFilter({"/v1/**", "/mcp", "/mcp/**"})
@Requires(env = "node")
public final class BearerAuthFilter implements Ordered {

  private static final String SCHEME = "Bearer ";

  private final TokenService tokens;

  BearerAuthFilter(TokenService tokens) {
    this.tokens = tokens;
  }

  @RequestFilter
  @Nullable
  HttpResponse<ApiError> authenticate(HttpRequest<?> request) {
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (authorization == null || authorization.isBlank()) {
      return ApiErrors.response(HttpStatus.UNAUTHORIZED, "missing bearer token");
    }
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return ApiErrors.response(HttpStatus.UNAUTHORIZED, "authorization must use the Bearer scheme");
    }
    Optional<Caller> caller = tokens.authenticate(authorization.substring(SCHEME.length()).strip());
    if (caller.isEmpty()) {
      return ApiErrors.response(HttpStatus.UNAUTHORIZED, "invalid or revoked token");
    }
    Callers.attach(request, caller.get());
    return null;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 100;
  }
}
