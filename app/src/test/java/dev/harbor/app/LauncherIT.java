package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.harbor.launcher.Ownership;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.topics.Topics;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher end to end, on a real broker and the real Docker engine, with the locally built MCP
 * reference server: agents ask, operators approve, containers start hardened, Harbor proves they
 * answer MCP, an MCP client written with the official Java SDK connects with exactly the returned
 * client configuration, and removal leaves nothing behind. Everything a test makes carries the test
 * node's label and is swept at the end, even after a failure.
 */
class LauncherIT {

  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);

  @TempDir static Path home;
  static LaunchingNode node;
  static Api operator;
  static Api agent;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "it", Map.of("HARBOR_PROBE_TIMEOUT", "15s"),
        TestCatalog.everythingHttp("test.everything-http"),
        TestCatalog.everythingStdio("test.everything-stdio"),
        TestCatalog.everythingWithSecret("test.everything-secret", "test.api_token"),
        TestCatalog.everythingHttp("test.everything-drift"),
        TestCatalog.everythingStdio("test.everything-repeat"),
        TestCatalog.everythingStdio("test.everything-updated"),
        TestCatalog.missingImage("test.missing-image"),
        TestCatalog.entry("test.exits-at-once", DockerTestSupport.IMAGE, DockerTestSupport.TAG,
            Transport.STREAMABLE_HTTP, List.of("nonsense"), List.of(new PortSpec("http", 3001, "tcp")), List.of()),
        TestCatalog.entry("test.wrong-port", DockerTestSupport.IMAGE, DockerTestSupport.TAG,
            Transport.STREAMABLE_HTTP, List.of("streamableHttp"), List.of(new PortSpec("http", 9999, "tcp")),
            List.of()),
        TestCatalog.memoryHog("test.memory-hog"));
    operator = node.operator;
    agent = node.caller("agent", "builder-bot");
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anApprovedHttpServerRunsHardenedAnswersAnSdkClientAndIsRemovedWithoutTrace() {
    String id = setupApproveAndAwaitActive("test.everything-http");
    Map<String, Object> detail = operator.get("/v1/mcp/instances/" + id).json();
    Map<String, Object> server = onlyServer(detail);
    assertThat(server).containsEntry("type", "http");
    String url = (String) server.get("url");
    assertThat(url).startsWith("http://127.0.0.1:").endsWith("/mcp");
    @SuppressWarnings("unchecked")
    Map<String, String> info = (Map<String, String>) detail.get("connectionInfo");
    assertThat(info).containsEntry("serverName", "mcp-servers/everything").containsKey("toolCount");

    URI uri = URI.create(url);
    McpClientTransport transport =
        HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
            .endpoint(uri.getPath())
            .build();
    assertMcpConversation(transport);

    assertHardened(node.containerOf(id), true);
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void anApprovedStdioServerIsReachedThroughTheDockerCommandLineHarborReturns() {
    String id = setupApproveAndAwaitActive("test.everything-stdio");
    Map<String, Object> server = onlyServer(operator.get("/v1/mcp/instances/" + id).json());
    assertThat(server).containsEntry("type", "stdio").containsEntry("command", "docker");
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) server.get("args");
    assertThat(args).startsWith("exec", "-i", "harbor-" + node.nodeId + "-" + id);

    StdioClientTransport transport = new StdioClientTransport(
        ServerParameters.builder((String) server.get("command")).args(args).build(), McpJsonDefaults.getMapper());
    assertMcpConversation(transport);

    assertHardened(node.containerOf(id), false);
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aMissingSecretWaitsForTheOperatorAndItsValueIsFoundNowhereButInTheContainer() throws IOException {
    String canary = "canary-" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, (byte) System.nanoTime()});
    String id = node.setupAndApprove(agent, "test.everything-secret");
    node.awaitStatus(id, "secret_missing", ACTIVE_WITHIN);
    Map<String, Object> waiting = operator.get("/v1/mcp/instances/" + id).json();
    assertThat((String) waiting.get("errorMessage")).contains("test.api_token");
    assertThat(operator.get("/v1/mcp/instances/" + id + "/secrets").body())
        .contains("\"name\":\"test.api_token\"").contains("\"supplied\":false");
    assertThat(agent.put("/v1/mcp/instances/" + id + "/secrets/test.api_token", "{\"value\":\"" + canary + "\"}")
        .status()).isEqualTo(403);
    assertThat(operator.put("/v1/mcp/instances/" + id + "/secrets/other", "{\"value\":\"x\"}").status()).isEqualTo(400);

    Api.Reply supplied = operator.put("/v1/mcp/instances/" + id + "/secrets/test.api_token",
        "{\"value\":\"" + canary + "\"}");

    assertThat(supplied.status()).as(supplied.body()).isEqualTo(202);
    assertThat(supplied.body()).doesNotContain(canary);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    InspectContainerResponse container = node.containerOf(id);
    assertHardened(container, true);
    assertThat(container.getHostConfig().getBinds()).anySatisfy(bind ->
        assertThat(bind.getVolume().getPath()).isEqualTo("/run/secrets/test.api_token"));
    assertThat(DockerTestSupport.readFile(node.docker, container.getId(), "/run/secrets/test.api_token")).isEqualTo(canary);

    String inspect = node.docker.inspectContainerCmd(container.getId()).exec().toString();
    assertThat(inspect).doesNotContain(canary);
    List<String> responses = List.of(
        operator.get("/v1/mcp/instances/" + id).body(),
        operator.get("/v1/mcp/instances/" + id + "/secrets").body(),
        operator.get("/v1/mcp/instances/" + id + "/logs?size=100").body(),
        operator.get("/v1/mcp/audit?size=100").body(),
        operator.get("/v1/mcp/instances?size=100").body());
    assertThat(responses).noneMatch(body -> body.contains(canary));
    for (var topic : Topics.nodeTopics(node.nodeId)) {
      assertThat(TopicRecords.raw(node.harbor, topic.name())).as(topic.name()).doesNotContain(canary);
    }
    assertThat(filesContaining(home, canary)).as("files under HARBOR_HOME holding the value").isEmpty();
    assertThat(node.log()).as("Harbor's log").contains("launcher of node " + node.nodeId).doesNotContain(canary);
    assertThat(node.audit(e -> id.equals(e.instanceId())))
        .extracting(AuditEvent::type)
        .contains(AuditEventType.SECRET_MISSING, AuditEventType.SECRET_LINKED, AuditEventType.LAUNCH_SUCCEEDED);

    node.removeAndAwaitNoContainer(agent, id);
    assertThat(node.secretsDir.resolve(id)).doesNotExist();
  }

  @Test
  void repeatedSetupsAndRemovesConvergeToOneContainerThenNone() {
    String body = "{\"catalogId\":\"test.everything-repeat\",\"idempotencyKey\":\"repeat-1\"}";
    Api.Reply first = agent.post("/v1/mcp/setup", body);
    Api.Reply again = agent.post("/v1/mcp/setup", body);
    assertThat(again.json().get("instanceId")).isEqualTo(first.json().get("instanceId"));
    String id = (String) first.json().get("instanceId");
    node.awaitStatus(id, "pending_approval", Duration.ofSeconds(30));
    assertThat(operator.post("/v1/mcp/instances/" + id + "/approve", "{}").status()).isIn(200, 202);
    assertThat(operator.post("/v1/mcp/instances/" + id + "/approve", "{}").status()).isEqualTo(409);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    Api.Reply withoutKey = agent.post("/v1/mcp/setup", "{\"catalogId\":\"test.everything-repeat\"}");
    assertThat(withoutKey.json().get("instanceId")).as("the entry's running instance").isEqualTo(id);
    node.containerOf(id);

    node.removeAndAwaitNoContainer(agent, id);
    Api.Reply removedAgain = agent.post("/v1/mcp/instances/" + id + "/remove", null);

    assertThat(removedAgain.status()).isEqualTo(409);
    assertThat(node.containersOf(id)).isEmpty();
  }

  @Test
  void anImageThatCannotBePulledFailsWithAPlainReason() {
    String id = node.setupAndApprove(agent, "test.missing-image");

    node.awaitStatus(id, "failed", ACTIVE_WITHIN);

    assertThat((String) operator.get("/v1/mcp/instances/" + id).json().get("errorMessage"))
        .contains("harbor-test/does-not-exist:1").contains("could not be pulled");
    assertThat(node.containersOf(id)).isEmpty();
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aServerThatExitsAtOnceFailsWithItsExitCodeAndLastLogLinesInTheLifecycleLog() {
    String id = node.setupAndApprove(agent, "test.exits-at-once");

    node.awaitStatus(id, "failed", ACTIVE_WITHIN);

    assertThat((String) operator.get("/v1/mcp/instances/" + id).json().get("errorMessage"))
        .startsWith("container exited with code 1");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        node.audit(e -> id.equals(e.instanceId()) && e.type() == AuditEventType.LAUNCH_FAILED).size() == 1);
    AuditEvent failed = node.audit(e -> id.equals(e.instanceId()) && e.type() == AuditEventType.LAUNCH_FAILED).get(0);
    assertThat(failed.details().get("logTail")).contains("Unknown transport: nonsense");
    assertThat(operator.get("/v1/mcp/instances/" + id + "/logs?types=launch_failed").body())
        .contains("Unknown transport: nonsense");
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aServerThatNeverAnswersMcpFailsOnceTheProbeTimeoutHasPassed() {
    String id = node.setupAndApprove(agent, "test.wrong-port");

    node.awaitStatus(id, "failed", Duration.ofSeconds(60));

    assertThat((String) node.instance(id).get("errorMessage"))
        .startsWith("the server did not answer MCP initialize within 15 s");
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aServerKilledForMemoryFailsWithTheReasonAndItsLastLogLines() {
    String id = node.setupAndApprove(agent, "test.memory-hog");

    node.awaitStatus(id, "failed", ACTIVE_WITHIN);

    assertThat((String) operator.get("/v1/mcp/instances/" + id).json().get("errorMessage"))
        .contains("out of memory");
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aContainerRemovedOutsideHarborIsReportedAsDriftAndARestartBringsItBack() {
    String id = setupApproveAndAwaitActive("test.everything-drift");
    String container = node.containerOf(id).getId();

    node.docker.removeContainerCmd(container).withForce(true).exec();

    node.awaitStatus(id, "failed", Duration.ofSeconds(30));
    assertThat((String) operator.get("/v1/mcp/instances/" + id).json().get("errorMessage"))
        .isEqualTo("container was removed outside Harbor");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        node.audit(e -> id.equals(e.instanceId()) && e.type() == AuditEventType.CONTAINER_DRIFTED).size() == 1);

    Api.Reply restarted = agent.post("/v1/mcp/instances/" + id + "/restart", null);

    assertThat(restarted.status()).as(restarted.body()).isIn(200, 202);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    assertThat(node.containerOf(id).getId()).isNotEqualTo(container);
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void limitsChangedOutsideHarborAreDriftAndTheContainerIsRemoved() {
    String id = setupApproveAndAwaitActive("test.everything-updated");
    String container = node.containerOf(id).getId();

    node.docker.updateContainerCmd(container).withMemory(512L << 20).withMemorySwap(512L << 20).exec();

    node.awaitStatus(id, "failed", Duration.ofSeconds(30));
    assertThat((String) node.instance(id).get("errorMessage"))
        .isEqualTo("container limits were changed outside Harbor; it was removed");
    await("container removed after the report").atMost(Duration.ofSeconds(30))
        .until(() -> node.containersOf(id).isEmpty());
    node.removeAndAwaitNoContainer(agent, id);
  }

  @Test
  void aLookAlikeContainerWithoutValidOwnershipIsLeftAloneAndReported() {
    String name = "lookalike-" + node.nodeId;
    String id = node.docker.createContainerCmd(DockerTestSupport.IMAGE + ":" + DockerTestSupport.TAG)
        .withName(name)
        .withLabels(Map.of(Ownership.MANAGED_BY, Ownership.OWNER, Ownership.NODE, node.nodeId,
            Ownership.INSTANCE, "i-lookalike", Ownership.CATALOG_ID, "test.everything-http",
            Ownership.SPEC_HASH, "0".repeat(64), Ownership.ORDER, "o-1", Ownership.PROOF, "f".repeat(64)))
        .withCmd("stdio")
        .exec().getId();

    await().atMost(Duration.ofSeconds(30)).until(() ->
        node.audit(e -> e.type() == AuditEventType.FOREIGN_CONTAINER_FOUND && name.equals(e.details().get("container")))
            .size() == 1);
    assertThat(node.docker.inspectContainerCmd(id).exec().getName()).isEqualTo("/" + name);
    node.docker.removeContainerCmd(id).withForce(true).exec();
  }

  // helpers

  private static void assertMcpConversation(McpClientTransport transport) {
    try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("mcp-servers/everything");
      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("echo");
      McpSchema.CallToolResult echoed = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "hello harbor")));
      assertThat(echoed.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(echoed.content()).anySatisfy(content ->
          assertThat(((McpSchema.TextContent) content).text()).contains("hello harbor"));
    }
  }

  /** Every hardening rule Harbor promises, read back from Docker. */
  private static void assertHardened(InspectContainerResponse container, boolean http) {
    HostConfig host = container.getHostConfig();
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getCapAdd()).isNullOrEmpty();
    assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
    assertThat(host.getPrivileged()).isFalse();
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getTmpFs()).containsKey("/tmp");
    assertThat(host.getMemory()).isEqualTo(256L << 20);
    assertThat(host.getMemorySwap()).isEqualTo(256L << 20);
    assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(host.getPidsLimit()).isEqualTo(128L);
    assertThat(host.getInit()).isTrue();
    assertThat(host.getRestartPolicy().getName()).isEqualTo("on-failure");
    assertThat(host.getRestartPolicy().getMaximumRetryCount()).isEqualTo(3);
    assertThat(host.getDevices()).isNullOrEmpty();
    assertThat(host.getNetworkMode()).isNotEqualTo("host").isEqualTo(http ? "harbor-no-egress" : "none");
    assertThat(host.getBinds() == null ? List.<String>of() : Stream.of(host.getBinds()).map(b -> b.getPath()).toList())
        .noneMatch(path -> path.contains("docker.sock"));
    assertThat(container.getConfig().getUser()).isEqualTo("65534:65534");
    assertThat(container.getConfig().getLabels()).containsEntry(Ownership.NODE, node.nodeId).containsKey(Ownership.PROOF);
    Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> published =
        host.getPortBindings() == null ? Map.of() : host.getPortBindings().getBindings();
    if (http) {
      assertThat(published).hasSize(1);
      assertThat(published.values().iterator().next())
          .allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1"));
    } else {
      assertThat(published).isEmpty();
    }
  }

  private static Map<String, Object> onlyServer(Map<String, Object> detail) {
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) detail.get("clientConfig");
    assertThat(config).as("clientConfig of %s", detail.get("id")).isNotNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> servers = (Map<String, Object>) config.get("mcpServers");
    assertThat(servers).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> server = (Map<String, Object>) servers.values().iterator().next();
    return server;
  }

  private static String setupApproveAndAwaitActive(String catalogId) {
    String id = node.setupAndApprove(agent, catalogId);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    return id;
  }

  private static List<Path> filesContaining(Path root, String value) throws IOException {
    byte[] needle = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        try {
          return indexOf(Files.readAllBytes(file), needle) >= 0;
        } catch (IOException unreadable) {
          return false;
        }
      }).toList();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

}
