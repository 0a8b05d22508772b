package dev.harbor.node;

import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.platform.catalog.Page;
import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.policy.PolicyEffect;
import io.micronaut.core.type.Argument;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node-api with the node's real policy stream: every answer that waits for the stream gets its effect. */
class PolicyStreamRoundTripTest {

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.withPolicyStream(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", "round-trip");
    node.publishCatalog(Fixtures.entry(id("toggled")), Fixtures.entry(id("approved")), Fixtures.entry(id("off")));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void anOperatorDisablesAndEnablesAnEntryAndEachAnswerShowsTheNewState() {
    HttpResponse<String> disabled =
        node.post("/v1/mcp/catalog/" + id("toggled") + "/disable", operator, "{\"reason\": \"not here\"}");
    HttpResponse<String> enabled = node.post("/v1/mcp/catalog/" + id("toggled") + "/enable", operator);

    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(read(disabled.body(), CatalogItem.class).local().reason()).isEqualTo("not here");
    assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
    assertThat(read(enabled.body(), CatalogItem.class).local().enabled()).isTrue();
  }

  @Test
  void anAgentsSetupWaitsForApprovalIsApprovedByAnOperatorAndRemovedByTheAgent() {
    SetupAnswer accepted = read(node.post("/v1/mcp/setup", agent,
        "{\"catalogId\": \"" + id("approved") + "\", \"config\": {\"path\": \"/srv\"}}").body(), SetupAnswer.class);
    assertThat(accepted.status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
    assertThat(accepted.decision().effect()).isEqualTo(PolicyEffect.REQUIRE_APPROVAL);

    Page<?> approvals = read(node.get("/v1/mcp/approvals", operator).body(), Argument.of(Page.class, ApprovalItem.class));
    assertThat(approvals.items()).extracting(a -> ((ApprovalItem) a).instanceId()).contains(accepted.instanceId());

    SetupAnswer again = read(node.post("/v1/mcp/setup", agent, "{\"catalogId\": \"" + id("approved") + "\"}").body(),
        SetupAnswer.class);
    assertThat(again.existing()).isTrue();
    assertThat(again.instanceId()).isEqualTo(accepted.instanceId());

    HttpResponse<String> approve = node.post("/v1/mcp/instances/" + accepted.instanceId() + "/approve", operator);
    assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);
    Instance installing = read(approve.body(), Instance.class);
    assertThat(installing.status()).isEqualTo(InstanceStatus.INSTALLING);
    assertThat(installing.approvalState()).isEqualTo(ApprovalState.APPROVED);

    HttpResponse<String> remove = node.post("/v1/mcp/instances/" + accepted.instanceId() + "/remove", agent);
    assertThat(remove.statusCode()).as(remove.body()).isEqualTo(200);
    assertThat(read(remove.body(), Instance.class).status()).isEqualTo(InstanceStatus.REMOVING);
  }

  @Test
  void aSetupOfAnEntryDisabledOnThisNodeIsDeniedWithTheNodeStateRule() {
    assertThat(node.post("/v1/mcp/catalog/" + id("off") + "/disable", operator, "{}").statusCode()).isEqualTo(200);

    SetupAnswer accepted =
        read(node.post("/v1/mcp/setup", agent, "{\"catalogId\": \"" + id("off") + "\"}").body(), SetupAnswer.class);

    assertThat(accepted.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(accepted.decision().rule()).isEqualTo("node-state");
  }

  private static String id(String name) {
    return node.nodeId() + "." + name;
  }
}
