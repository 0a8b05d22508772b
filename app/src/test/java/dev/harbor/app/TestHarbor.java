package dev.harbor.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Starts a real Harbor (embedded broker, Hub, Node) for a test, on free ports, and waits until ready. */
final class TestHarbor {

  private TestHarbor() {}

  static Path seed() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("catalog/seed"))) {
      dir = dir.getParent();
    }
    return Objects.requireNonNull(dir, "catalog/seed not found above the working directory").resolve("catalog/seed");
  }

  /** The environment of a whole system on free ports, seeded with the bundled catalog. */
  static Map<String, String> env(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("HARBOR_HOME", home.toString());
    env.put("HARBOR_KAFKA_PORT", "0");
    env.put("HARBOR_NODE_PORT", "-1");
    env.put("HARBOR_HUB_PORT", "-1");
    env.put("HARBOR_LAUNCHER", "off");
    env.put(
        "HARBOR_SEED",
        seed().resolve("docker-mcp-registry") + "," + seed().resolve("official-registry/servers.json"));
    return env;
  }

  static Harbor start(Map<String, String> env) throws IOException {
    Harbor harbor = Harbor.start(HarborSettings.fromEnvironment(env));
    if (harbor.hubUrl() != null) {
      await("hub ready").atMost(Duration.ofMinutes(3)).until(() -> new Api(harbor.hubUrl(), null).get("/health").status() == 200);
    }
    if (harbor.nodeUrl() != null) {
      await("node ready").atMost(Duration.ofMinutes(3)).until(() -> new Api(harbor.nodeUrl(), null).get("/health").status() == 200);
    }
    return harbor;
  }

  static String operatorToken(Path home) throws IOException {
    return Files.readString(home.resolve("operator.token")).trim();
  }
}
