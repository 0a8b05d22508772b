package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hub catalog page and the Node MCP page in a real browser: a whole Harbor with the launcher on
 * the real Docker engine, and {@code ui/e2e/run.mjs} driving Debian's Chromium through playwright-core
 * against it (sign in, search, disable, live pending setup, approve, copy the client configuration,
 * logs, remove, a canary secret that never comes back, the audit table, the client configuration's
 * export and import with its preview and refusals, a narrow window). The
 * screenshots it takes land in {@code app/target/ui-screenshots}.
 */
class UiBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String AGENT = "ui-agent";
  private static final String SECRET = "ui.api_token";

  @TempDir Path home;

  @Test
  void theHubAndNodePagesDoWhatAnOperatorNeedsInARealBrowser() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium; run scripts/prepare-tests.sh (as root) first").isExecutable();
    Path ui = uiModule();
    assertThat(ui.resolve("node_modules/playwright-core"))
        .as("playwright-core; the ui module's build runs npm ci").isDirectory();
    Path screenshots = Path.of("target", "ui-screenshots").toAbsolutePath();
    Path log = Path.of("target", "ui-e2e.log").toAbsolutePath();

    try (LaunchingNode node = LaunchingNode.start(home, "ui", Map.of(),
        TestCatalog.everythingHttp("ui.everything-http"),
        TestCatalog.everythingStdio("ui.everything-stdio"),
        TestCatalog.everythingHttp("ui.everything-disable"),
        TestCatalog.everythingWithSecret("ui.everything-secret", SECRET))) {
      ProcessBuilder e2e = new ProcessBuilder("node", "--test-reporter=tap", "e2e/run.mjs")
          .directory(ui.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      e2e.environment().putAll(Map.ofEntries(
          Map.entry("HARBOR_UI_NODE_URL", node.harbor.nodeUrl()),
          Map.entry("HARBOR_UI_HUB_URL", node.harbor.hubUrl()),
          Map.entry("HARBOR_UI_OPERATOR_TOKEN", TestHarbor.operatorToken(home)),
          Map.entry("HARBOR_UI_AGENT_TOKEN", node.token("agent", AGENT)),
          Map.entry("HARBOR_UI_AGENT_NAME", AGENT),
          Map.entry("HARBOR_UI_ENTRY", "ui.everything-http"),
          Map.entry("HARBOR_UI_STDIO_ENTRY", "ui.everything-stdio"),
          Map.entry("HARBOR_UI_DISABLE_ENTRY", "ui.everything-disable"),
          Map.entry("HARBOR_UI_SECRET_ENTRY", "ui.everything-secret"),
          Map.entry("HARBOR_UI_SECRET_NAME", SECRET),
          Map.entry("HARBOR_UI_IMAGE", DockerTestSupport.IMAGE + ":" + DockerTestSupport.TAG),
          Map.entry("HARBOR_UI_SCREENSHOTS", screenshots.toString()),
          Map.entry("HARBOR_UI_CHROMIUM", CHROMIUM.toString())));
      Process run = e2e.start();
      boolean finished = run.waitFor(12, TimeUnit.MINUTES);
      if (!finished) {
        run.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);

      assertThat(finished).as("browser tests finished in time; see %s", log).isTrue();
      assertThat(run.exitValue()).as(output).isZero();
      assertThat(output).contains("# pass 16").contains("# fail 0");
    }
    assertThat(screenshots.resolve("catalog.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("node.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("instance-drawer.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("audit.png")).isNotEmptyFile();
    assertThat(screenshots.resolve("client-config.png")).isNotEmptyFile();
  }

  private static Path uiModule() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("ui/e2e/run.mjs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IOException("ui/e2e/run.mjs not found above the working directory");
    }
    return dir.resolve("ui");
  }
}
