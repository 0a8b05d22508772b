package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.harbor.launcher.LaunchStep;
import dev.harbor.launcher.Ownership;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher killed with SIGKILL after each launch step (container created, started, probed,
 * reported), then started again: the instance ends active with exactly one container and one
 * launch_succeeded event, and removing it leaves no container and no secret. The launcher runs in a
 * child JVM ({@link LauncherProcess}); the rest of the node runs here with its launcher off.
 */
class LauncherCrashIT {

  @TempDir static Path home;
  static String nodeId;
  static Path secretsDir;
  static DockerClient docker;
  static Harbor harbor;
  static Api operator;
  static String bootstrap;
  private final List<Process> launchers = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    docker = DockerTestSupport.requireDocker();
    nodeId = "crash-" + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) System.nanoTime()});
    secretsDir = Path.of("/dev/shm", "harbor-tests", nodeId);
    Map<String, String> env = TestHarbor.env(home);
    env.put("HARBOR_NODE_ID", nodeId);
    harbor = TestHarbor.start(env);
    bootstrap = Files.readString(harbor.settings().bootstrapFile()).trim();
    operator = new Api(harbor.nodeUrl(), TestHarbor.operatorToken(home));
    List<dev.harbor.schemas.catalog.CatalogEntry> entries = new ArrayList<>();
    for (LaunchStep step : LaunchStep.values()) {
      entries.add(TestCatalog.everythingHttp(catalogId(step)));
    }
    TestCatalog.publish(harbor, entries.toArray(dev.harbor.schemas.catalog.CatalogEntry[]::new));
    await().atMost(Duration.ofSeconds(60)).until(() ->
        operator.get("/v1/mcp/catalog/" + catalogId(LaunchStep.REPORTED)).status() == 200);
  }

  @AfterEach
  void killLaunchers() throws InterruptedException {
    for (Process launcher : launchers) {
      launcher.destroyForcibly();
      launcher.waitFor();
    }
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

  @ParameterizedTest
  @EnumSource(LaunchStep.class)
  void aLauncherKilledAfterAnyStepConvergesToExactlyOneContainerOnRestart(LaunchStep step) throws Exception {
    List<String> output = new CopyOnWriteArrayList<>();
    Process first = launcher(step, output);
    Api.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"" + catalogId(step) + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    String id = (String) reply.json().get("instanceId");

    await("launcher paused after " + step).atMost(Duration.ofSeconds(90))
        .until(() -> output.contains("PAUSED " + id + " " + step));
    first.destroyForcibly();
    first.waitFor();
    launcher(null, new CopyOnWriteArrayList<>());

    await("instance active").atMost(Duration.ofSeconds(90)).until(() ->
        "active".equals(operator.get("/v1/mcp/instances/" + id).json().get("status")));
    await("one launch reported").atMost(Duration.ofSeconds(30)).until(() -> succeeded(id).size() == 1);
    List<Container> containers = containersOf(id);
    assertThat(containers).hasSize(1);
    assertThat(containers.get(0).getState()).isEqualTo("running");
    assertThat(succeeded(id)).hasSize(1);

    Api.Reply removed = operator.post("/v1/mcp/instances/" + id + "/remove", null);
    assertThat(removed.status()).as(removed.body()).isIn(200, 202);
    await("instance removed").atMost(Duration.ofSeconds(60)).until(() ->
        "removed".equals(operator.get("/v1/mcp/instances/" + id).json().get("status")));
    assertThat(containersOf(id)).isEmpty();
    assertThat(secretsDir.resolve(id)).doesNotExist();
  }

  private List<AuditEvent> succeeded(String id) {
    return TopicRecords.read(harbor, Topics.audit(nodeId),
        e -> id.equals(e.instanceId()) && e.type() == AuditEventType.LAUNCH_SUCCEEDED);
  }

  private static List<Container> containersOf(String id) {
    return DockerTestSupport.containersOf(docker, nodeId).stream()
        .filter(c -> id.equals(c.getLabels().get(Ownership.INSTANCE)))
        .toList();
  }

  private Process launcher(LaunchStep pauseAfter, List<String> output) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = home.resolve("launcher-" + launchers.size() + ".log");
    Process process = new ProcessBuilder(
            java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), LauncherProcess.class.getName(),
            bootstrap, nodeId, home.toString(), secretsDir.toString(),
            pauseAfter == null ? "none" : pauseAfter.name())
        .redirectError(log.toFile())
        .start();
    launchers.add(process);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.add(line);
        }
      } catch (IOException closed) {
        // the process ended
      }
    }, "launcher-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static String catalogId(LaunchStep step) {
    return "test.crash-" + step.name().toLowerCase(Locale.ROOT);
  }
}
