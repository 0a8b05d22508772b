package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.harbor.schemas.instance.InstanceStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** setupAndWait follows the instance to active, or throws the typed outcome that stopped it. */
class SetupAndWaitTest {

  private static final String ID = "i-00000000000000000001";
  private static final String PATH = "/v1/mcp/instances/" + ID;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeNode node;
  private final HarborClient client;

  SetupAndWaitTest() throws IOException {
    node = new FakeNode();
    client = node.client();
    node.onJson("POST", "/v1/mcp/setup", 202, Samples.setupAnswer(ID, null));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void anInstanceThatBecomesActiveIsReturnedWithItsClientConfig() {
    node.on("GET", PATH,
        FakeNode.Reply.json(200, Samples.instance(ID, "installing")),
        FakeNode.Reply.json(200, Samples.instance(ID, "installing")),
        FakeNode.Reply.json(200, Samples.instance(ID, "active", Samples.clientConfig("http://127.0.0.1:49153/mcp"))));

    SetupResult result = client.setupAndWait("test.everything", Map.of("path", "/srv"), "key-1", WAIT);

    assertThat(result.instance().status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(result.clientConfig().url()).contains("http://127.0.0.1:49153/mcp");
    assertThat(result.clientConfig().serverName()).isEqualTo("everything");
    assertThat(node.received().get(0).body())
        .isEqualTo("{\"catalogId\":\"test.everything\",\"config\":{\"path\":\"/srv\"},\"idempotencyKey\":\"key-1\"}");
    assertThat(node.received()).filteredOn(r -> r.path().equals(PATH)).hasSize(3);
  }

  @Test
  void aPendingApprovalIsReportedAtOnceByDefault() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "pending_approval",
        Samples.decision("require_approval", "agent-setup-needs-approval", "agents need approval")
            + ",\"approvalState\":\"pending\",\"approval\":{\"state\":\"pending\",\"specHash\":\"9c1e\","
            + "\"requestedAt\":\"2026-11-22T03:14:44Z\",\"expiresAt\":\"2026-11-23T03:14:44Z\"}"));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .asInstanceOf(type(ApprovalRequiredException.class))
        .satisfies(e -> {
          assertThat(e.instanceId()).isEqualTo(ID);
          assertThat(e.approval().specHash()).isEqualTo("9c1e");
          assertThat(e.error()).isEqualTo("pending_approval");
          assertThat(e.status()).isZero();
          assertThat(e.getMessage()).contains("agents need approval");
        });
  }

  @Test
  void waitingThroughApprovalFollowsTheInstanceToActive() {
    node.on("GET", PATH,
        FakeNode.Reply.json(200, Samples.instance(ID, "pending_approval")),
        FakeNode.Reply.json(200, Samples.instance(ID, "installing")),
        FakeNode.Reply.json(200, Samples.instance(ID, "active", Samples.clientConfig("http://127.0.0.1:1/mcp"))));

    SetupResult result = client.setupAndWait("test.everything", null, null,
        WaitOptions.of(WAIT).throughApproval().pollEvery(Duration.ofMillis(20)));

    assertThat(result.instanceId()).isEqualTo(ID);
  }

  @Test
  void aDisabledEntryIsADisabledEntryException() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "denied",
        Samples.decision("deny", "node-state", "catalog entry disabled on this node by operator: not here")));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .asInstanceOf(type(DisabledEntryException.class))
        .satisfies(e -> {
          assertThat(e.rule()).contains("node-state");
          assertThat(e.reason()).isEqualTo("catalog entry disabled on this node by operator: not here");
        });
  }

  @Test
  void anyOtherDenialIsASetupDeniedExceptionWithItsRule() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "denied",
        Samples.decision("deny", "duplicate", "already set up as instance i-9")));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .isExactlyInstanceOf(SetupDeniedException.class)
        .satisfies(e -> assertThat(((SetupDeniedException) e).rule()).contains("duplicate"))
        .hasMessageContaining("already set up as instance i-9");
  }

  @Test
  void anOperatorsDenialCarriesTheirNote() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "denied",
        Samples.decision("require_approval", "agent-setup-needs-approval", "agents need approval")
            + ",\"approvalState\":\"denied\",\"approval\":{\"state\":\"denied\",\"specHash\":\"9c1e\","
            + "\"requestedAt\":\"2026-11-22T03:14:44Z\",\"expiresAt\":\"2026-11-23T03:14:44Z\","
            + "\"decidedBy\":{\"kind\":\"operator\",\"name\":\"ops\"},\"note\":\"not today\"}"));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .isExactlyInstanceOf(SetupDeniedException.class)
        .satisfies(e -> assertThat(((SetupDeniedException) e).reason()).isEqualTo("denied by ops: not today"));
  }

  @Test
  void missingSecretsAreNamed() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "secret_missing",
        ",\"errorMessage\":\"waiting for an operator to supply secret: api_token\""));
    node.onJson("GET", PATH + "/secrets", 200, "{\"instanceId\":\"" + ID + "\",\"secrets\":["
        + "{\"name\":\"api_token\",\"required\":true,\"supplied\":false},"
        + "{\"name\":\"optional\",\"required\":false,\"supplied\":false}]}");

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .asInstanceOf(type(SecretMissingException.class))
        .satisfies(e -> assertThat(e.secretNames()).containsExactly("api_token"));
  }

  @Test
  void secretMissingWithEverySecretSuppliedIsWaitedThrough() {
    node.on("GET", PATH,
        FakeNode.Reply.json(200, Samples.instance(ID, "secret_missing")),
        FakeNode.Reply.json(200, Samples.instance(ID, "active", Samples.clientConfig("http://127.0.0.1:2/mcp"))));
    node.onJson("GET", PATH + "/secrets", 200, "{\"instanceId\":\"" + ID + "\",\"secrets\":["
        + "{\"name\":\"api_token\",\"required\":true,\"supplied\":true}]}");

    assertThat(client.awaitActive(ID, WAIT).clientConfig().url()).contains("http://127.0.0.1:2/mcp");
  }

  @Test
  void aFailedLaunchCarriesTheLaunchersReason() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "failed",
        ",\"errorMessage\":\"image harbor-test/does-not-exist:1 could not be pulled\""));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .asInstanceOf(type(LaunchFailedException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo("image harbor-test/does-not-exist:1 could not be pulled"));
  }

  @Test
  void anInstanceRemovedMeanwhileIsAPlainSetupException() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "removed"));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, WAIT))
        .isExactlyInstanceOf(SetupException.class)
        .hasMessageContaining("removed before it became active");
  }

  @Test
  void anInstanceStillInstallingAtTheTimeoutIsASetupTimeout() {
    node.onJson("GET", PATH, 200, Samples.instance(ID, "installing"));

    assertThatThrownBy(() -> client.setupAndWait("test.everything", null, null,
            WaitOptions.of(Duration.ofMillis(300)).pollEvery(Duration.ofMillis(50))))
        .asInstanceOf(type(SetupTimeoutException.class))
        .satisfies(e -> {
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
          assertThat(e.instance().status()).isEqualTo(InstanceStatus.INSTALLING);
        });
  }

  @Test
  void aRefusedSetupThrowsBeforeAnyWaiting() {
    node.onJson("POST", "/v1/mcp/setup", 404, Samples.error(404, "not_found", null, "catalog entry 'x' not found"));

    assertThatThrownBy(() -> client.setupAndWait("x", null, WAIT)).isInstanceOf(NotFoundException.class);
    assertThat(node.received()).hasSize(1);
  }
}
