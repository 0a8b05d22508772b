package dev.harbor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiErrorResponsesTest {

  private static EmbeddedServer server;
  private static HttpClient http;

  @BeforeAll
  static void startServer() {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "micronaut.server.host", "127.0.0.1",
        "micronaut.server.max-request-size", "64KB"), "test");
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    http.close();
  }

  @Test
  void malformedJsonIsABadRequestSayingSo() throws Exception {
    HttpResponse<String> response = postJson("/probe/greetings", "{\"name\": \"ann\", ");

    ApiError error = errorOf(response, 400);
    assertThat(error.error()).isEqualTo("bad_request");
    assertThat(error.message()).startsWith("malformed JSON: ");
  }

  @Test
  void anUnknownFieldInTheBodyIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> response =
        postJson("/probe/greetings", "{\"name\": \"ann\", \"count\": 1, \"colour\": \"red\"}");

    ApiError error = errorOf(response, 400);
    assertThat(error.field()).isEqualTo("colour");
    assertThat(error.message()).contains("unknown field 'colour'");
  }

  @Test
  void aMissingRequiredBodyFieldIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> response = postJson("/probe/greetings", "{\"count\": 1}");

    ApiError error = errorOf(response, 400);
    assertThat(error.field()).isEqualTo("name");
    assertThat(error.message()).contains("missing required field 'name'");
  }

  @Test
  void aBodyFieldOfTheWrongTypeIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> response = postJson("/probe/greetings", "{\"name\": \"ann\", \"count\": \"many\"}");

    ApiError error = errorOf(response, 400);
    assertThat(error.field()).isEqualTo("count");
  }

  @Test
  void aWellFormedBodyStillGoesThrough() throws Exception {
    HttpResponse<String> response = postJson("/probe/greetings", "{\"name\": \"ann\", \"count\": 2}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"ann\"");
  }

  @Test
  void aQueryParameterThatIsNotANumberIsRefusedNamingTheParameter() throws Exception {
    ApiError error = errorOf(get("/probe/search?limit=lots"), 400);

    assertThat(error.field()).isEqualTo("limit");
    assertThat(error.message()).contains("invalid value for parameter 'limit'");
  }

  @Test
  void aMissingQueryParameterIsRefusedNamingTheParameter() throws Exception {
    ApiError error = errorOf(get("/probe/search"), 400);

    assertThat(error.field()).isEqualTo("limit");
    assertThat(error.message()).isEqualTo("missing required parameter 'limit'");
  }

  @Test
  void aPathParameterThatIsNotANumberIsRefusedNamingTheParameter() throws Exception {
    ApiError error = errorOf(get("/probe/items/seven"), 400);

    assertThat(error.field()).isEqualTo("id");
  }

  @Test
  void aBodyOverTheConfiguredLimitIsRefusedAsTooLarge() throws Exception {
    String big = "{\"name\": \"" + "x".repeat(70 * 1024) + "\", \"count\": 1}";

    ApiError error = errorOf(postJson("/probe/greetings", big), 413);

    assertThat(error.error()).isEqualTo("payload_too_large");
    assertThat(error.message()).contains(String.valueOf(64 * 1024));
  }

  @Test
  void aBodyOfAnUnsupportedContentTypeIsRefused() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/probe/greetings"))
        .header("Content-Type", "text/plain")
        .POST(BodyPublishers.ofString("name=ann"))
        .build(), BodyHandlers.ofString());

    ApiError error = errorOf(response, 415);
    assertThat(error.error()).isEqualTo("unsupported_media_type");
    assertThat(error.message()).contains("text/plain").contains("application/json");
  }

  @Test
  void anUnknownRouteIsANotFoundApiError() throws Exception {
    ApiError error = errorOf(get("/no/such/route"), 404);

    assertThat(error.error()).isEqualTo("not_found");
  }

  @Test
  void aWrongMethodIsRefusedListingTheAllowedOnes() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/probe/ok"))
        .DELETE().build(), BodyHandlers.ofString());

    ApiError error = errorOf(response, 405);
    assertThat(error.message()).contains("GET");
  }

  @Test
  void anUnexpectedExceptionIsAGenericServerErrorWithoutItsDetail() throws Exception {
    HttpResponse<String> response = get("/probe/boom?secret=hunter2");

    ApiError error = errorOf(response, 500);
    assertThat(error.error()).isEqualTo("internal_error");
    assertThat(response.body())
        .doesNotContain("hunter2")
        .doesNotContain("exploded")
        .doesNotContain("IllegalStateException")
        .doesNotContain("dev.harbor");
  }

  @Test
  void controllerExceptionsCarryTheirStatusCodeMessageAndField() throws Exception {
    ApiError notFound = errorOf(get("/probe/items/404"), 404);
    ApiError conflict = errorOf(postJson("/probe/conflict", "{}"), 409);
    ApiError bad = errorOf(postJson("/probe/bad", "{}"), 400);
    ApiError unready = errorOf(get("/probe/unready"), 503);

    assertThat(notFound).isEqualTo(new ApiError(404, "not_found", "item 404 does not exist", null));
    assertThat(conflict).isEqualTo(new ApiError(409, "conflict", "greeting already exists", null));
    assertThat(bad).isEqualTo(new ApiError(400, "bad_request", "name must not be blank", "name"));
    assertThat(unready).isEqualTo(new ApiError(503, "not_ready", "catalog still loading", null));
  }

  @Test
  void notReadyAnswersTellTheCallerWhenToAskAgain() throws Exception {
    HttpResponse<String> response = get("/probe/unready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains(ApiErrors.RETRY_AFTER_SECONDS);
  }

  @Test
  void errorBodiesAreJson() throws Exception {
    HttpResponse<String> response = get("/no/such/route");

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String path, String json)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json))
        .build(), BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  private static ApiError errorOf(HttpResponse<String> response, int expectedStatus) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    ApiError error = ObjectMapper.getDefault().readValue(response.body(), ApiError.class);
    assertThat(error.status()).isEqualTo(expectedStatus);
    return error;
  }
}
