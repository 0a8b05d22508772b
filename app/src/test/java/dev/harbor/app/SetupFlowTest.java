package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup requests end to end on a real broker: the REST edge sends commands, the node's policy stream
 * decides, operators approve or deny, orders reach the launcher's topic, and every step is audited.
 */
class SetupFlowTest {

  @TempDir static Path home;
  static Harbor harbor;
  static Api operator;
  static Api agent;
  static Api otherAgent;

  @BeforeAll
  static void startHarbor() throws IOException {
    Map<String, String> env = TestHarbor.env(home);
    env.put("HARBOR_APPROVAL_TTL", "3s");
    env.put("HARBOR_APPROVAL_CHECK_INTERVAL", "500ms");
    harbor = TestHarbor.start(env);
    operator = new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home));
    long hubTotal = new Api(harbor.hubUrl(), null).get("/v1/mcp/catalog?size=1").total();
    await().atMost(Duration.ofMinutes(2)).until(() -> operator.get("/v1/mcp/catalog?size=1").total() == hubTotal);
    agent = operator.as(token("agent", "agent-1"));
    otherAgent = operator.as(token("agent", "agent-2"));
  }

  @AfterAll
  static void stopHarbor() {
    harbor.close();
  }

  @Test
  void anAgentsSetupWaitsForApprovalAndAnOperatorsApprovalOrdersTheLaunch() {
    String catalogId = launchableId();
    Map<String, Object> requested = setup(agent, catalogId, null);
    String id = (String) requested.get("instanceId");

    awaitStatus(id, "pending_approval");
    assertThat(operator.get("/v1/mcp/approvals").body()).contains(id);
    assertThat(agent.post("/v1/mcp/instances/" + id + "/approve", "{}").status()).isEqualTo(403);

    Api.Reply approved = operator.post("/v1/mcp/instances/" + id + "/approve", "{\"note\":\"fine\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    awaitStatus(id, "installing");
    await().atMost(Duration.ofSeconds(30)).until(() -> ordersFor(id).size() == 1);
    LaunchOrder order = ordersFor(id).get(0);
    assertThat(order.type()).isEqualTo(OrderType.LAUNCH);
    assertThat(order.spec()).isNotNull();
    assertThat(order.specHash()).isEqualTo(order.spec().hash());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(audit(e -> id.equals(e.instanceId()))).extracting(AuditEvent::type)
            .contains(AuditEventType.SETUP_REQUESTED, AuditEventType.SETUP_APPROVED, AuditEventType.SETUP_STARTED));
  }

  @Test
  void anOperatorDeniesAPendingSetup() {
    String id = (String) setup(agent, launchableId(), null).get("instanceId");
    awaitStatus(id, "pending_approval");

    assertThat(operator.post("/v1/mcp/instances/" + id + "/deny", "{\"note\":\"not today\"}").status()).isEqualTo(200);

    awaitStatus(id, "denied");
    assertThat(operator.post("/v1/mcp/instances/" + id + "/approve", "{}").status()).isEqualTo(409);
    assertThat(ordersFor(id)).isEmpty();
  }

  @Test
  void anUnansweredApprovalExpires() {
    String id = (String) setup(agent, launchableId(), null).get("instanceId");

    await().atMost(Duration.ofSeconds(30)).until(() -> "denied".equals(instance(id).get("status")));
    assertThat(operator.get("/v1/mcp/instances/" + id).body()).contains("approval expired");
    assertThat(operator.post("/v1/mcp/instances/" + id + "/approve", "{}").status()).isEqualTo(409);
  }

  @Test
  void aDisabledEntryIsRefusedBeforePolicyNamingWhoDisabledIt() {
    String catalogId = launchableId();
    operator.post("/v1/mcp/catalog/" + catalogId + "/disable", "{\"reason\":\"no browsers here\"}");

    String id = (String) setup(operator, catalogId, null).get("instanceId");

    awaitStatus(id, "denied");
    assertThat(operator.get("/v1/mcp/instances/" + id).body()).contains("disabled").contains("operator").contains("node-state");
    assertThat(ordersFor(id)).isEmpty();
  }

  @Test
  void anOperatorsSetupIsAllowedAtOnceAndARepeatWithTheSameKeyReturnsTheSameInstance() {
    String catalogId = launchableId();
    String key = "key-" + UUID.randomUUID();

    Map<String, Object> first = setup(operator, catalogId, key);
    awaitStatus((String) first.get("instanceId"), "installing");
    Map<String, Object> again = setup(operator, catalogId, key);

    assertThat(again.get("instanceId")).isEqualTo(first.get("instanceId"));
    assertThat(again.get("repeated")).isEqualTo(true);
    assertThat(ordersFor((String) first.get("instanceId"))).hasSize(1);
  }

  @Test
  void anAgentMayRemoveOnlyWhatItRequestedAndIllegalTransitionsAreConflicts() {
    String id = (String) setup(agent, launchableId(), null).get("instanceId");
    awaitStatus(id, "pending_approval");

    assertThat(otherAgent.post("/v1/mcp/instances/" + id + "/remove", null).status()).isEqualTo(403);
    assertThat(agent.post("/v1/mcp/instances/" + id + "/restart", null).status()).isEqualTo(409);
    Api.Reply removed = agent.post("/v1/mcp/instances/" + id + "/remove", null);

    assertThat(removed.status()).as(removed.body()).isIn(200, 202);
    awaitStatus(id, "removed");
    assertThat(operator.get("/v1/mcp/instances/" + id).status()).isEqualTo(200);
  }

  @Test
  void aDryRunNamesTheRuleThatWouldDecideAndChangesNothing() {
    String catalogId = launchableId();
    String body = "{\"catalogId\":\"" + catalogId + "\"}";

    Map<String, Object> forAgent = decisionOf(agent.post("/v1/mcp/policy/dry-run", body));
    Map<String, Object> forOperator = decisionOf(operator.post("/v1/mcp/policy/dry-run", body));

    assertThat(forAgent).containsEntry("effect", "require_approval").containsEntry("rule", "agent-setup-needs-approval");
    assertThat(forOperator).containsEntry("effect", "allow").containsEntry("rule", "operators-allow-all");
    assertThat(agent.post("/v1/mcp/policy/dry-run", "{\"catalogId\":\"" + catalogId + "\",\"callerKind\":\"operator\"}").status())
        .isEqualTo(403);
    assertThat(operator.get("/v1/mcp/instances?catalogId=" + catalogId).total()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNewPolicyIsAuditedAndDecidesTheNextRequestNamingItsRule() throws IOException {
    String catalogId = launchableId();
    Map<String, Object> current = operator.get("/v1/mcp/policy").json();
    List<Object> rules = new java.util.ArrayList<>((List<Object>) current.get("rules"));
    rules.add(0, Map.of("id", "trusted-agent-1", "actions", List.of("mcp.setup"), "callerKinds", List.of("agent"),
        "callerName", "agent-?", "catalogIds", List.of(catalogId), "effect", "allow"));
    String put = io.micronaut.serde.ObjectMapper.getDefault().writeValueAsString(Map.of("rules", rules));
    assertThat(agent.put("/v1/mcp/policy", put).status()).isEqualTo(403);
    Api.Reply replaced = operator.put("/v1/mcp/policy", put);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

    String id = (String) setup(agent, catalogId, null).get("instanceId");

    awaitStatus(id, "installing");
    assertThat((Map<String, Object>) instance(id).get("decision")).containsEntry("rule", "trusted-agent-1");
    await().atMost(Duration.ofSeconds(30)).until(() -> !audit(e -> e.type() == AuditEventType.POLICY_CHANGED).isEmpty());
    assertThat(operator.put("/v1/mcp/policy", "{\"rules\":[{\"id\":\"\",\"effect\":\"allow\"}]}").status()).isEqualTo(400);
  }

  @Test
  void theAuditTrailAnswersFilteredQueriesAndAReplayGivesTheSameAnswers() {
    String id = (String) setup(agent, launchableId(), null).get("instanceId");
    awaitStatus(id, "pending_approval");
    operator.post("/v1/mcp/instances/" + id + "/deny", "{\"note\":\"audit probe\"}");
    awaitStatus(id, "denied");
    List<String> queries = List.of(
        "/v1/mcp/audit?instanceId=" + id,
        "/v1/mcp/audit?actorName=agent-1&types=setup_requested",
        "/v1/mcp/audit?types=setup_denied&outcome=denied",
        "/v1/mcp/audit?text=audit%20probe",
        "/v1/mcp/instances/" + id + "/logs");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(operator.get("/v1/mcp/instances/" + id + "/logs").items()).extracting(e -> e.get("type"))
            .contains("setup_requested", "setup_denied"));
    assertThat(operator.get("/v1/mcp/instances/i-00000000000000000000/logs").status())
        .as("the logs of an instance the node never had").isEqualTo(404);
    List<String> before = queries.stream().map(q -> operator.get(q).body()).toList();
    assertThat(operator.get(queries.get(0)).items()).allSatisfy(e -> assertThat(e).containsEntry("instanceId", id));
    assertThat(operator.get(queries.get(3)).items()).isNotEmpty();
    assertThat(agent.post("/v1/mcp/audit/replay", null).status()).isEqualTo(403);
    assertField(operator.get("/v1/mcp/audit?colour=red"), "colour");

    Api.Reply replay = operator.post("/v1/mcp/audit/replay", null);

    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    assertThat(queries.stream().map(q -> operator.get(q).body()).toList()).isEqualTo(before);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decisionOf(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return (Map<String, Object>) reply.json().get("decision");
  }

  @Test
  void badSetupRequestsAreRefusedNamingTheField() {
    String catalogId = launchableId();

    assertThat(agent.post("/v1/mcp/setup", "{\"catalogId\":\"docker.no-such-entry\"}").status()).isEqualTo(404);
    assertField(agent.post("/v1/mcp/setup", "{\"catalogId\":\"../etc\"}"), "catalogId");
    assertField(agent.post("/v1/mcp/setup", "{\"catalogId\":\"" + catalogId + "\",\"config\":{\"x\":\"--privileged\"}}"), "config.x");
    assertField(agent.post("/v1/mcp/setup", "{\"catalogId\":\"" + catalogId + "\",\"image\":\"evil/image\"}"), "image");
    assertThat(agent.post("/v1/mcp/setup", "{\"catalogId\":").status()).isEqualTo(400);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(audit(e -> e.type() == AuditEventType.SETUP_DENIED && "docker.no-such-entry".equals(e.catalogId())))
            .anySatisfy(e -> {
              assertThat(e.outcome()).isEqualTo(dev.harbor.schemas.audit.AuditOutcome.DENIED);
              assertThat(e.reason()).contains("not found");
              assertThat(e.actor().name()).isEqualTo("agent-1");
            }));
  }

  private static void assertField(Api.Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json()).containsEntry("field", field);
  }

  private static Map<String, Object> setup(Api caller, String catalogId, String key) {
    String body = "{\"catalogId\":\"" + catalogId + "\"" + (key == null ? "" : ",\"idempotencyKey\":\"" + key + "\"") + "}";
    Api.Reply reply = caller.post("/v1/mcp/setup", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return reply.json();
  }

  private static Map<String, Object> instance(String id) {
    return operator.get("/v1/mcp/instances/" + id).json();
  }

  private static void awaitStatus(String id, String status) {
    await("instance " + id + " " + status)
        .atMost(Duration.ofSeconds(30))
        .until(() -> {
          Api.Reply reply = operator.get("/v1/mcp/instances/" + id);
          return reply.status() == 200 && status.equals(reply.json().get("status"));
        });
  }

  /**
   * A distinct launchable catalog entry that needs no parameters or secrets for each caller, so tests
   * never share an entry (setups of one entry would meet each other's live instances).
   */
  @SuppressWarnings("unchecked")
  private static synchronized String launchableId() {
    if (FREE_ENTRIES.isEmpty()) {
      Api.Reply reply = operator.get("/v1/mcp/catalog/search?launcherKind=docker&size=200");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      reply.items().stream()
          .map(item -> (Map<String, Object>) item.get("entry"))
          .filter(entry -> Boolean.TRUE.equals(entry.get("launchable")))
          .filter(entry -> entry.get("parameters") == null && entry.get("secrets") == null)
          .map(entry -> (String) entry.get("id"))
          .forEach(FREE_ENTRIES::add);
    }
    assertThat(FREE_ENTRIES).as("launchable entries without parameters or secrets").isNotEmpty();
    return FREE_ENTRIES.remove(0);
  }

  private static final List<String> FREE_ENTRIES = new java.util.ArrayList<>();

  private static String token(String kind, String name) {
    Api.Reply created = operator.post("/v1/tokens", "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return (String) created.json().get("token");
  }

  private static List<LaunchOrder> ordersFor(String instanceId) {
    return TopicRecords.read(harbor, Topics.orders(harbor.settings().nodeId()), o -> instanceId.equals(o.instanceId()));
  }

  private static List<AuditEvent> audit(Predicate<AuditEvent> wanted) {
    return TopicRecords.read(harbor, Topics.audit(harbor.settings().nodeId()), wanted);
  }
}
