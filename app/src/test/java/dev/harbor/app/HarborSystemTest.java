package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system in one JVM, as {@code ./harbor up} runs it: the Hub imports the bundled catalog
 * through the embedded broker, the Node mirrors it, and operators and agents use the Node API.
 */
class HarborSystemTest {

  @TempDir static Path home;
  static Harbor harbor;
  static Api hub;
  static Api operator;
  static Api agent;

  @BeforeAll
  static void startHarbor() throws IOException {
    harbor = TestHarbor.start(TestHarbor.env(home));
    hub = new Api(harbor.hubUrl(), null);
    operator = new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home));
    long hubTotal = hub.get("/v1/mcp/catalog?size=1").total();
    await("node mirror holds the hub catalog")
        .atMost(Duration.ofMinutes(2))
        .until(() -> operator.get("/v1/mcp/catalog?size=1").total() == hubTotal);
    Api.Reply created = operator.post("/v1/tokens", "{\"kind\":\"agent\",\"name\":\"agent-1\"}");
    assertThat(created.status()).isEqualTo(201);
    agent = operator.as((String) created.json().get("token"));
  }

  @AfterAll
  static void stopHarbor() {
    harbor.close();
  }

  @Test
  void theNodeFindsGithubServersFromBothSources() {
    Api.Reply reply = operator.get("/v1/mcp/catalog/search?q=github&size=200");

    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = reply.items().stream().map(HarborSystemTest::entryId).toList();
    assertThat(ids).anyMatch(id -> id.startsWith("docker.")).anyMatch(id -> id.startsWith("official."));
    assertThat(reply.items()).allSatisfy(item -> assertThat(item).containsKeys("entry", "local"));
  }

  @Test
  void searchesAndViewsAreAuditedWithTheCallerAndTheQuery() {
    String id = firstId("q=time&launcherKind=docker");
    agent.get("/v1/mcp/catalog/search?q=zebra-audit-probe&launcherKind=docker");
    agent.get("/v1/mcp/catalog/" + id);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<AuditEvent> events = auditOf(harbor.settings().nodeId(), e -> "agent-1".equals(e.actor().name()));
      assertThat(events)
          .anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.CATALOG_SEARCHED);
            assertThat(e.details()).containsEntry("q", "zebra-audit-probe").containsEntry("launcherKind", "docker");
          })
          .anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.CATALOG_VIEWED);
            assertThat(e.catalogId()).isEqualTo(id);
          });
    });
  }

  @Test
  void theHubServesListSearchAndDetailWithoutANode() {
    Api.Reply search = hub.get("/v1/mcp/catalog/search?q=github&launcherKind=docker");
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.total()).isPositive();
    String id = (String) search.items().get(0).get("id");

    Api.Reply detail = hub.get("/v1/mcp/catalog/" + id);

    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json()).containsEntry("id", id).containsEntry("launcherKind", "docker");
    assertThat(hub.get("/v1/mcp/catalog/docker.no-such-entry").status()).isEqualTo(404);
  }

  @Test
  void anOperatorDisablesAndEnablesAnEntryAndBothAreAudited() {
    String id = firstId("q=fetch&launcherKind=docker");

    Api.Reply disabled = operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"not on this host\"}");

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(local(disabled.json())).containsEntry("enabled", false).containsEntry("reason", "not on this host");
    assertThat(idsOf("/v1/mcp/catalog/search?q=fetch&state=disabled&size=200")).contains(id);
    assertThat(idsOf("/v1/mcp/catalog/search?q=fetch&state=enabled&size=200")).doesNotContain(id);

    Api.Reply enabled = operator.post("/v1/mcp/catalog/" + id + "/enable", null);

    assertThat(local(enabled.json())).containsEntry("enabled", true);
    List<AuditEvent> audit = auditOf(harbor.settings().nodeId(), e -> id.equals(e.catalogId()));
    assertThat(audit).extracting(AuditEvent::type).contains(AuditEventType.ENTRY_DISABLED, AuditEventType.ENTRY_ENABLED);
    assertThat(audit)
        .filteredOn(e -> e.type() == AuditEventType.ENTRY_DISABLED)
        .allSatisfy(e -> {
          assertThat(e.actor().kind().wire()).isEqualTo("operator");
          assertThat(e.details()).containsEntry("reason", "not on this host");
        });
  }

  @Test
  void anAgentMayBrowseButNotDisable() {
    String id = firstId("q=time&launcherKind=docker");

    assertThat(agent.get("/v1/mcp/catalog/search?q=time").status()).isEqualTo(200);
    Api.Reply refused = agent.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"agent says so\"}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(local(operator.get("/v1/mcp/catalog/" + id).json())).containsEntry("enabled", true);
  }

  @Test
  void callersWithoutAValidTokenOrFromAForeignHostAreRefused() throws IOException {
    assertThat(operator.as(null).get("/v1/mcp/catalog").status()).isEqualTo(401);
    assertThat(operator.as("hbr_notatoken_x").get("/v1/mcp/catalog").status()).isEqualTo(401);
    assertThat(operator.statusWithHost("/v1/mcp/catalog", "evil.example")).isEqualTo(403);
    assertThat(operator.statusWithHost("/v1/mcp/catalog", "localhost")).isEqualTo(200);
  }

  @Test
  void bothServicesServeTheWebPagesWithoutATokenWhileTheNodeApiStillWantsOne() throws IOException {
    for (Api service : List.of(hub, operator.as(null))) {
      Api.Reply page = service.get("/ui/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<div id=\"app\">").contains("/ui/assets/");
      assertThat(page.headers().get("content-security-policy")).singleElement().asString().startsWith("default-src 'self'");
      assertThat(page.headers().get("x-frame-options")).containsExactly("DENY");
      assertThat(service.get("/ui").status()).isEqualTo(200);
      assertThat(service.statusWithHost("/ui/", "evil.example")).isEqualTo(403);
    }
    assertThat(operator.as(null).get("/v1/hub").status()).isEqualTo(401);
    assertThat(operator.as(null).get("/v1/mcp/instances").status()).isEqualTo(401);
    assertThat(hub.get("/v1/hub").json())
        .containsEntry("service", "hub")
        .containsEntry("nodeUrl", harbor.nodeUrl());
  }

  @Test
  void badInputIsRefusedNamingTheProblemAndChangesNothing() {
    String id = firstId("q=fetch&launcherKind=docker");
    Map<String, Object> before = local(operator.get("/v1/mcp/catalog/" + id).json());

    assertRefused(operator.get("/v1/mcp/catalog/search?colour=red"), 400, "colour");
    assertRefused(operator.get("/v1/mcp/catalog/search?transport=carrier-pigeon"), 400, "transport");
    assertRefused(operator.get("/v1/mcp/catalog/search?state=maybe"), 400, "state");
    assertRefused(operator.get("/v1/mcp/catalog/search?size=100000"), 400, "size");
    assertRefused(operator.get("/v1/mcp/catalog/search?q=%3Brm%20-rf%20%2F"), 400, "q");
    assertRefused(operator.get("/v1/mcp/catalog/..%2F..%2Fetc%2Fpasswd"), 400, "id");
    assertThat(operator.get("/v1/mcp/catalog/docker.no-such-entry").status()).isEqualTo(404);
    assertThat(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":").status()).isEqualTo(400);
    assertRefused(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"x\",\"force\":true}"), 400, "force");
    assertThat(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"" + "x".repeat(200_000) + "\"}").status())
        .isEqualTo(413);
    assertRefused(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"" + "x".repeat(600) + "\"}"), 400, "reason");

    assertThat(local(operator.get("/v1/mcp/catalog/" + id).json())).isEqualTo(before);
  }

  @Test
  void anEntryRemovedFromAnImportedSourceDisappearsFromTheNodeMirror() throws Exception {
    Path source = home.resolve("extra-source");
    copyServer("fetch", source.resolve("servers/extra-fetch"));
    copyServer("time", source.resolve("servers/extra-time"));
    assertThat(cli("hub", "import", source.toString())).contains("imported 2");
    await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/v1/mcp/catalog/docker.extra-time").status() == 200);

    deleteTree(source.resolve("servers/extra-time"));
    String report = cli("hub", "import", source.toString());

    assertThat(report).contains("removed 1").contains("unchanged 1");
    await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/v1/mcp/catalog/docker.extra-time").status() == 404);
    assertThat(hub.get("/v1/mcp/catalog/docker.extra-time").status()).isEqualTo(404);
    assertThat(operator.get("/v1/mcp/catalog/docker.extra-fetch").status()).isEqualTo(200);
  }

  @Test
  void twoNodesOnOneBrokerKeepTheirOwnEnableStateAndInstances(@TempDir Path betaHome) throws IOException {
    Map<String, String> betaEnv = TestHarbor.env(betaHome);
    betaEnv.put("HARBOR_ROLES", "node");
    betaEnv.put("HARBOR_NODE_ID", "beta");
    betaEnv.put("HARBOR_KAFKA_BOOTSTRAP", Files.readString(harbor.settings().bootstrapFile()).trim());
    try (Harbor beta = TestHarbor.start(betaEnv)) {
      Api betaOperator = new Api(beta.nodeUrl(), TestHarbor.operatorToken(betaHome));
      String id = firstId("q=time&launcherKind=docker");
      await().atMost(Duration.ofMinutes(1)).until(() -> betaOperator.get("/v1/mcp/catalog/" + id).status() == 200);

      betaOperator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"beta only\"}");

      assertThat(local(betaOperator.get("/v1/mcp/catalog/" + id).json())).containsEntry("enabled", false);
      assertThat(local(operator.get("/v1/mcp/catalog/" + id).json())).containsEntry("enabled", true);

      String other = firstId("q=fetch&launcherKind=docker");
      Api.Reply setUp = betaOperator.post("/v1/mcp/setup", "{\"catalogId\":\"" + other + "\"}");
      assertThat(setUp.status()).as(setUp.body()).isEqualTo(202);
      String instanceId = (String) setUp.json().get("instanceId");
      await().atMost(Duration.ofSeconds(30)).until(() -> betaOperator.get("/v1/mcp/instances/" + instanceId).status() == 200);
      assertThat(operator.get("/v1/mcp/instances/" + instanceId).status()).isEqualTo(404);
      assertThat(operator.get("/v1/mcp/instances?catalogId=" + other).body()).doesNotContain(instanceId);
      assertThat(betaOperator.as(TestHarbor.operatorToken(home)).get("/v1/mcp/catalog").status()).isEqualTo(401);
    }
  }

  @Test
  void theHubAndTheNodeEachServeTheirOwnOpenApiDocument() {
    Api.Reply hubDocument = hub.get("/openapi.yml");
    Api.Reply nodeDocument = new Api(harbor.nodeUrl(), null).get("/openapi.yml");

    assertThat(hubDocument.status()).isEqualTo(200);
    assertThat(nodeDocument.status()).as("served without a token").isEqualTo(200);
    assertThat(hubDocument.body()).contains("title: Harbor Hub API").doesNotContain("/v1/tokens");
    assertThat(nodeDocument.body()).contains("title: Harbor Node API", "/v1/tokens:");
  }

  private static void assertRefused(Api.Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json()).containsEntry("field", field);
    assertThat((String) reply.json().get("message")).isNotBlank();
  }

  private static String firstId(String query) {
    return entryId(operator.get("/v1/mcp/catalog/search?" + query).items().get(0));
  }

  private static List<String> idsOf(String path) {
    return operator.get(path).items().stream().map(HarborSystemTest::entryId).toList();
  }

  @SuppressWarnings("unchecked")
  private static String entryId(Map<String, Object> item) {
    return (String) ((Map<String, Object>) item.get("entry")).get("id");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> local(Map<String, Object> item) {
    return (Map<String, Object>) item.get("local");
  }

  private static String cli(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        new HarborMain(Map.of("HARBOR_HOME", home.toString()), new PrintStream(out, true, StandardCharsets.UTF_8))
            .run(args);
    assertThat(status).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<AuditEvent> auditOf(String nodeId, java.util.function.Predicate<AuditEvent> wanted) {
    return TopicRecords.read(harbor, Topics.audit(nodeId), wanted);
  }

  private static void copyServer(String name, Path to) throws IOException {
    Files.createDirectories(to);
    Path from = TestHarbor.seed().resolve("docker-mcp-registry/servers").resolve(name);
    String yaml = Files.readString(from.resolve("server.yaml"));
    Files.writeString(to.resolve("server.yaml"), yaml.replaceFirst("(?m)^name: .*$", "name: " + to.getFileName()));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
