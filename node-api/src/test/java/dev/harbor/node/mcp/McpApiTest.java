package dev.harbor.node.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.type.Argument;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /mcp} on a node with a broker but no policy stream: the bearer token and Host/Origin rules
 * of the REST API, and tools that reach the same services (a setup becomes a SETUP command from the
 * caller; ownership refuses another's removal).
 */
class McpApiTest {

  @TempDir static Path home;

  private static KafkaNode node;
  private static String agent;
  private static String otherAgent;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    agent = node.issueToken("agent", "mcp-agent");
    otherAgent = node.issueToken("agent", "mcp-other");
    node.publishCatalog(Fixtures.entry(node.nodeId() + ".mcp-fresh"));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void withoutAValidTokenOrFromAForeignOriginNothingIsServed() {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    HttpResponse<String> anonymous = node.post("/mcp", null, ping);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(node.post("/mcp", "hb_not-a-token", ping).statusCode()).isEqualTo(401);
    HttpResponse<String> foreign = node.send(node.request("/mcp", agent).header("Origin", "https://evil.example")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ping)));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(node.post("/mcp", agent, ping).statusCode()).isEqualTo(200);
  }

  @Test
  void aProtocolVersionHeaderTheServerDoesNotSpeakIsRefusedWith400AndNoCallIsMade() {
    String catalogId = node.nodeId() + ".mcp-fresh";
    String setup = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"request_setup\","
        + "\"arguments\":{\"catalogId\":\"" + catalogId + "\",\"idempotencyKey\":\"version-check\"}}}";
    HttpResponse<String> refused = node.send(node.request("/mcp", agent).header("MCP-Protocol-Version", "1999-01-01")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(setup)));
    assertThat(refused.statusCode()).isEqualTo(400);
    Map<String, Object> error = map(KafkaNode.read(refused.body(), Argument.mapOf(String.class, Object.class)).get("error"));
    assertThat(error).containsEntry("code", -32600);
    assertThat((String) error.get("message")).contains("MCP-Protocol-Version", "1999-01-01", "2025-06-18");

    for (String spoken : List.of("2025-06-18", "2025-03-26")) {
      HttpResponse<String> ping = node.send(node.request("/mcp", agent).header("MCP-Protocol-Version", spoken)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}")));
      assertThat(ping.statusCode()).as(spoken).isEqualTo(200);
    }
    HttpResponse<String> accepted = node.send(node.request("/mcp", agent).header("MCP-Protocol-Version", "2025-06-18")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(setup.replace("version-check", "version-ok"))));
    assertThat(accepted.statusCode()).isEqualTo(200);
    node.awaitCommand(c -> "version-ok".equals(c.idempotencyKey()));
    assertThat(node.commands()).noneMatch(c -> "version-check".equals(c.idempotencyKey()));
  }

  @Test
  void aClientThatOnlyAcceptsAnEventStreamGetsTheAnswerAsOneEvent() {
    HttpResponse<String> response = node.send(node.request("/mcp", agent).header("Accept", "text/event-stream")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    assertThat(response.body()).isEqualTo("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}\n\n");
  }

  @Test
  void requestSetupSendsTheSameSetupCommandAsTheRestApiForTheCaller() {
    String catalogId = node.nodeId() + ".mcp-fresh";
    Map<String, Object> result = call(agent, "request_setup", "{\"catalogId\":\"" + catalogId + "\"}");
    assertThat(result).containsEntry("isError", false);
    String instanceId = (String) structured(result).get("instanceId");
    Command command = node.awaitCommand(c -> instanceId.equals(c.instanceId()));
    assertThat(command.type()).isEqualTo(CommandType.SETUP);
    assertThat(command.catalogId()).isEqualTo(catalogId);
    assertThat(command.actor().kind()).isEqualTo(CallerKind.AGENT);
    assertThat(command.actor().name()).isEqualTo("mcp-agent");
  }

  @Test
  void askingForAnEntryThatAlreadyRunsAnswersThatInstanceMarkedExistingWithItsRequester() {
    node.publishCatalog(Fixtures.entry(node.nodeId() + ".mcp-shared"));
    node.publishInstance(Fixtures.instance(node.nodeId(), "i-mcp-shared", node.nodeId() + ".mcp-shared",
        InstanceStatus.ACTIVE, new Actor(CallerKind.AGENT, "mcp-agent", "t"), Instant.now(), "c-2"));

    Map<String, Object> shared = structured(call(otherAgent, "request_setup",
        "{\"catalogId\":\"" + node.nodeId() + ".mcp-shared\"}"));

    assertThat(shared).containsEntry("instanceId", "i-mcp-shared").containsEntry("existing", true)
        .containsEntry("requestedBy", Map.of("kind", "agent", "name", "mcp-agent")).doesNotContainKey("repeated");
    assertThat(node.commands()).noneMatch(c -> "i-mcp-shared".equals(c.instanceId()));
  }

  @Test
  void removalFollowsTheOwnershipRuleAndListingShowsOnlyTheCallersInstances() {
    node.publishInstance(Fixtures.instance(node.nodeId(), "i-mcp-owned", node.nodeId() + ".mcp-owned",
        InstanceStatus.ACTIVE, new Actor(CallerKind.AGENT, "mcp-agent", "t"), Instant.now(), "c-1"));

    Map<String, Object> refused = call(otherAgent, "remove_instance", "{\"instanceId\":\"i-mcp-owned\"}");
    assertThat(refused).containsEntry("isError", true);
    assertThat(text(refused)).isEqualTo("agents and scripts may remove only instances they requested");

    List<?> theirs = (List<?>) structured(call(otherAgent, "list_my_instances", "{}")).get("instances");
    assertThat(theirs).isEmpty();
    List<?> mine = (List<?>) structured(call(agent, "list_my_instances", "{}")).get("instances");
    assertThat(mine).map(i -> (Object) ((Map<?, ?>) i).get("instanceId")).contains("i-mcp-owned");

    Map<String, Object> read = structured(call(otherAgent, "get_instance", "{\"instanceId\":\"i-mcp-owned\"}"));
    assertThat(read).containsEntry("status", "active").containsEntry("catalogId", node.nodeId() + ".mcp-owned")
        .containsEntry("requestedBy", Map.of("kind", "agent", "name", "mcp-agent"));
    Map<String, Object> unknown = call(agent, "get_instance", "{\"instanceId\":\"i-mcp-nowhere\"}");
    assertThat(unknown).containsEntry("isError", true);
    assertThat(text(unknown)).contains("not found");
  }

  private static Map<String, Object> call(String token, String tool, String arguments) {
    HttpResponse<String> response = node.post("/mcp", token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> body = KafkaNode.read(response.body(), Argument.mapOf(String.class, Object.class));
    return map(body.get("result"));
  }

  private static Map<String, Object> structured(Map<String, Object> result) {
    assertThat(result).as(text(result)).containsEntry("isError", false);
    return map(result.get("structuredContent"));
  }

  private static String text(Map<String, Object> result) {
    return (String) map(((List<?>) result.get("content")).get(0)).get("text");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
