package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import dev.harbor.launcher.Ownership;
import dev.harbor.schemas.topics.Topics;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets delivered as Docker Secrets: with {@code HARBOR_SECRET_DELIVERY=docker-secrets} on a swarm
 * manager, a stdio server that needs a secret runs as a one-replica swarm service whose secret Docker
 * mounts at /run/secrets/NAME; the value is nowhere in the node's topics or in docker inspect, the
 * returned client configuration reaches the server, and removal leaves no service, container or
 * Docker Secret.
 */
class DockerSecretsIT {

  @TempDir static Path home;
  static String nodeId;
  static Path secretsDir;
  static DockerClient docker;
  static Harbor harbor;
  static Api operator;

  @BeforeAll
  static void start() throws IOException {
    docker = DockerTestSupport.requireDocker();
    assertThat(docker.infoCmd().exec().getSwarm().getControlAvailable())
        .as("the engine is a swarm manager (scripts/prepare-tests.sh runs docker swarm init)").isTrue();
    nodeId = "swarm-" + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) System.nanoTime()});
    secretsDir = Path.of("/dev/shm", "harbor-tests", nodeId);
    Map<String, String> env = TestHarbor.env(home);
    env.put("HARBOR_NODE_ID", nodeId);
    env.put("HARBOR_LAUNCHER", "on");
    env.put("HARBOR_SECRETS_DIR", secretsDir.toString());
    env.put("HARBOR_SECRET_DELIVERY", "docker-secrets");
    harbor = TestHarbor.start(env);
    operator = new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home));
    TestCatalog.publish(harbor, TestCatalog.everythingStdioWithSecret("test.swarm-secret", "test.api_token"));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> operator.get("/v1/mcp/catalog/test.swarm-secret").status() == 200);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (harbor != null) {
        harbor.close();
      }
    } finally {
      DockerTestSupport.sweep(docker, nodeId, secretsDir);
    }
  }

  @Test
  void aStdioServerGetsItsSecretFromDockerSecretsAndLeavesNothingBehind() {
    String canary = "swarm-canary-" + HexFormat.of().formatHex(new byte[] {9, 8, 7, (byte) System.nanoTime()});
    Api.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"test.swarm-secret\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    String id = (String) reply.json().get("instanceId");
    awaitStatus(id, "secret_missing", Duration.ofSeconds(60));

    Api.Reply supplied = operator.put("/v1/mcp/instances/" + id + "/secrets/test.api_token",
        "{\"value\":\"" + canary + "\"}");
    assertThat(supplied.status()).as(supplied.body()).isEqualTo(202);
    awaitStatus(id, "active", Duration.ofSeconds(120));

    List<Container> tasks = DockerTestSupport.containersOf(docker, nodeId).stream()
        .filter(c -> id.equals(c.getLabels().get(Ownership.INSTANCE))).toList();
    assertThat(tasks).hasSize(1);
    InspectContainerResponse task = docker.inspectContainerCmd(tasks.get(0).getId()).exec();
    assertThat(task.getConfig().getLabels())
        .containsEntry("com.docker.swarm.service.name", "harbor-" + nodeId + "-" + id)
        .containsKey(Ownership.PROOF);
    assertThat(task.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
    assertThat(task.getHostConfig().getReadonlyRootfs()).isTrue();
    assertThat(task.getHostConfig().getPidsLimit()).isEqualTo(128L);
    assertThat(task.getHostConfig().getMemory()).isEqualTo(256L << 20);
    assertThat(task.getHostConfig().getInit()).isTrue();
    assertThat(task.getConfig().getUser()).isEqualTo("65534:65534");
    assertThat(task.getHostConfig().getBinds()).isNullOrEmpty();
    assertThat(task.getNetworkSettings().getNetworks()).containsOnlyKeys("harbor-swarm-no-egress");
    assertThat(docker.inspectNetworkCmd().withNetworkId("harbor-swarm-no-egress").exec().getInternal()).isTrue();
    assertThat(DockerTestSupport.readFile(docker, task.getId(), "/run/secrets/test.api_token")).isEqualTo(canary);
    assertThat(DockerTestSupport.dockerSecretsOf(docker, nodeId)).singleElement()
        .satisfies(s -> assertThat(s.getSpec().getLabels()).containsEntry(Ownership.INSTANCE, id));
    assertThat(task.toString()).doesNotContain(canary);
    for (var topic : Topics.nodeTopics(nodeId)) {
      assertThat(TopicRecords.raw(harbor, topic.name())).as(topic.name()).doesNotContain(canary);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> server = ((Map<String, Map<String, Object>>) ((Map<String, Object>)
        operator.get("/v1/mcp/instances/" + id).json().get("clientConfig")).get("mcpServers")).values().iterator().next();
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) server.get("args");
    StdioClientTransport transport = new StdioClientTransport(
        ServerParameters.builder((String) server.get("command")).args(args).build(), McpJsonDefaults.getMapper());
    try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
      client.initialize();
      McpSchema.CallToolResult echoed =
          client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "through a swarm task")));
      assertThat(((McpSchema.TextContent) echoed.content().get(0)).text()).contains("through a swarm task");
    }

    assertThat(operator.post("/v1/mcp/instances/" + id + "/remove", null).status()).isIn(200, 202);
    awaitStatus(id, "removed", Duration.ofSeconds(60));
    assertThat(docker.listServicesCmd().withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec()).isEmpty();
    assertThat(DockerTestSupport.containersOf(docker, nodeId)).isEmpty();
    await("Docker Secrets removed").atMost(Duration.ofSeconds(30))
        .until(() -> DockerTestSupport.dockerSecretsOf(docker, nodeId).isEmpty());
    assertThat(secretsDir.resolve(id)).doesNotExist();
  }

  private static void awaitStatus(String id, String status, Duration within) {
    await("instance " + id + " " + status).atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
      Api.Reply reply = operator.get("/v1/mcp/instances/" + id);
      return reply.status() == 200 && status.equals(reply.json().get("status"));
    });
  }
}
