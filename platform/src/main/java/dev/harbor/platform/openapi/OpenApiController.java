package dev.harbor.platform.openapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml}: the service's OpenAPI document as generated from its controllers at build
 * time, as {@code application/yaml}. Unauthenticated, like {@code /health}. The document does not
 * list this route itself.
 */
@Controller("/openapi.yml")
@Requires(beans = OpenApiDocument.class)
class OpenApiController {

  static final String MEDIA_TYPE = "application/yaml";

  private final byte[] document;

  OpenApiController(OpenApiDocument document) {
    this.document = read(document.resource());
  }

  @Get(produces = MEDIA_TYPE)
  HttpResponse<byte[]> document() {
    return HttpResponse.ok(document).header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  private static byte[] read(String resource) {
    ClassLoader loader = OpenApiController.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI document " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
