package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harbor mcp import} and {@code config --all --format} against a local stand-in for the Node's API. */
class ImportCommandTest {

  private static final String PASTE =
      "{\"mcpServers\":{\"fetch\":{\"command\":\"docker\",\"args\":[\"run\",\"-i\",\"--rm\",\"mcp/fetch\"]}}}";

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private volatile String answer;
  private volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      synchronized (requests) {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
            + new String(body, StandardCharsets.UTF_8));
      }
      byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aFileIsImportedAndEachServerShownAsARow() throws IOException {
    Path file = Files.writeString(dir.resolve("claude_desktop_config.json"), PASTE);
    answer = "{\"dryRun\":false,\"servers\":["
        + "{\"name\":\"fetch\",\"status\":\"setup_requested\",\"catalogId\":\"docker.fetch\",\"matchedBy\":\"image\","
        + "\"matched\":\"mcp/fetch\",\"instanceId\":\"i-1\",\"instanceStatus\":\"installing\",\"configKeys\":[],"
        + "\"secretsToSupply\":[],\"ignoredEnv\":[]},"
        + "{\"name\":\"github\",\"status\":\"setup_requested\",\"catalogId\":\"docker.github-official\","
        + "\"matchedBy\":\"image\",\"matched\":\"ghcr.io/github/github-mcp-server\",\"instanceId\":\"i-2\","
        + "\"instanceStatus\":\"pending_approval\",\"configKeys\":[],"
        + "\"secretsToSupply\":[\"github.personal_access_token\"],\"ignoredEnv\":[]}]}";

    CliRun run = CliRun.of(env(), "import", file.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(requests).containsExactly("POST /v1/mcp/config/import " + PASTE);
    assertThat(run.out().lines().toList()).hasSize(3);
    assertThat(run.out()).contains("SERVER", "RESULT", "setup_requested", "image mcp/fetch", "i-2 (pending_approval)",
        "supply secrets: github.personal_access_token");
  }

  @Test
  void standardInputIsReadForADryRunAndJsonIsTheApisAnswer() {
    answer = "{\"dryRun\":true,\"servers\":[{\"name\":\"fetch\",\"status\":\"would_set_up\",\"catalogId\":\"docker.fetch\","
        + "\"matchedBy\":\"image\",\"matched\":\"mcp/fetch\",\"configKeys\":[],\"secretsToSupply\":[],\"ignoredEnv\":[]}]}";

    CliRun run = runWithInput("import", "-", "--dry-run", "-o", "json");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(requests).containsExactly("POST /v1/mcp/config/import?dryRun=true " + PASTE);
    assertThat(run.out()).isEqualTo("{\"dryRun\":true,\"servers\":[{\"name\":\"fetch\",\"status\":\"would_set_up\","
        + "\"catalogId\":\"docker.fetch\",\"matchedBy\":\"image\",\"matched\":\"mcp/fetch\"}]}\n");
  }

  @Test
  void aDisabledEntryExitsWithFiveAndARefusedPasteWithTwo() {
    answer = "{\"dryRun\":false,\"servers\":[{\"name\":\"arxiv\",\"status\":\"disabled\",\"catalogId\":\"docker.arxiv\","
        + "\"configKeys\":[],\"secretsToSupply\":[],\"ignoredEnv\":[]},{\"name\":\"x\",\"status\":\"not_in_catalog\","
        + "\"configKeys\":[],\"secretsToSupply\":[],\"ignoredEnv\":[]}]}";
    assertThat(runWithInput("import", "-").code()).isEqualTo(ExitCode.DENIED);

    status = 400;
    answer = "{\"status\":400,\"error\":\"bad_request\",\"message\":\"must be a string\",\"field\":\"mcpServers.a.args[1]\"}";
    CliRun refused = runWithInput("import", "-");
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("must be a string");
  }

  @Test
  void aMissingFileIsAUsageErrorAndNothingIsSent() {
    CliRun run = CliRun.of(env(), "import", dir.resolve("absent.json").toString());

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("harbor mcp: cannot read ");
    assertThat(requests).isEmpty();
  }

  @Test
  void configAllAsksTheNodeForTheMergedConfigurationInTheGivenFormat() {
    answer = "{\"servers\":{\"fetch\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:41000/mcp\"}}}";

    CliRun run = CliRun.of(env(), "config", "--all", "--format", "vscode");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(requests).singleElement().asString().startsWith("GET /v1/mcp/config?format=vscode");
    assertThat(run.out()).isEqualTo("{\"servers\":{\"fetch\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:41000/mcp\"}}}\n");
    assertThat(CliRun.of(env(), "config", "--all", "--format", "zed").code()).isEqualTo(ExitCode.USAGE);
  }

  /** A run with the paste on standard input. */
  private CliRun runWithInput(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new McpCli(env(), new ByteArrayInputStream(PASTE.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Map<String, String> env() {
    return Map.of("HARBOR_NODE_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "HARBOR_TOKEN", "hbr_x_y");
  }
}
