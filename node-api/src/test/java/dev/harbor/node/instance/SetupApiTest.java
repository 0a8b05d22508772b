package dev.harbor.node.instance;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupApiTest {

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;
  private static String agentTokenId;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", "setup-agent");
    agentTokenId = agent.substring(4, 16);
    node.publishCatalog(Fixtures.entry(id("fresh")), Fixtures.entry(id("keyed")), Fixtures.entry(id("repeat")),
        Fixtures.entry(id("taken")), Fixtures.entry(id("decided")), Fixtures.entry(id("other")),
        Fixtures.entry(id("needs-region"), new ParameterSpec("region", "where", "string", true, null)),
        Fixtures.entry(id("configured"), new ParameterSpec("path", "where", "string", false, null)));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void aSetupIsSentAsACommandAndAcceptedWithWhereToFollowIt() {
    HttpResponse<String> response = setup(agent,
        "{\"catalogId\": \"" + id("fresh") + "\", \"config\": {\"path\": \"/srv/data\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(accepted.instanceId()).matches("i-[0-9a-f]{20}");
    assertThat(accepted.statusUrl()).isEqualTo("/v1/mcp/instances/" + accepted.instanceId() + "/status");
    assertThat(response.headers().firstValue("Location")).hasValue(accepted.statusUrl());
    Command command = node.awaitCommand(c -> accepted.instanceId().equals(c.instanceId()));
    assertThat(command.type()).isEqualTo(CommandType.SETUP);
    assertThat(command.catalogId()).isEqualTo(id("fresh"));
    assertThat(command.config()).isEqualTo(Map.of("path", "/srv/data"));
    assertThat(command.idempotencyKey()).isNull();
    assertThat(command.actor()).isEqualTo(new Actor(CallerKind.AGENT, "setup-agent", agentTokenId));
    assertThat(node.keyOf(command)).isEqualTo(accepted.instanceId());
  }

  @Test
  void anIdempotencyKeyNamesTheInstanceByNodeTokenAndKey() {
    HttpResponse<String> response = setup(agent,
        "{\"catalogId\": \"" + id("keyed") + "\", \"idempotencyKey\": \"run-42:step.1\"}");

    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(accepted.instanceId())
        .isEqualTo(InstanceIds.forKey(node.nodeId(), agentTokenId, "run-42:step.1"))
        .isNotEqualTo(InstanceIds.forKey(node.nodeId(), operator.substring(4, 16), "run-42:step.1"));
    assertThat(node.awaitCommand(c -> accepted.instanceId().equals(c.instanceId())).idempotencyKey())
        .isEqualTo("run-42:step.1");
  }

  @Test
  void aRepeatedSetupIsAnsweredFromTheMirrorWithoutSendingAnything() {
    String instanceId = InstanceIds.forKey(node.nodeId(), agentTokenId, "once");
    node.publishInstance(Fixtures.instance(node.nodeId(), instanceId, id("repeat"), InstanceStatus.PENDING_APPROVAL,
        new Actor(CallerKind.AGENT, "setup-agent", agentTokenId), Instant.now(), "first"));

    HttpResponse<String> response =
        setup(agent, "{\"catalogId\": \"" + id("repeat") + "\", \"idempotencyKey\": \"once\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(accepted.instanceId()).isEqualTo(instanceId);
    assertThat(accepted.repeated()).isTrue();
    assertThat(accepted.existing()).isNull();
    assertThat(accepted.status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
    assertThat(accepted.decision().rule()).isEqualTo("test-rule");
    assertThat(node.commands()).noneMatch(c -> c.type() == CommandType.SETUP && id("repeat").equals(c.catalogId()));
  }

  @Test
  void reusingAnIdempotencyKeyForAnotherEntryIsAConflict() {
    String instanceId = InstanceIds.forKey(node.nodeId(), agentTokenId, "reused");
    node.publishInstance(Fixtures.instance(node.nodeId(), instanceId, id("repeat"), InstanceStatus.DENIED,
        new Actor(CallerKind.AGENT, "setup-agent", agentTokenId), Instant.now(), "first"));

    assertThat(error(setup(agent, "{\"catalogId\": \"" + id("other") + "\", \"idempotencyKey\": \"reused\"}"), 409)
        .message()).contains(id("repeat"));
  }

  @Test
  void anEntryThatAlreadyHasAnOpenInstanceIsAnsweredWithItWithoutSendingAnything() {
    Instance open = node.publishInstance(Fixtures.instance(node.nodeId(), "i-0000000000000000open", id("taken"),
        InstanceStatus.ACTIVE, new Actor(CallerKind.SCRIPT, "someone-else", null), Instant.now(), "earlier"));

    HttpResponse<String> response = setup(agent, "{\"catalogId\": \"" + id("taken") + "\"}");

    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(accepted.instanceId()).isEqualTo(open.id());
    assertThat(accepted.existing()).isTrue();
    assertThat(accepted.status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(node.commands()).noneMatch(c -> c.type() == CommandType.SETUP && id("taken").equals(c.catalogId()));
  }

  @Test
  void askingForAnotherConfigurationOfAnEntryThatAlreadyRunsIsAConflictNamingTheInstance() {
    Instance open = node.publishInstance(Fixtures.instance(node.nodeId(), "i-00000000000000config", id("configured"),
        InstanceStatus.ACTIVE, new Actor(CallerKind.SCRIPT, "someone-else", null), Instant.now(), "earlier"));
    assertThat(open.config()).containsExactly(Map.entry("path", "/data"));

    var conflict = error(setup(agent, "{\"catalogId\": \"" + id("configured") + "\", \"config\": {\"path\": \"/srv\"}}"), 409);
    assertThat(conflict.field()).isEqualTo("config");
    assertThat(conflict.message()).contains(open.id(), "another configuration");
    assertThat(node.commands()).noneMatch(c -> c.type() == CommandType.SETUP && id("configured").equals(c.catalogId()));

    for (String config : List.of("{\"path\": \"/data\"}", "{}")) {
      SetupAnswer same = read(setup(agent, "{\"catalogId\": \"" + id("configured") + "\", \"config\": " + config + "}").body(),
          SetupAnswer.class);
      assertThat(same.instanceId()).as(config).isEqualTo(open.id());
      assertThat(same.existing()).as(config).isTrue();
    }
  }

  @Test
  void theAnswerCarriesTheStatusAndDecisionWhenThePolicyStreamDecidesWithinTheWait() throws Exception {
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(() -> setup(operator, "{\"catalogId\": \"" + id("decided") + "\"}"));
    Command command = node.awaitCommand(c -> c.type() == CommandType.SETUP && id("decided").equals(c.catalogId()));
    node.publishInstance(Fixtures.instance(node.nodeId(), command.instanceId(), id("decided"),
        InstanceStatus.INSTALLING, command.actor(), command.at(), command.id()));

    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);

    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(accepted.instanceId()).isEqualTo(command.instanceId());
    assertThat(accepted.status()).isNotNull();
    assertThat(accepted.decision()).isNotNull();
  }

  @Test
  void anUnknownCatalogEntryIsNotFoundAndOnlyTheRefusalIsAudited() {
    assertThat(error(setup(agent, "{\"catalogId\": \"" + id("nowhere") + "\"}"), 404).message()).contains("nowhere");
    assertThat(node.commands()).filteredOn(c -> id("nowhere").equals(c.catalogId()))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.type()).isEqualTo(dev.harbor.schemas.command.CommandType.NOTICE);
          assertThat(c.notice()).isEqualTo(dev.harbor.schemas.audit.AuditEventType.SETUP_DENIED);
          assertThat(c.details()).containsEntry("outcome", "denied");
        });
  }

  @Test
  void badRequestsAreRefusedNamingTheFieldAndNothingIsSent() {
    String entry = id("other");
    Map<String, String> refusals = Map.ofEntries(
        Map.entry("{}", "catalogId"),
        Map.entry("{\"catalogId\": \"Not An Id\"}", "catalogId"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"config\": {\"path\": \"--privileged\"}}", "config.path"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"config\": {\"path\": \"a\\nb\"}}", "config.path"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"config\": {\"path\": \"" + "x".repeat(1001) + "\"}}",
            "config.path"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"config\": {\"no spaces\": \"x\"}}", "config"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"config\": " + manyKeys(51) + "}", "config"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"idempotencyKey\": \"has space\"}", "idempotencyKey"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"idempotencyKey\": \"" + "k".repeat(129) + "\"}",
            "idempotencyKey"),
        Map.entry("{\"catalogId\": \"" + entry + "\", \"force\": true}", "force"));

    refusals.forEach((body, field) ->
        assertThat(error(setup(agent, body), 400).field()).as(body).isEqualTo(field));
    assertThat(node.commands()).noneMatch(c -> entry.equals(c.catalogId()));
  }

  @Test
  void aConfigurationTheEntryCannotTakeIsRefusedNamingTheValueAndOnlyTheRefusalIsAudited() {
    String entry = id("needs-region");

    assertThat(error(setup(agent, "{\"catalogId\": \"" + entry + "\"}"), 400).field()).isEqualTo("config.region");
    assertThat(error(setup(agent, "{\"catalogId\": \"" + entry + "\", \"config\": {\"region\": \"eu\", \"zone\": \"a\"}}"),
        400).field()).isEqualTo("config.zone");
    assertThat(error(setup(agent, "{\"catalogId\": \"" + entry + "\", \"config\": " + manyKeys(50) + "}"), 400)
        .field()).startsWith("config.");
    assertThat(node.commands()).filteredOn(c -> entry.equals(c.catalogId()))
        .allSatisfy(c -> {
          assertThat(c.type()).isEqualTo(dev.harbor.schemas.command.CommandType.NOTICE);
          assertThat(c.notice()).isEqualTo(dev.harbor.schemas.audit.AuditEventType.SETUP_DENIED);
        })
        .extracting(c -> c.details().get("field"))
        .contains("config.region", "config.zone");
  }

  @Test
  void aConfigurationThatFitsTheEntryIsSentAsGiven() {
    HttpResponse<String> response =
        setup(agent, "{\"catalogId\": \"" + id("needs-region") + "\", \"config\": {\"region\": \"eu-west\"}}");

    SetupAnswer accepted = read(response.body(), SetupAnswer.class);
    assertThat(node.awaitCommand(c -> accepted.instanceId().equals(c.instanceId())).config())
        .isEqualTo(Map.of("region", "eu-west"));
  }

  @Test
  void aSetupWithoutATokenIsUnauthorized() {
    assertThat(error(setup(null, "{\"catalogId\": \"" + id("fresh") + "\"}"), 401).error()).isEqualTo("unauthorized");
  }

  private static HttpResponse<String> setup(String token, String body) {
    return node.post("/v1/mcp/setup", token, body);
  }

  private static String manyKeys(int count) {
    return IntStream.range(0, count).mapToObj(i -> "\"k" + i + "\": \"v\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String id(String name) {
    return node.nodeId() + "." + name;
  }
}
