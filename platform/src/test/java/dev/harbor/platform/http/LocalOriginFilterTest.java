package dev.harbor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalOriginFilterTest {

  private static EmbeddedServer server;

  @BeforeAll
  static void startServer() {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "micronaut.server.host", "127.0.0.1",
        "harbor.http.allowed-hosts", "harbor.internal, Box.Lan"), "test");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void aForeignHostIsRefusedEvenOnHealth() throws Exception {
    RawHttp.Response response = get("/health", Map.of("Host", "evil.example"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(error(response)).isEqualTo(new ApiError(403, "forbidden", "host not allowed", null));
  }

  @Test
  void aForeignHostWithALocalPortIsRefused() throws Exception {
    assertThat(get("/probe/ok", Map.of("Host", "evil.example:8080")).status()).isEqualTo(403);
  }

  @Test
  void aHostThatOnlyStartsWithALocalNameIsRefused() throws Exception {
    assertThat(get("/probe/ok", Map.of("Host", "localhost.evil.example")).status()).isEqualTo(403);
    assertThat(get("/probe/ok", Map.of("Host", "127.0.0.1.nip.io:8080")).status()).isEqualTo(403);
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    RawHttp.Response response =
        get("/probe/ok", Map.of("Host", "localhost:8080", "Origin", "http://evil.example"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(error(response).message()).isEqualTo("origin not allowed");
  }

  @Test
  void anOpaqueNullOriginIsRefused() throws Exception {
    assertThat(get("/probe/ok", Map.of("Host", "localhost", "Origin", "null")).status())
        .isEqualTo(403);
  }

  @Test
  void localHostNamesOnAnyPortPass() throws Exception {
    assertThat(get("/probe/ok", Map.of("Host", "localhost:8080")).status()).isEqualTo(200);
    assertThat(get("/probe/ok", Map.of("Host", "127.0.0.1")).status()).isEqualTo(200);
    assertThat(get("/probe/ok", Map.of("Host", "[::1]:8081")).status()).isEqualTo(200);
    assertThat(get("/probe/ok", Map.of("Host", "LOCALHOST")).status()).isEqualTo(200);
  }

  @Test
  void aLocalOriginPasses() throws Exception {
    RawHttp.Response response =
        get("/probe/ok", Map.of("Host", "localhost:8080", "Origin", "http://localhost:3000"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
  }

  @Test
  void configuredExtraHostsPassAsHostAndOrigin() throws Exception {
    assertThat(get("/probe/ok", Map.of("Host", "harbor.internal:8080")).status()).isEqualTo(200);
    assertThat(get("/probe/ok", Map.of("Host", "box.lan", "Origin", "https://box.lan")).status())
        .isEqualTo(200);
  }

  @Test
  void aRequestWithoutHostIsRefused() throws Exception {
    assertThat(get("/probe/ok", Map.of()).status()).isEqualTo(403);
  }

  private static RawHttp.Response get(String path, Map<String, String> headers) throws IOException {
    return RawHttp.send(server.getPort(), "GET", path, headers);
  }

  private static ApiError error(RawHttp.Response response) throws IOException {
    return ObjectMapper.getDefault().readValue(response.body(), ApiError.class);
  }
}
