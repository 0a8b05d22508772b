package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's own MCP server at {@code /mcp}, driven by the official MCP Java SDK client against a
 * running Harbor on the real Docker engine: an agent finds an entry, asks for its setup, the operator
 * approves over REST, the agent reads the client configuration, connects to the managed server
 * directly with it, lists and removes its instance. Refusals are tool errors; no token is 401.
 */
class McpControlIT {

  private static final String ENTRY = "test.mcpctl-http";
  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);

  @TempDir static Path home;
  static LaunchingNode node;
  static String agentToken;
  static String otherAgentToken;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "mcpctl", Map.of(), TestCatalog.everythingHttp(ENTRY));
    agentToken = node.token("agent", "mcp-bot");
    otherAgentToken = node.token("agent", "other-bot");
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anAgentPreparesAServerThroughTheControlToolsThenUsesItDirectlyAndRemovesIt() {
    try (McpSyncClient harbor = control(agentToken); McpSyncClient other = control(otherAgentToken)) {
      McpSchema.InitializeResult init = harbor.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("harbor-node");
      assertThat(init.capabilities().tools()).isNotNull();
      assertThat(harbor.listTools().tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder(
          "search_catalog", "request_setup", "get_instance", "list_my_instances", "remove_instance");

      Map<String, Object> found = ok(harbor.callTool(call("search_catalog", Map.of("query", "mcpctl"))));
      assertThat(list(found.get("entries"))).extracting(e -> e.get("catalogId")).containsExactly(ENTRY);

      Map<String, Object> requested = ok(harbor.callTool(call("request_setup", Map.of("catalogId", ENTRY))));
      String id = (String) requested.get("instanceId");
      assertThat(id).isNotBlank();
      AtomicReference<Map<String, Object>> seen = new AtomicReference<>(requested);
      await("pending approval").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> "pending_approval".equals(status(harbor, id, seen)));
      assertThat(seen.get()).doesNotContainKey("clientConfig");

      Api.Reply approved = node.operator.post("/v1/mcp/instances/" + id + "/approve", "{}");
      assertThat(approved.status()).as(approved.body()).isIn(200, 202);
      await("active").atMost(ACTIVE_WITHIN).pollInterval(Duration.ofMillis(300))
          .until(() -> "active".equals(status(harbor, id, seen)));
      Map<String, Object> server = onlyServer(seen.get().get("clientConfig"));
      assertThat(server).containsEntry("type", "http");
      echoThrough((String) server.get("url"));

      Map<String, Object> mine = ok(harbor.callTool(call("list_my_instances", Map.of())));
      assertThat(list(mine.get("instances"))).extracting(i -> i.get("instanceId")).containsExactly(id);
      Map<String, Object> theirs = ok(other.callTool(call("list_my_instances", Map.of())));
      assertThat(list(theirs.get("instances"))).isEmpty();

      McpSchema.CallToolResult refused = other.callTool(call("remove_instance", Map.of("instanceId", id)));
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused)).contains("only instances they requested");

      Map<String, Object> removed = ok(harbor.callTool(call("remove_instance", Map.of("instanceId", id))));
      assertThat(removed.get("instanceId")).isEqualTo(id);
      node.awaitStatus(id, "removed", Duration.ofSeconds(60));
      assertThat(node.containersOf(id)).isEmpty();
      await("audited as the agent's").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(node.audit(e -> id.equals(e.instanceId()) && "mcp-bot".equals(e.actor().name())))
              .extracting(AuditEvent::type)
              .contains(AuditEventType.SETUP_REQUESTED, AuditEventType.REMOVE_REQUESTED));
      assertThat(node.audit(e -> id.equals(e.instanceId()) && "other-bot".equals(e.actor().name())))
          .extracting(AuditEvent::type).contains(AuditEventType.TRANSITION_REFUSED);
    }
  }

  @Test
  void badInputAndRefusalsAreToolErrorsNamingTheReason() {
    try (McpSyncClient harbor = control(agentToken)) {
      harbor.initialize();
      McpSchema.CallToolResult badId = harbor.callTool(call("request_setup", Map.of("catalogId", "Not A Catalog Id")));
      assertThat(badId.isError()).isTrue();
      assertThat(text(badId)).startsWith("catalogId:");

      McpSchema.CallToolResult unknown = harbor.callTool(call("request_setup", Map.of("catalogId", "test.nowhere")));
      assertThat(unknown.isError()).isTrue();
      assertThat(text(unknown)).contains("not found");

      McpSchema.CallToolResult missing = harbor.callTool(call("get_instance", Map.of()));
      assertThat(missing.isError()).isTrue();
      assertThat(text(missing)).startsWith("instanceId:");

      McpSchema.CallToolResult extra = harbor.callTool(call("search_catalog", Map.of("approve", "yes")));
      assertThat(extra.isError()).isTrue();
      assertThat(text(extra)).startsWith("approve:");

      assertThatThrownBy(() -> harbor.callTool(call("approve_instance", Map.of("instanceId", "x"))))
          .isInstanceOf(McpError.class)
          .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(-32602));
    }
  }

  @Test
  void withoutATokenTheEndpointAnswers401AndMalformedMessagesAreProtocolErrors() {
    String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
    Api anonymous = new Api(node.harbor.nodeUrl(), null);
    Api.Reply refused = anonymous.post("/mcp", initialize);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.headers().get("www-authenticate")).anySatisfy(v -> assertThat(v).startsWith("Bearer"));

    Api agent = anonymous.as(agentToken);
    Api.Reply garbled = agent.post("/mcp", "{not json");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.body()).contains("-32700");
    Api.Reply notRpc = agent.post("/mcp", "{\"id\":1,\"method\":\"ping\"}");
    assertThat(notRpc.status()).isEqualTo(400);
    assertThat(notRpc.body()).contains("-32600");
    Api.Reply notification = agent.post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(notification.status()).isEqualTo(202);
    assertThat(notification.body()).isEmpty();
    assertThat(agent.get("/mcp").status()).isEqualTo(405);
  }

  // helpers

  /** A client of the node's control tools that sends this bearer token. */
  private static McpSyncClient control(String token) {
    return McpClients.control(node.harbor.nodeUrl(), token);
  }

  /** Connects to the managed server with the URL Harbor returned and calls its echo tool. */
  private static void echoThrough(String url) {
    assertThat(McpClients.echoThrough(url, "hello from an agent")).isEqualTo("mcp-servers/everything");
  }

  private static String status(McpSyncClient harbor, String id, AtomicReference<Map<String, Object>> seen) {
    Map<String, Object> instance = ok(harbor.callTool(call("get_instance", Map.of("instanceId", id))));
    seen.set(instance);
    return (String) instance.get("status");
  }

  private static McpSchema.CallToolRequest call(String tool, Map<String, Object> arguments) {
    return new McpSchema.CallToolRequest(tool, arguments);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ok(McpSchema.CallToolResult result) {
    assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent()).isInstanceOf(Map.class);
    return (Map<String, Object>) result.structuredContent();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> onlyServer(Object clientConfig) {
    assertThat(clientConfig).as("clientConfig").isInstanceOf(Map.class);
    Map<String, Object> servers = (Map<String, Object>) ((Map<String, Object>) clientConfig).get("mcpServers");
    assertThat(servers).hasSize(1);
    return (Map<String, Object>) servers.values().iterator().next();
  }
}
