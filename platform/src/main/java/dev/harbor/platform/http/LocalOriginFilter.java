package dev.harbor.platform.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DNS-rebinding defence of every Harbor HTTP server: refuses, before any route runs, a request
 * whose {@code Host} is not a local name ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any
 * port) or one listed in {@code harbor.http.allowed-hosts}, and a request whose {@code Origin},
 * when present, is not {@code http(s)://} one of those names. Both answer 403 with an
 * {@link ApiError}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class LocalOriginFilter implements Ordered {

  /** Configuration key of the extra host names to accept, a list. */
  public static final String ALLOWED_HOSTS_PROPERTY = "harbor.http.allowed-hosts";

  private static final Logger LOG = LoggerFactory.getLogger(LocalOriginFilter.class);
  private static final int MAX_LOGGED_LENGTH = 80;

  private final AllowedHosts allowedHosts;

  LocalOriginFilter(@Property(name = ALLOWED_HOSTS_PROPERTY) @Nullable List<String> extraHosts) {
    this.allowedHosts = new AllowedHosts(extraHosts == null ? List.of() : extraHosts);
  }

  @PreMatching
  @RequestFilter
  @Nullable
  HttpResponse<ApiError> refuseForeignHostOrOrigin(HttpRequest<?> request) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    if (!allowedHosts.allowsHost(host)) {
      LOG.warn("refused {} {}: Host '{}' not allowed", request.getMethodName(), request.getPath(),
          printable(host));
      return ApiErrors.response(HttpStatus.FORBIDDEN, "host not allowed");
    }
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin != null && !allowedHosts.allowsOrigin(origin)) {
      LOG.warn("refused {} {}: Origin '{}' not allowed", request.getMethodName(), request.getPath(),
          printable(origin));
      return ApiErrors.response(HttpStatus.FORBIDDEN, "origin not allowed");
    }
    return null;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  private static String printable(@Nullable String value) {
    if (value == null) {
      return "(none)";
    }
    String shortened = value.length() > MAX_LOGGED_LENGTH ? value.substring(0, MAX_LOGGED_LENGTH) : value;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }
}
