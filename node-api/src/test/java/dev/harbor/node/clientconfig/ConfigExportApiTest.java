package dev.harbor.node.clientconfig;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.type.Argument;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/mcp/config}: the merged client configuration of the running instances a caller may see. */
class ConfigExportApiTest {

  private static final Argument<Map<String, Map<String, Map<String, Object>>>> CONFIG =
      Argument.mapOf(Argument.STRING, Argument.mapOf(Argument.STRING, Argument.mapOf(String.class, Object.class)));

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;
  private static String instanceIdOfOther;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", "export-agent");
    Actor self = new Actor(CallerKind.AGENT, "export-agent", agent.substring(4, 16));
    Actor other = new Actor(CallerKind.AGENT, "someone-else", null);
    Instant at = Instant.parse("2026-02-01T00:00:00Z");
    running("i-export-http", "web", self, at, Map.of("url", "http://127.0.0.1:41234/mcp", "serverName", "web"));
    running("i-export-stdio", "files", self, at.plusSeconds(1),
        Map.of("stdioCommand", "[\"docker\",\"exec\",\"-i\",\"harbor-files\",\"node\",\"index.js\"]"));
    instanceIdOfOther = running("i-export-other", "web", other, at.plusSeconds(2),
        Map.of("url", "http://127.0.0.1:41235/mcp")).id();
    node.publishInstance(Fixtures.instance(node.nodeId(), "i-export-pending", "pending", InstanceStatus.PENDING_APPROVAL,
        self, at, "c-pending"));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void anAgentGetsTheMergedConfigurationOfItsOwnRunningInstancesOnly() {
    Map<String, Map<String, Map<String, Object>>> config = export(agent, "");

    assertThat(config).containsOnlyKeys("mcpServers");
    Map<String, Map<String, Object>> servers = config.get("mcpServers");
    assertThat(servers).containsOnlyKeys("web", "files");
    assertThat(servers.get("web")).isEqualTo(Map.of("type", "http", "url", "http://127.0.0.1:41234/mcp"));
    assertThat(servers.get("files")).isEqualTo(Map.of("type", "stdio", "command", "docker",
        "args", List.of("exec", "-i", "harbor-files", "node", "index.js")));
  }

  @Test
  void anOperatorGetsEveryRunningInstanceAndASharedNameIsMadeUnique() {
    Map<String, Map<String, Object>> servers = export(operator, "?format=claude").get("mcpServers");

    assertThat(servers).containsOnlyKeys("web", "files", "web-" + instanceIdOfOther);
    assertThat(servers.get("web").get("url")).isEqualTo("http://127.0.0.1:41234/mcp");
    assertThat(servers.get("web-" + instanceIdOfOther).get("url")).isEqualTo("http://127.0.0.1:41235/mcp");
  }

  @Test
  void vscodeGetsItsServersShapeWithATypeOnEveryServer() {
    Map<String, Map<String, Map<String, Object>>> config = export(agent, "?format=vscode");

    assertThat(config).containsOnlyKeys("servers");
    assertThat(config.get("servers")).containsOnlyKeys("web", "files")
        .allSatisfy((name, server) -> assertThat(server).containsKey("type"));
  }

  @Test
  void anUnknownFormatOrParameterIsRefusedNamingIt() {
    assertThat(error(node.get("/v1/mcp/config?format=zed", agent), 400).field()).isEqualTo("format");
    assertThat(error(node.get("/v1/mcp/config?all=true", agent), 400).field()).isEqualTo("all");
    assertThat(node.get("/v1/mcp/config", null).statusCode()).isEqualTo(401);
  }

  private static Instance running(String id, String catalogId, Actor owner, Instant at, Map<String, String> connection) {
    Instance created = Fixtures.instance(node.nodeId(), id, catalogId, InstanceStatus.INSTALLING, owner, at, "c-" + id);
    return node.publishInstance(Fixtures.running(created, connection));
  }

  private static Map<String, Map<String, Map<String, Object>>> export(String token, String query) {
    HttpResponse<String> response = node.get("/v1/mcp/config" + query, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response.body(), CONFIG);
  }
}
