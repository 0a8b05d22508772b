package dev.harbor.node.identity;

import dev.harbor.platform.http.ForbiddenException;
import dev.harbor.platform.http.UnauthorizedException;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.http.HttpRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The caller of a request under {@code /v1} or to {@code /mcp}, as {@link BearerAuthFilter}
 * authenticated it. Controllers call {@link #current} or {@link #require} first thing; a request that reached them
 * without an authenticated caller is answered 401 rather than served.
 */
public final class Callers {

  private static final String ATTRIBUTE = "harbor.caller";

  private Callers() {}

  /** The authenticated caller, if the request has one. */
  public static Optional<Caller> find(HttpRequest<?> request) {
    return request.getAttribute(ATTRIBUTE, Caller.class);
  }

  /** The authenticated caller, of any kind; 401 when there is none. */
  public static Caller current(HttpRequest<?> request) {
    return find(request).orElseThrow(() -> new UnauthorizedException("authentication required"));
  }

  /**
   * The authenticated caller when its kind is one of {@code allowed}; 401 when there is no caller,
   * 403 naming the required kinds when it is of another kind.
   */
  public static Caller require(HttpRequest<?> request, CallerKind... allowed) {
    if (allowed.length == 0) {
      throw new IllegalArgumentException("name at least one allowed caller kind");
    }
    Caller caller = current(request);
    if (Arrays.asList(allowed).contains(caller.kind())) {
      return caller;
    }
    String kinds = Arrays.stream(allowed).map(CallerKind::wire).distinct()
        .collect(Collectors.joining(" or "));
    throw new ForbiddenException("this action requires " + article(kinds) + " " + kinds + " token");
  }

  static void attach(HttpRequest<?> request, Caller caller) {
    request.setAttribute(ATTRIBUTE, caller);
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
