package dev.harbor.platform.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /health}: unauthenticated and without detail. 200 once the service's read model has
 * caught up; 503 with Retry-After before that.
 */
@Controller("/health")
class HealthController {

  private final Readiness readiness;

  HealthController(Readiness readiness) {
    this.readiness = readiness;
  }

  @Get
  HttpResponse<Health> health() {
    if (readiness.ready()) {
      return HttpResponse.ok(new Health("ready"));
    }
    return HttpResponse.<Health>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
        .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, dev.harbor.platform.http.ApiErrors.RETRY_AFTER_SECONDS)
        .body(new Health("starting"));
  }

  @Serdeable
  record Health(String status) {}
}
