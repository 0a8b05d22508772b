package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.harbor.launcher.Ownership;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A whole Harbor (embedded broker, Hub, Node) on the real Docker engine, for the launcher's
 * integration tests: a node id of its own ({@code <prefix>-<hex>}), its secrets under
 * /dev/shm/harbor-tests/&lt;node&gt;, the given catalog entries published, its log captured
 * ({@link #log()}), and on {@link #close()}
 * everything that claims the node swept from Docker (containers, services, Docker Secrets) even when
 * a test failed.
 */
final class LaunchingNode implements AutoCloseable {

  final String nodeId;
  final Path secretsDir;
  final DockerClient docker;
  final Harbor harbor;
  final Api operator;
  private final HarborLog log;

  private LaunchingNode(
      String nodeId, Path secretsDir, DockerClient docker, Harbor harbor, Api operator, HarborLog log) {
    this.log = log;
    this.nodeId = nodeId;
    this.secretsDir = secretsDir;
    this.docker = docker;
    this.harbor = harbor;
    this.operator = operator;
  }

  /**
   * Starts the system with the launcher on (unless {@code env} says otherwise), publishes the entries
   * and waits until the Node's catalog shows the last one.
   */
  static LaunchingNode start(Path home, String prefix, Map<String, String> env, CatalogEntry... entries)
      throws IOException {
    DockerClient docker = DockerTestSupport.requireDocker();
    String nodeId = prefix + "-"
        + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) System.nanoTime()});
    Path secretsDir = Path.of("/dev/shm", "harbor-tests", nodeId);
    Map<String, String> settings = TestHarbor.env(home);
    settings.put("HARBOR_NODE_ID", nodeId);
    settings.put("HARBOR_LAUNCHER", "on");
    settings.put("HARBOR_SECRETS_DIR", secretsDir.toString());
    settings.putAll(env);
    HarborLog log = new HarborLog();
    log.start();
    Harbor harbor;
    try {
      harbor = TestHarbor.start(settings);
    } catch (IOException | RuntimeException e) {
      log.stop();
      throw e;
    }
    LaunchingNode node = new LaunchingNode(
        nodeId, secretsDir, docker, harbor, new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home)), log);
    if (entries.length > 0) {
      TestCatalog.publish(harbor, entries);
      String last = entries[entries.length - 1].id();
      await("catalog entry " + last).atMost(Duration.ofSeconds(60))
          .until(() -> node.operator.get("/v1/mcp/catalog/" + last).status() == 200);
    }
    return node;
  }

  /** A caller with a new token of that kind and name. */
  Api caller(String kind, String name) {
    return operator.as(token(kind, name));
  }

  /** A new token of that kind and name, as the operator creates it. */
  String token(String kind, String name) {
    Api.Reply created = operator.post("/v1/tokens", "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return (String) created.json().get("token");
  }

  /** The instance as the operator reads it. */
  Map<String, Object> instance(String id) {
    return operator.get("/v1/mcp/instances/" + id).json();
  }

  void awaitStatus(String id, String status, Duration within) {
    await("instance " + id + " " + status).atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
      Api.Reply reply = operator.get("/v1/mcp/instances/" + id);
      return reply.status() == 200 && status.equals(reply.json().get("status"));
    });
  }

  /** The caller asks for a setup; returns the instance id. */
  String setup(Api caller, String catalogId) {
    Api.Reply reply = caller.post("/v1/mcp/setup", "{\"catalogId\":\"" + catalogId + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return (String) reply.json().get("instanceId");
  }

  /** The caller asks for a setup, it waits for approval, and the operator approves it. */
  String setupAndApprove(Api caller, String catalogId) {
    String id = setup(caller, catalogId);
    awaitStatus(id, "pending_approval", Duration.ofSeconds(30));
    Api.Reply approved = operator.post("/v1/mcp/instances/" + id + "/approve", "{}");
    assertThat(approved.status()).as(approved.body()).isIn(200, 202);
    return id;
  }

  /** The caller removes the instance; waits until it is removed and checks no container is left. */
  void removeAndAwaitNoContainer(Api caller, String id) {
    Api.Reply removed = caller.post("/v1/mcp/instances/" + id + "/remove", null);
    assertThat(removed.status()).as(removed.body()).isIn(200, 202);
    awaitStatus(id, "removed", Duration.ofSeconds(60));
    assertThat(containersOf(id)).isEmpty();
  }

  /** Containers of the instance, running or not. */
  List<Container> containersOf(String id) {
    return DockerTestSupport.containersOf(docker, nodeId).stream()
        .filter(c -> id.equals(c.getLabels().get(Ownership.INSTANCE)))
        .toList();
  }

  /** The one container of the instance, inspected. */
  InspectContainerResponse containerOf(String id) {
    List<Container> containers = containersOf(id);
    assertThat(containers).as("containers of instance %s", id).hasSize(1);
    return docker.inspectContainerCmd(containers.get(0).getId()).exec();
  }

  /** The node's audit events that match, read from its topic. */
  List<AuditEvent> audit(Predicate<AuditEvent> wanted) {
    return TopicRecords.read(harbor, Topics.audit(nodeId), wanted);
  }

  /** What Harbor has logged since this node started. */
  String log() {
    return log.text();
  }

  @Override
  public void close() throws IOException {
    try {
      harbor.close();
    } finally {
      log.stop();
      DockerTestSupport.sweep(docker, nodeId, secretsDir);
    }
  }
}
