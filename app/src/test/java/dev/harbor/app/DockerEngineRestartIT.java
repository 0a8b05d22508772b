package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.harbor.launcher.DockerBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
  static LaunchingNode node;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "engine", Map.of(), TestCatalog.everythingStdio("test.engine-restart"));
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    ensureDocker();
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anInstanceDegradesWhileTheEngineIsDownAndIsActiveAgainWhenItIsBack() throws Exception {
    String id = node.setup(node.operator, "test.engine-restart");
    node.awaitStatus(id, "active", Duration.ofSeconds(90));

    stopDockerd();

    node.awaitStatus(id, "degraded", Duration.ofSeconds(60));
    assertThat((String) node.instance(id).get("errorMessage"))
        .isEqualTo("the Docker engine is unreachable");

    ensureDocker();

    node.awaitStatus(id, "active", Duration.ofSeconds(120));
    assertThat(node.containersOf(id)).singleElement()
        .satisfies(c -> assertThat(c.getState()).isEqualTo("running"));
    node.removeAndAwaitNoContainer(node.operator, id);
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

}
