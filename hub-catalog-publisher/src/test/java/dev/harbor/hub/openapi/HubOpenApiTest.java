package dev.harbor.hub.openapi;

import dev.harbor.platform.openapi.DocumentedApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Hub's {@code GET /openapi.yml} against the Hub's own router, on a Hub running on a real broker:
 * every route is documented with its method (but {@code /openapi.yml} itself, which the document
 * leaves out), nothing else is (none of the node's), nothing asks for a token, and query parameters
 * and enum values are those the code accepts.
 */
class HubOpenApiTest {

  @TempDir static Path brokerDir;
  @TempDir static Path home;
  static EmbeddedKafka broker;
  static ApplicationContext hub;
  static EmbeddedServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static HttpResponse<String> response;
  static Map<String, Object> document;

  @BeforeAll
  static void startHub() throws Exception {
    broker = EmbeddedKafka.start(brokerDir, 0);
    hub = ApplicationContext.builder()
        .environments("hub")
        .deduceEnvironment(false)
        .properties(Map.of(
            "harbor.home", home.toString(),
            "harbor.kafka.bootstrap-servers", broker.bootstrapServers(),
            "micronaut.server.host", "127.0.0.1",
            "micronaut.server.port", -1))
        .start();
    server = hub.getBean(EmbeddedServer.class).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> get("/health").statusCode() == 200);
    response = get("/openapi.yml");
    document = new Yaml().load(response.body());
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    if (broker != null) {
      broker.close();
    }
    HTTP.close();
  }

  @Test
  void isServedAsYaml() {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/yaml"));
    assertThat(document.get("openapi").toString()).startsWith("3.");
    assertThat(document.get("info")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("title", "Harbor Hub API");
  }

  @Test
  void documentsEveryRouteOfTheHubAndNoOther() {
    var served = DocumentedApi.served(hub.getBean(Router.class));
    var documented = DocumentedApi.documented(document);

    assertThat(served).contains("GET /health", "GET /v1/hub", "GET /v1/mcp/catalog/{id}");
    assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void asksForNoToken() {
    assertThat(document).doesNotContainKey("security");
    DocumentedApi.paths(document).forEach((path, item) -> DocumentedApi.operations(item).forEach(
        (method, op) -> assertThat(op.get("security")).as(method + " " + path).isNull()));
    @SuppressWarnings("unchecked")
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    assertThat(components).doesNotContainKey("securitySchemes");
  }

  @Test
  void documentsTheQueryParametersTheRoutesAccept() {
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/catalog/search", "get"))
        .isEqualTo(new TreeSet<>(CatalogQuery.PARAMETERS));
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/catalog", "get"))
        .containsExactlyInAnyOrder("page", "size");
  }

  @Test
  void listsEnumValuesAsTheyTravel() {
    Map<String, Class<? extends Wire>> contracts = Stream.of(
            EntryStatus.class, HealthCheckMode.class, LauncherKind.class, NetworkMode.class, SourceFormat.class,
            Transport.class, Visibility.class)
        .collect(Collectors.toMap(Class::getSimpleName, type -> type));
    Map<String, List<Object>> enums = DocumentedApi.enumSchemas(document);

    assertThat(enums).containsKeys("Transport", "LauncherKind");
    enums.forEach((name, values) -> {
      assertThat(contracts).as("a contract enum named " + name).containsKey(name);
      assertThat(values).as(name).containsExactlyElementsOf(DocumentedApi.wireNames(contracts.get(name)));
    });
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).GET().build(),
        BodyHandlers.ofString());
  }
}
