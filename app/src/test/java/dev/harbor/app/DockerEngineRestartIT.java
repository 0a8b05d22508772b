package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.harbor.launcher.DockerBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker engine stops under a running instance: the instance turns degraded with the reason
 * "the Docker engine is unreachable", and once the engine is back (started again by
 * scripts/ensure-docker.sh, as a fresh machine's would be) the launcher starts the container again,
 * probes it and the instance is active. Stops and starts the machine's dockerd, so it needs root.
 */
class DockerEngineRestartIT {

  private static final Path ENSURE_DOCKER = Path.of("..", "scripts", "ensure-docker.sh");

  @TempDir static Path home;
  static String nodeId;
  static Path secretsDir;
  static Harbor harbor;
  static Api operator;

  @BeforeAll
  static void start() throws IOException {
    DockerTestSupport.requireDocker();
    nodeId = "engine-" + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) System.nanoTime()});
    secretsDir = Path.of("/dev/shm", "harbor-tests", nodeId);
    Map<String, String> env = TestHarbor.env(home);
    env.put("HARBOR_NODE_ID", nodeId);
    env.put("HARBOR_LAUNCHER", "on");
    env.put("HARBOR_SECRETS_DIR", secretsDir.toString());
    harbor = TestHarbor.start(env);
    operator = new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home));
    TestCatalog.publish(harbor, TestCatalog.everythingStdio("test.engine-restart"));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> operator.get("/v1/mcp/catalog/test.engine-restart").status() == 200);
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    try {
      if (harbor != null) {
        harbor.close();
      }
    } finally {
      ensureDocker();
      DockerTestSupport.sweep(DockerBackend.connect(null), nodeId, secretsDir);
    }
  }

  @Test
  void anInstanceDegradesWhileTheEngineIsDownAndIsActiveAgainWhenItIsBack() throws Exception {
    Api.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"test.engine-restart\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    String id = (String) reply.json().get("instanceId");
    awaitStatus(id, "active", Duration.ofSeconds(90));

    stopDockerd();

    awaitStatus(id, "degraded", Duration.ofSeconds(60));
    assertThat((String) operator.get("/v1/mcp/instances/" + id).json().get("errorMessage"))
        .isEqualTo("the Docker engine is unreachable");

    ensureDocker();

    awaitStatus(id, "active", Duration.ofSeconds(120));
    DockerClient docker = DockerBackend.connect(null);
    assertThat(DockerTestSupport.containersOf(docker, nodeId)).singleElement()
        .satisfies(c -> assertThat(c.getState()).isEqualTo("running"));
    assertThat(operator.post("/v1/mcp/instances/" + id + "/remove", null).status()).isIn(200, 202);
    awaitStatus(id, "removed", Duration.ofSeconds(60));
    assertThat(DockerTestSupport.containersOf(docker, nodeId)).isEmpty();
  }

  private static void stopDockerd() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("pkill", "-TERM", "-x", "dockerd").inheritIO().start();
    assertThat(kill.waitFor()).as("pkill dockerd (needs root)").isZero();
    DockerClient docker = DockerBackend.connect(null);
    await("dockerd stopped").atMost(Duration.ofSeconds(60)).until(() -> {
      try {
        docker.pingCmd().exec();
        return false;
      } catch (RuntimeException unreachable) {
        return true;
      }
    });
  }

  private static void ensureDocker() throws IOException, InterruptedException {
    Path log = Files.createTempFile("ensure-docker", ".log");
    Process start = new ProcessBuilder("bash", ENSURE_DOCKER.toString(), "--swarm")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(start.waitFor()).as(String.join("\n", Files.readAllLines(log))).isZero();
  }

  private static void awaitStatus(String id, String status, Duration within) {
    await("instance " + id + " " + status).atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
      Api.Reply reply = operator.get("/v1/mcp/instances/" + id);
      return reply.status() == 200 && status.equals(reply.json().get("status"));
    });
  }
}
