package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.app.cli.CliRun;
import dev.harbor.app.cli.ExitCode;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harbor mcp} run in-process against a real Node (embedded broker, Hub, Node with its
 * launcher on the local Docker engine): every command's output and exit code, as operator and as an
 * agent. The examples in docs/cli.md are these runs. Everything the node starts carries its label and
 * is swept at the end.
 */
class CliIT {

  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);

  @TempDir static Path home;
  static LaunchingNode node;
  /** The CLI's environment: the Node's URL and $HARBOR_HOME, so the operator token file is found. */
  static Map<String, String> env;
  static String agentToken;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "cli", Map.of(),
        TestCatalog.everythingHttp("test.cli-http"),
        TestCatalog.everythingHttp("test.cli-agent"),
        TestCatalog.everythingHttp("test.cli-deny"),
        TestCatalog.everythingHttp("test.cli-disabled"));
    env = Map.of("HARBOR_NODE_URL", node.harbor.nodeUrl(), "HARBOR_HOME", home.toString());
    agentToken = node.token("agent", "cli-agent");
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anOperatorSetsUpReadsConfigStatusAndLogsRestartsAndRemoves() throws Exception {
    CliRun setup = mcp("setup", "test.cli-http", "--wait", "--timeout", "90s");
    assertThat(setup.code()).as(setup.toString()).isEqualTo(ExitCode.OK);
    assertThat(setup.out()).startsWith("instance ").contains(" is active; client configuration:", "\"mcpServers\"", "http://127.0.0.1:");
    String id = setup.out().split(" ")[1];

    CliRun config = mcp("config", id);
    assertThat(config.code()).as(config.toString()).isZero();
    Map<String, Object> servers = servers(config.out());
    assertThat(servers).hasSize(1);
    Map<?, ?> server = (Map<?, ?>) servers.values().iterator().next();
    assertThat(server.get("type")).isEqualTo("http");
    assertThat((String) server.get("url")).startsWith("http://127.0.0.1:");

    CliRun all = mcp("config", "--all");
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(servers(all.out())).containsAllEntriesOf(servers);

    CliRun ls = mcp("ls", "--status", "active");
    assertThat(ls.code()).as(ls.toString()).isZero();
    assertThat(ls.out()).startsWith("INSTANCE").contains(id, "test.cli-http", "operator:");
    CliRun lsJson = mcp("ls", "-o", "json");
    assertThat(json(lsJson.out())).containsKeys("items", "total");

    CliRun status = mcp("status", id);
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out()).startsWith("INSTANCE").contains(id, "active");
    assertThat(json(mcp("status", id, "-o", "json").out())).containsEntry("status", "active").containsEntry("id", id);

    await("lifecycle log").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      CliRun logs = mcp("logs", id);
      assertThat(logs.code()).as(logs.toString()).isZero();
      assertThat(logs.out()).startsWith("AT").contains("setup_requested", "launch_succeeded");
    });

    CliRun.Running follow = CliRun.start(env, "logs", id, "--follow");
    await("follow prints the log so far").atMost(Duration.ofSeconds(30))
        .until(() -> follow.outSoFar().contains("launch_succeeded") || follow.done().isDone());
    assertThat(follow.done()).isNotDone();

    CliRun restart = mcp("restart", id);
    assertThat(restart.code()).as(restart.toString()).isZero();
    assertThat(restart.out()).contains(id);
    await("follow prints the restart").atMost(Duration.ofSeconds(30))
        .until(() -> follow.outSoFar().contains("instance_restart_requested"));
    await("active again").atMost(ACTIVE_WITHIN).untilAsserted(() -> assertThat(mcp("status", id).out()).contains("active"));
    assertThat(follow.done()).isNotDone();

    CliRun remove = mcp("remove", id);
    assertThat(remove.code()).as(remove.toString()).isZero();
    assertThat(remove.out()).contains(id);
    CliRun followed = follow.done().get(90, TimeUnit.SECONDS);
    assertThat(followed.code()).as(followed.toString()).isZero();
    assertThat(followed.out()).contains("setup_requested", "instance_restart_requested", "remove_requested", "remove_succeeded");
    assertThat(node.containersOf(id)).isEmpty();
    assertThat(mcp("remove", id).code()).isEqualTo(ExitCode.CONFLICT);
  }

  @Test
  void anAgentsSetupWaitsForApprovalWhichOnlyAnOperatorGivesOrRefuses() {
    CliRun pending = agent("setup", "test.cli-agent", "--wait", "-o", "json");
    assertThat(pending.code()).as(pending.toString()).isEqualTo(ExitCode.PENDING_APPROVAL);
    assertThat(pending.err()).startsWith("harbor mcp: ").hasLineCount(1);
    Map<String, Object> instance = json(pending.out());
    assertThat(instance).containsEntry("status", "pending_approval");
    String id = (String) instance.get("id");

    CliRun byAgent = agent("approve", id);
    assertThat(byAgent.code()).as(byAgent.toString()).isEqualTo(ExitCode.FORBIDDEN);
    assertThat(byAgent.err()).startsWith("harbor mcp: forbidden: ");

    CliRun approved = mcp("approve", id, "--note", "fine for the cli test");
    assertThat(approved.code()).as(approved.toString()).isZero();
    assertThat(approved.out()).contains(id, "installing");
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    assertThat(mcp("config", "--all").out()).contains("http://127.0.0.1:");
    assertThat(mcp("remove", id).code()).isZero();

    CliRun second = agent("setup", "test.cli-deny");
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.out()).startsWith("INSTANCE");
    String denyId = second.out().lines().toList().get(1).split("\\s+")[0];
    node.awaitStatus(denyId, "pending_approval", Duration.ofSeconds(30));
    CliRun denied = mcp("deny", denyId, "--note", "not today");
    assertThat(denied.code()).as(denied.toString()).isZero();
    assertThat(denied.out()).contains(denyId, "denied");
    CliRun config = mcp("config", denyId);
    assertThat(config.code()).as(config.toString()).isEqualTo(ExitCode.CONFLICT);
  }

  @Test
  void aDisabledEntryDeniesAnAgentsSetup() {
    CliRun disable = mcp("disable", "test.cli-disabled", "--reason", "under review");
    assertThat(disable.code()).as(disable.toString()).isZero();
    assertThat(disable.out()).isEqualTo("test.cli-disabled disabled: under review\n");
    CliRun setup = agent("setup", "test.cli-disabled", "--wait");
    assertThat(setup.code()).as(setup.toString()).isEqualTo(ExitCode.DENIED);
    assertThat(setup.out()).contains("denied");
    CliRun enable = mcp("enable", "test.cli-disabled");
    assertThat(enable.code()).as(enable.toString()).isZero();
    assertThat(enable.out()).isEqualTo("test.cli-disabled enabled\n");
  }

  @Test
  void theCatalogAndTheAuditTrailReadAsTablesOrJson() {
    CliRun search = mcp("catalog", "search", "--tag", "test", "--size", "50");
    assertThat(search.code()).as(search.toString()).isZero();
    assertThat(search.out()).startsWith("ID").contains("test.cli-http", "test.cli-agent");
    assertThat(json(mcp("catalog", "search", "test.cli-http", "-o", "json").out())).containsKey("items");
    CliRun show = mcp("catalog", "show", "test.cli-http");
    assertThat(show.code()).as(show.toString()).isZero();
    assertThat(show.out()).contains("id", "test.cli-http", "transport", "streamable_http");
    await("audit").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      CliRun audit = mcp("audit", "--type", "token_created", "--size", "5");
      assertThat(audit.code()).as(audit.toString()).isZero();
      assertThat(audit.out()).startsWith("AT").contains("token_created");
    });
  }

  @Test
  void aPastedClientConfigurationIsImportedAsADryRun() throws IOException {
    Path paste = java.nio.file.Files.writeString(home.resolve("claude_desktop_config.json"), """
        {"mcpServers": {
          "everything": {"command": "docker", "args": ["run", "-i", "--rm", "%s:%s"]},
          "notes": {"command": "npx", "args": ["-y", "@acme/notes-mcp"], "env": {"NOTES_TOKEN": "not-shown"}}}}
        """.formatted(DockerTestSupport.IMAGE, DockerTestSupport.TAG));

    CliRun dryRun = mcp("import", paste.toString(), "--dry-run");

    assertThat(dryRun.code()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out()).startsWith("SERVER").contains("would_set_up", "image " + DockerTestSupport.IMAGE,
        "not_in_catalog").doesNotContain("not-shown");
    CliRun asJson = mcp("import", paste.toString(), "--dry-run", "-o", "json");
    assertThat(json(asJson.out())).containsEntry("dryRun", true).containsKey("servers");
  }

  @Test
  void unknownThingsAreNotFound() {
    CliRun status = mcp("status", "i-does-not-exist");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(status.err()).startsWith("harbor mcp: not_found: ").hasLineCount(1);
    assertThat(mcp("catalog", "show", "test.no-such-entry").code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(mcp("remove", "i-does-not-exist").code()).isEqualTo(ExitCode.NOT_FOUND);
  }

  @Test
  void tokensAreCreatedListedAndRevoked() {
    CliRun created = mcp("token", "create", "--kind", "script", "--name", "cli-script", "-o", "json");
    assertThat(created.code()).as(created.toString()).isZero();
    Map<String, Object> token = json(created.out());
    assertThat(token).containsEntry("kind", "script").containsEntry("name", "cli-script");
    String tokenId = (String) token.get("id");
    String value = (String) token.get("token");
    assertThat(CliRun.of(env, "ls", "--token", value).code()).isZero();

    CliRun ls = mcp("token", "ls");
    assertThat(ls.code()).as(ls.toString()).isZero();
    assertThat(ls.out()).startsWith("ID").contains(tokenId, "cli-script").doesNotContain(value);
    assertThat(agent("token", "ls").code()).isEqualTo(ExitCode.FORBIDDEN);

    CliRun revoked = mcp("token", "revoke", tokenId);
    assertThat(revoked.code()).as(revoked.toString()).isZero();
    assertThat(revoked.out()).isEqualTo("token " + tokenId + " revoked\n");
    assertThat(CliRun.of(env, "ls", "--token", value).code()).isEqualTo(ExitCode.FORBIDDEN);
    assertThat(mcp("token", "revoke", tokenId).code()).isEqualTo(ExitCode.NOT_FOUND);
  }

  /** {@code ./harbor mcp ARGS} as the operator (the token file under $HARBOR_HOME). */
  private static CliRun mcp(String... args) {
    return CliRun.of(env, args);
  }

  /** {@code ./harbor mcp ARGS} as the agent, its token in HARBOR_TOKEN. */
  private static CliRun agent(String... args) {
    Map<String, String> agentEnv = new HashMap<>(env);
    agentEnv.put("HARBOR_TOKEN", agentToken);
    return CliRun.of(agentEnv, args);
  }

  private static Map<String, Object> json(String text) {
    try {
      return ObjectMapper.getDefault().readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> servers(String text) {
    return (Map<String, Object>) json(text).get("mcpServers");
  }
}
