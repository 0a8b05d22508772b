package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.harbor.launcher.LaunchStep;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  static LaunchingNode node;
  static String bootstrap;
  private final List<Process> launchers = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    for (LaunchStep step : LaunchStep.values()) {
      entries.add(TestCatalog.everythingHttp(catalogId(step)));
    }
    node = LaunchingNode.start(home, "crash", Map.of("HARBOR_LAUNCHER", "off"), entries.toArray(CatalogEntry[]::new));
    bootstrap = Files.readString(node.harbor.settings().bootstrapFile()).trim();
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
    if (node != null) {
      node.close();
    }
  }

  @ParameterizedTest
  @EnumSource(LaunchStep.class)
  void aLauncherKilledAfterAnyStepConvergesToExactlyOneContainerOnRestart(LaunchStep step) throws Exception {
    List<String> output = new CopyOnWriteArrayList<>();
    Process first = launcher(step, output);
    String id = node.setup(node.operator, catalogId(step));

    await("launcher paused after " + step).atMost(Duration.ofSeconds(90))
        .until(() -> output.contains("PAUSED " + id + " " + step));
    first.destroyForcibly();
    first.waitFor();
    launcher(null, new CopyOnWriteArrayList<>());

    node.awaitStatus(id, "active", Duration.ofSeconds(90));
    await("one launch reported").atMost(Duration.ofSeconds(30)).until(() -> succeeded(id).size() == 1);
    List<Container> containers = node.containersOf(id);
    assertThat(containers).hasSize(1);
    assertThat(containers.get(0).getState()).isEqualTo("running");
    assertThat(succeeded(id)).hasSize(1);

    node.removeAndAwaitNoContainer(node.operator, id);
    assertThat(node.secretsDir.resolve(id)).doesNotExist();
  }

  private List<AuditEvent> succeeded(String id) {
    return node.audit(e -> id.equals(e.instanceId()) && e.type() == AuditEventType.LAUNCH_SUCCEEDED);
  }

  private Process launcher(LaunchStep pauseAfter, List<String> output) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = home.resolve("launcher-" + launchers.size() + ".log");
    Process process = new ProcessBuilder(
            java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), LauncherProcess.class.getName(),
            bootstrap, node.nodeId, home.toString(), node.secretsDir.toString(),
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
