package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each method sends the request docs/api.md describes and reads the answer into the SDK's records. */
class RequestsTest extends FakeNodeTest {

  @Test
  void aSearchSendsEveryFilterAsAnEncodedQueryParameter() {
    node.onJson("GET", "/v1/mcp/catalog/search", 200,
        "{\"items\":[" + Samples.catalogItem("test.everything", true) + "],\"page\":1,\"size\":1,\"total\":3}");

    Page<CatalogItem> page = client.search(CatalogSearch.text("reference server").tags("test", "demo")
        .launcherKind(LauncherKind.DOCKER).state(CatalogSearch.State.ENABLED).page(1).size(1));

    assertThat(node.last().rawQuery()).isEqualTo(
        "q=reference%20server&tags=test%2Cdemo&launcherKind=docker&state=enabled&page=1&size=1");
    assertThat(node.last().header("Authorization")).isEqualTo("Bearer hbr_test_secret");
    assertThat(page.items()).extracting(CatalogItem::id).containsExactly("test.everything");
    assertThat(page.items().get(0).local().enabled()).isTrue();
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void enableAndDisableAreOperatorPostsOnTheEntry() {
    node.onJson("POST", "/v1/mcp/catalog/test.everything/disable", 200, Samples.catalogItem("test.everything", false));
    node.onJson("POST", "/v1/mcp/catalog/test.everything/enable", 200, Samples.catalogItem("test.everything", true));

    assertThat(client.disable("test.everything", "not \"here\"").local().enabled()).isFalse();
    assertThat(node.last().body()).isEqualTo("{\"reason\":\"not \\\"here\\\"\"}");
    assertThat(node.last().header("Content-Type")).isEqualTo("application/json");
    assertThat(client.enable("test.everything").local().enabled()).isTrue();
    assertThat(node.last().body()).isEmpty();
  }

  @Test
  void aSetupWithoutConfigOrKeySendsOnlyTheCatalogId() {
    node.onJson("POST", "/v1/mcp/setup", 202, "{\"instanceId\":\"i-1\",\"status\":\"installing\","
        + "\"statusUrl\":\"/v1/mcp/instances/i-1/status\",\"existing\":true}");

    SetupAnswer answer = client.setup("test.everything", null, null);

    assertThat(node.last().body()).isEqualTo("{\"catalogId\":\"test.everything\"}");
    assertThat(answer.decidedStatus()).contains(InstanceStatus.INSTALLING);
    assertThat(answer.isExisting()).isTrue();
    assertThat(answer.isRepeated()).isFalse();
  }

  @Test
  void instanceActionsPostToTheInstance() {
    for (String action : new String[] {"remove", "restart", "approve", "deny"}) {
      node.onJson("POST", "/v1/mcp/instances/i-1/" + action, 200, Samples.instance("i-1", "installing"));
    }

    client.remove("i-1");
    assertThat(node.last().body()).isEmpty();
    client.restart("i-1");
    client.approve("i-1");
    assertThat(node.last().body()).isEqualTo("{}");
    client.approve("i-1", "ab".repeat(32), "fine");
    assertThat(node.last().body()).isEqualTo("{\"specHash\":\"" + "ab".repeat(32) + "\",\"note\":\"fine\"}");
    client.deny("i-1", null);
    assertThat(node.last().body()).isEqualTo("{}");
    assertThat(node.received()).extracting(FakeNode.Received::path).containsExactly(
        "/v1/mcp/instances/i-1/remove", "/v1/mcp/instances/i-1/restart", "/v1/mcp/instances/i-1/approve",
        "/v1/mcp/instances/i-1/approve", "/v1/mcp/instances/i-1/deny");
  }

  @Test
  void anInstanceDetailCarriesTheClientConfigBesideTheRecord() {
    node.onJson("GET", "/v1/mcp/instances/i-1", 200, Samples.instance("i-1", "active",
        ",\"clientConfig\":{\"mcpServers\":{\"everything\":{\"type\":\"stdio\",\"command\":\"docker\","
            + "\"args\":[\"exec\",\"-i\",\"harbor-default-i-1\",\"node\"]}}}"));
    node.onJson("GET", "/v1/mcp/instances/i-2", 200, Samples.instance("i-2", "installing"));

    InstanceDetails active = client.instance("i-1");

    assertThat(active.instance().id()).isEqualTo("i-1");
    assertThat(active.clientConfig()).get().satisfies(config -> {
      assertThat(config.type()).isEqualTo("stdio");
      assertThat(config.commandLine()).contains(List.of("docker", "exec", "-i", "harbor-default-i-1", "node"));
      assertThat(config.url()).isEmpty();
    });
    assertThat(client.instance("i-2").clientConfig()).isEmpty();
  }

  @Test
  void listingsSendTheirFilters() {
    node.onJson("GET", "/v1/mcp/instances", 200, "{\"items\":[" + Samples.instance("i-1", "active")
        + "],\"page\":0,\"size\":50,\"total\":1}");
    node.onJson("GET", "/v1/mcp/audit", 200, "{\"items\":[],\"page\":0,\"size\":10,\"hasMore\":false}");
    node.onJson("GET", "/v1/mcp/instances/i-1/logs", 200,
        "{\"items\":[],\"page\":0,\"size\":5,\"hasMore\":false,\"total\":0}");

    assertThat(client.instances(InstanceFilter.all().status(InstanceStatus.ACTIVE).requestedByKind(CallerKind.AGENT))
        .items()).hasSize(1);
    assertThat(node.last().rawQuery()).isEqualTo("status=active&requestedByKind=agent");
    client.instances(InstanceFilter.all().mine().size(5));
    assertThat(node.last().rawQuery()).isEqualTo("mine=true&size=5");
    AuditPage audit = client.audit(AuditFilter.all().instanceId("i-1")
        .types(AuditEventType.SETUP_REQUESTED, AuditEventType.SETUP_DENIED).outcome(AuditOutcome.DENIED)
        .from(Instant.parse("2026-11-22T00:00:00Z")).size(10));
    assertThat(node.last().rawQuery()).isEqualTo(
        "instanceId=i-1&types=setup_requested%2Csetup_denied&outcome=denied&from=2026-11-22T00%3A00%3A00Z&size=10");
    assertThat(audit.knownTotal()).isEmpty();
    assertThat(client.instanceLogs("i-1", LogFilter.all().text("pulled").size(5)).knownTotal()).contains(0L);
    assertThat(node.last().rawQuery()).isEqualTo("text=pulled&size=5");
  }

  @Test
  void tokensAreCreatedListedAndRevoked() {
    node.onJson("POST", "/v1/tokens", 201,
        "{\"id\":\"t1\",\"kind\":\"agent\",\"name\":\"bot\",\"token\":\"hbr_t1_s\"}");
    node.on("GET", "/v1/tokens",
        FakeNode.Reply.json(200, "{\"items\":[{\"id\":\"t1\",\"kind\":\"agent\",\"name\":\"bot\","
            + "\"createdAt\":\"2026-11-22T00:00:00Z\"}],\"page\":0,\"size\":1,\"total\":2}"),
        FakeNode.Reply.json(200, "{\"items\":[{\"id\":\"t2\",\"kind\":\"script\",\"name\":\"cron\","
            + "\"createdAt\":\"2026-11-22T00:00:00Z\"}],\"page\":1,\"size\":1,\"total\":2}"));
    node.on("DELETE", "/v1/tokens/t1", new FakeNode.Reply(204, "", Map.of()));

    IssuedToken token = client.createToken(CallerKind.AGENT, "bot");

    assertThat(node.last().body()).isEqualTo("{\"kind\":\"agent\",\"name\":\"bot\"}");
    assertThat(token.token()).isEqualTo("hbr_t1_s");
    assertThat(token.toString()).doesNotContain("hbr_t1_s");
    assertThat(client.tokens()).extracting(TokenInfo::name).containsExactly("bot", "cron");
    assertThat(node.received()).filteredOn(r -> r.path().equals("/v1/tokens") && r.method().equals("GET"))
        .extracting(FakeNode.Received::rawQuery).containsExactly("page=0&size=200", "page=1&size=200");
    client.revokeToken("t1");
    assertThat(node.last().method()).isEqualTo("DELETE");
  }

  @Test
  void aSecretIsSentAsJsonAndNeverEchoed() {
    node.onJson("PUT", "/v1/mcp/instances/i-1/secrets/api.token", 202,
        "{\"name\":\"api.token\",\"required\":true,\"supplied\":true}");
    char[] value = "s3cr\"et\\\n€".toCharArray();

    SecretState state = client.supplySecret("i-1", "api.token", value);

    assertThat(state.supplied()).isTrue();
    assertThat(node.last().body()).isEqualTo("{\"value\":\"s3cr\\\"et\\\\\\u000a€\"}");
    assertThat(value).containsExactly("s3cr\"et\\\n€".toCharArray());
  }

  @Test
  void pathSegmentsAreEncoded() {
    node.onJson("GET", "/v1/mcp/instances/a%2Fb%20c/status", 404, Samples.error(404, "not_found", null, "no"));

    assertThatThrownBy(() -> client.status("a/b c")).isInstanceOf(NotFoundException.class);
    assertThat(node.last().path()).isEqualTo("/v1/mcp/instances/a%2Fb%20c/status");
  }

  @Test
  void aBaseUriWithAPathPrefixKeepsIt() {
    node.onJson("GET", "/harbor/v1/mcp/approvals", 200, "{\"items\":[],\"page\":0,\"size\":200,\"total\":0}");
    HarborClient prefixed = HarborClient.builder().baseUri(node.baseUri() + "/harbor/").token("hbr_a_b").build();

    assertThat(prefixed.approvals()).isEmpty();
  }

  @Test
  void aClientWithAnotherTokenSendsThatToken() {
    node.onJson("GET", "/v1/mcp/approvals", 200, "{\"items\":[],\"page\":0,\"size\":200,\"total\":0}");

    client.withToken("hbr_other_token").approvals();

    assertThat(node.last().header("Authorization")).isEqualTo("Bearer hbr_other_token");
  }

  @Test
  void theBuilderRefusesWhatCouldNeverWork() {
    assertThatThrownBy(() -> HarborClient.builder().token("hbr_a_b").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> HarborClient.builder().baseUri("ftp://x").token("hbr_a_b").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> HarborClient.builder().token("two words")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HarborClient.builder().requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
