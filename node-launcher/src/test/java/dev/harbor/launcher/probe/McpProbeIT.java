package dev.harbor.launcher.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against the real MCP reference server, in hardened containers on the local engine. */
class McpProbeIT {

  private static final String IMAGE = "harbor-test/mcp-everything:2026.8.31";
  private static final Map<String, String> LABELS = Map.of("harbor.test", "probe");
  private static final ExposedPort MCP_PORT = ExposedPort.tcp(3001);
  private static final List<String> STDIO_SERVER =
      List.of("/usr/local/bin/node", "--import", "/app/sigterm.mjs", "/app/dist/everything.mjs", "stdio");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int REFERENCE_TOOL_COUNT = 13;

  private static DockerClient docker;

  @BeforeAll
  static void connectToDocker() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    DockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofSeconds(60))
        .build();
    docker = DockerClientImpl.getInstance(config, http);
    try {
      docker.pingCmd().exec();
    } catch (RuntimeException e) {
      fail("No Docker engine answers at " + config.getDockerHost() + " (" + e.getMessage()
          + "); run scripts/prepare-tests.sh first", e);
    }
    try {
      docker.inspectImageCmd(IMAGE).exec();
    } catch (NotFoundException e) {
      fail("The test image " + IMAGE + " is missing; run scripts/prepare-tests.sh first", e);
    }
    removeLabelledContainers();
  }

  @AfterEach
  void removeContainers() {
    removeLabelledContainers();
  }

  @AfterAll
  static void disconnect() throws IOException {
    if (docker != null) {
      removeLabelledContainers();
      docker.close();
    }
  }

  @Test
  void answersInitializeAndListsToolsOverHttp() throws Exception {
    String id = startHardened(create -> create
        .withExposedPorts(MCP_PORT)
        .withHostConfig(hardenedHostConfig()
            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), MCP_PORT))));
    Ports.Binding[] bindings = docker.inspectContainerCmd(id).exec()
        .getNetworkSettings().getPorts().getBindings().get(MCP_PORT);
    URI endpoint = URI.create("http://127.0.0.1:" + bindings[0].getHostPortSpec() + "/mcp");

    McpServerInfo info = McpProbe.overHttp(endpoint, TIMEOUT);

    assertReferenceServer(info);
  }

  @Test
  void answersInitializeAndListsToolsOverDockerExec() throws Exception {
    String id = startHardened(create -> create
        .withCmd("stdio")
        .withStdinOpen(true)
        .withHostConfig(hardenedHostConfig().withNetworkMode("none")));

    McpServerInfo info = McpProbe.overDockerExec(docker, id, STDIO_SERVER, TIMEOUT);

    assertReferenceServer(info);
  }

  @Test
  void closingTheExecStdinEndsTheCommand() throws Exception {
    String id = startHardened(create -> create
        .withCmd("stdio")
        .withStdinOpen(true)
        .withHostConfig(hardenedHostConfig().withNetworkMode("none")));
    DockerExecStdio exec = DockerExecStdio.start(docker, id, STDIO_SERVER);
    McpProbe.overStreams(exec.stdout(), exec.stdin(), TIMEOUT);
    assertThat(docker.inspectExecCmd(exec.execId()).exec().isRunning()).isTrue();

    exec.stdin().close();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(docker.inspectExecCmd(exec.execId()).exec().isRunning()).isFalse());
    assertThat(exec.stdout().read()).isEqualTo(-1);
  }

  @Test
  void reportsTheCommandsStderrWhenItFailsOverDockerExec() throws Exception {
    String id = startHardened(create -> create
        .withCmd("stdio")
        .withStdinOpen(true)
        .withHostConfig(hardenedHostConfig().withNetworkMode("none")));
    List<String> missingScript = List.of("/usr/local/bin/node", "/app/dist/no-such-server.mjs");

    assertThatThrownBy(() -> McpProbe.overDockerExec(docker, id, missingScript, TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessageStartingWith("MCP initialize over docker exec in container " + id.substring(0, 12) + " ")
        .hasMessageEndingWith("; its stderr says: Error: Cannot find module '/app/dist/no-such-server.mjs'")
        .satisfies(e -> assertThat(((McpProbeException) e).serverStderr()).contains("Node.js v22.23.3"));
  }

  private static void assertReferenceServer(McpServerInfo info) {
    assertThat(info.name()).isEqualTo("mcp-servers/everything");
    assertThat(info.version()).isNotBlank();
    assertThat(info.protocolVersion()).isEqualTo("2025-06-18");
    assertThat(info.tools()).hasSize(REFERENCE_TOOL_COUNT).contains("echo");
  }

  private static HostConfig hardenedHostConfig() {
    return HostConfig.newHostConfig()
        .withCapDrop(Capability.ALL)
        .withReadonlyRootfs(true)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withInit(true)
        .withMemory(256L * 1024 * 1024)
        .withPidsLimit(100L);
  }

  private static String startHardened(Consumer<CreateContainerCmd> customize) {
    CreateContainerCmd create = docker.createContainerCmd(IMAGE).withLabels(LABELS);
    customize.accept(create);
    String id = create.exec().getId();
    docker.startContainerCmd(id).exec();
    return id;
  }

  private static void removeLabelledContainers() {
    List<Container> leftovers = docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(LABELS)
        .exec();
    for (Container container : leftovers) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
      } catch (NotFoundException alreadyGone) {
        // Removed meanwhile.
      }
    }
  }
}
