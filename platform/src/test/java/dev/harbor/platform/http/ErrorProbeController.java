package dev.harbor.platform.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

/** Routes that fail in each way the error mapping must cover; present only in tests. */
@Requires(env = "test")
@Controller("/probe")
class ErrorProbeController {

  /** A request body that refuses unknown fields, as Harbor's request records do. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record Greeting(@Nullable String name, int count) {}

  @Post("/greetings")
  Greeting greet(@Body Greeting greeting) {
    ApiErrors.requireField(greeting.name(), "name");
    return greeting;
  }

  @Get("/items/{id}")
  String item(@PathVariable int id) {
    if (id == 404) {
      throw new NotFoundException("item 404 does not exist");
    }
    return "item " + id;
  }

  @Get("/search")
  String search(@QueryValue int limit) {
    return "limit " + limit;
  }

  @Get("/boom")
  String boom(@QueryValue String secret) {
    throw new IllegalStateException("exploded while handling " + secret);
  }

  @Post("/conflict")
  String conflict() {
    throw new ConflictException("greeting already exists");
  }

  @Post("/bad")
  String bad() {
    throw new BadRequestException("name", "name must not be blank");
  }

  @Get("/unready")
  String unready() {
    throw new NotReadyException("catalog still loading");
  }

  @Get("/ok")
  String ok() {
    return "ok";
  }
}
