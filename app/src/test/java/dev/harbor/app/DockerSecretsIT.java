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
  static LaunchingNode node;
  static DockerClient docker;
  static Api operator;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "swarm", Map.of("HARBOR_SECRET_DELIVERY", "docker-secrets"),
        TestCatalog.everythingStdioWithSecret("test.swarm-secret", "test.api_token"));
    docker = node.docker;
    operator = node.operator;
    assertThat(docker.infoCmd().exec().getSwarm().getControlAvailable())
        .as("the engine is a swarm manager (scripts/prepare-tests.sh runs docker swarm init)").isTrue();
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aStdioServerGetsItsSecretFromDockerSecretsAndLeavesNothingBehind() {
    String canary = "swarm-canary-" + HexFormat.of().formatHex(new byte[] {9, 8, 7, (byte) System.nanoTime()});
    Api.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"test.swarm-secret\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    String id = (String) reply.json().get("instanceId");
    node.awaitStatus(id, "secret_missing", Duration.ofSeconds(60));

    Api.Reply supplied = operator.put("/v1/mcp/instances/" + id + "/secrets/test.api_token",
        "{\"value\":\"" + canary + "\"}");
    assertThat(supplied.status()).as(supplied.body()).isEqualTo(202);
    node.awaitStatus(id, "active", Duration.ofSeconds(120));

    List<Container> tasks = node.containersOf(id);
    assertThat(tasks).hasSize(1);
    InspectContainerResponse task = docker.inspectContainerCmd(tasks.get(0).getId()).exec();
    assertThat(task.getConfig().getLabels())
        .containsEntry("com.docker.swarm.service.name", "harbor-" + node.nodeId + "-" + id)
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
    assertThat(DockerTestSupport.dockerSecretsOf(docker, node.nodeId)).singleElement()
        .satisfies(s -> assertThat(s.getSpec().getLabels()).containsEntry(Ownership.INSTANCE, id));
    assertThat(task.toString()).doesNotContain(canary);
    for (var topic : Topics.nodeTopics(node.nodeId)) {
      assertThat(TopicRecords.raw(node.harbor, topic.name())).as(topic.name()).doesNotContain(canary);
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
    node.awaitStatus(id, "removed", Duration.ofSeconds(60));
    assertThat(docker.listServicesCmd().withLabelFilter(Map.of(Ownership.NODE, node.nodeId)).exec()).isEmpty();
    assertThat(DockerTestSupport.containersOf(docker, node.nodeId)).isEmpty();
    await("Docker Secrets removed").atMost(Duration.ofSeconds(30))
        .until(() -> DockerTestSupport.dockerSecretsOf(docker, node.nodeId).isEmpty());
    assertThat(node.secretsDir.resolve(id)).doesNotExist();
  }

}
