package dev.harbor.platform.http;

import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Hardens the web pages served under {@code /ui}: they load scripts, styles and data from their own
 * service only, are never framed, send no referrer and are revalidated on every load (the bundled
 * assets carry content hashes in their names).
 */
@ServerFilter({"/ui", "/ui/**"})
public final class UiHeadersFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  @ResponseFilter
  void harden(MutableHttpResponse<?> response) {
    MutableHttpHeaders headers = response.getHeaders();
    headers.add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.add("X-Content-Type-Options", "nosniff");
    headers.add("X-Frame-Options", "DENY");
    headers.add("Referrer-Policy", "no-referrer");
    headers.add("Cache-Control", "no-cache");
  }
}
