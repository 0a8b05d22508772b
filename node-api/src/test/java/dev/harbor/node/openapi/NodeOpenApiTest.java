package dev.harbor.node.openapi;

import dev.harbor.platform.openapi.DocumentedApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.audit.AuditQuery;
import dev.harbor.node.KafkaNode;
import dev.harbor.node.instance.InstanceQuery;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.instance.SecretBindingMode;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import io.micronaut.web.router.Router;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The node's {@code GET /openapi.yml} against the node's own router, on a node running on the test
 * broker: every route is documented with its method (but {@code /openapi.yml} itself, which the
 * document leaves out), nothing else is, the bearer scheme covers {@code /v1} and {@code /mcp} but
 * not {@code /health}, and query parameters and enum values are those the code accepts.
 */
class NodeOpenApiTest {

  @TempDir static Path home;
  static KafkaNode node;
  static HttpResponse<String> response;
  static Map<String, Object> document;

  @BeforeAll
  static void fetchDocument() {
    node = KafkaNode.start(home);
    response = node.get("/openapi.yml", null);
    document = new Yaml().load(response.body());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void isServedWithoutATokenAsYaml() {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/yaml"));
    assertThat(document.get("openapi").toString()).startsWith("3.");
    assertThat(info()).containsEntry("title", "Harbor Node API");
  }

  @Test
  void documentsEveryRouteOfTheNodeAndNoOther() {
    var served = DocumentedApi.served(node.bean(Router.class));
    var documented = DocumentedApi.documented(document);

    assertThat(served).contains("GET /health", "POST /mcp", "GET /v1/mcp/catalog/{id}", "DELETE /v1/tokens/{id}");
    assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void requiresTheBearerSchemeOnV1AndMcpButNotOnHealth() {
    assertThat(document).doesNotContainKey("security");
    assertThat(securityScheme()).containsEntry("type", "http").containsEntry("scheme", "bearer");
    DocumentedApi.paths(document).forEach((path, item) -> DocumentedApi.operations(item).forEach((method, op) -> {
      if (path.startsWith("/v1/") || path.equals("/mcp")) {
        assertThat(op.get("security")).as(method + " " + path).isEqualTo(List.of(Map.of("bearerAuth", List.of())));
      } else {
        assertThat(op.get("security")).as(method + " " + path).isNull();
      }
    }));
    assertThat(DocumentedApi.operations(DocumentedApi.paths(document).get("/health"))).containsKey("get");
  }

  @Test
  void theMcpMethodsTheServerDoesNotOfferAnswerOnly405() {
    Map<String, Map<String, Object>> mcp = DocumentedApi.operations(DocumentedApi.paths(document).get("/mcp"));
    for (String method : List.of("get", "delete")) {
      assertThat(responseCodes(mcp.get(method))).as(method).containsExactlyInAnyOrder("405", "4XX", "5XX");
    }
    assertThat(responseCodes(mcp.get("post"))).contains("200", "202");
  }

  @Test
  void describesRefusalsWithTheApiErrorBody() {
    DocumentedApi.paths(document).forEach((path, item) -> DocumentedApi.operations(item).forEach((method, op) -> {
      if (path.startsWith("/v1/")) {
        assertThat(errorSchema(op, "4XX")).as(method + " " + path).isEqualTo("#/components/schemas/ApiError");
      }
    }));
    assertThat(schemas()).containsKey("ApiError");
  }

  @Test
  void documentsTheQueryParametersTheRoutesAccept() {
    Set<String> search = new TreeSet<>(CatalogQuery.PARAMETERS);
    search.add("state");

    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/catalog/search", "get")).isEqualTo(search);
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/catalog", "get"))
        .containsExactlyInAnyOrder("page", "size", "state");
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/instances", "get"))
        .isEqualTo(new TreeSet<>(InstanceQuery.PARAMETERS));
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/audit", "get"))
        .isEqualTo(new TreeSet<>(AuditQuery.PARAMETERS));
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/config", "get")).containsExactly("format");
    assertThat(DocumentedApi.queryParameters(document, "/v1/mcp/config/import", "post")).containsExactly("dryRun");
    DocumentedApi.paths(document).forEach((path, item) -> DocumentedApi.operations(item).keySet()
        .forEach(method -> DocumentedApi.queryParameters(document, path, method)));
  }

  @Test
  void listsEnumValuesAsTheyTravel() {
    Map<String, Class<? extends Wire>> contracts = Stream.of(
            ApprovalState.class, AuditEventType.class, AuditOutcome.class, CallerKind.class, EntryStatus.class,
            HealthCheckMode.class, InstanceStatus.class, LauncherKind.class, NetworkMode.class, PolicyAction.class,
            PolicyEffect.class, SecretBindingMode.class, SourceFormat.class, Transport.class, Visibility.class,
            ImportStatus.class, ClientFormat.class)
        .collect(Collectors.toMap(Class::getSimpleName, type -> type));
    Map<String, List<Object>> enums = DocumentedApi.enumSchemas(document);

    assertThat(enums).containsKeys("InstanceStatus", "PolicyAction");
    enums.forEach((name, values) -> {
      assertThat(contracts).as("a contract enum named " + name).containsKey(name);
      assertThat(values).as(name).containsExactlyElementsOf(DocumentedApi.wireNames(contracts.get(name)));
    });
  }

  @SuppressWarnings("unchecked")
  private static Set<String> responseCodes(Map<String, Object> operation) {
    return ((Map<String, Object>) operation.get("responses")).keySet();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> info() {
    return (Map<String, Object>) document.get("info");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schemas() {
    return (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> securityScheme() {
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    return (Map<String, Object>) ((Map<String, Object>) components.get("securitySchemes")).get("bearerAuth");
  }

  @SuppressWarnings("unchecked")
  private static Object errorSchema(Map<String, Object> operation, String code) {
    Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get(code);
    if (response == null) {
      return null;
    }
    Map<String, Object> content = (Map<String, Object>) response.get("content");
    Map<String, Object> body = (Map<String, Object>) content.values().iterator().next();
    return ((Map<String, Object>) body.get("schema")).get("$ref");
  }
}
