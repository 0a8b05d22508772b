package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.app.cli.CliRun;
import dev.harbor.app.cli.ExitCode;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.sdk.ApprovalRequiredException;
import dev.harbor.sdk.CatalogSearch;
import dev.harbor.sdk.HarborClient;
import dev.harbor.sdk.InstanceFilter;
import dev.harbor.sdk.Page;
import dev.harbor.sdk.SecretMissingException;
import dev.harbor.sdk.SetupResult;
import dev.harbor.sdk.WaitOptions;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example of docs/agents.md against a running Harbor on the real Docker engine, and checks
 * what each prints against the output the page shows: the shell blocks with bash and curl, the
 * command lines through the CLI in-process, the Java block as code of this class, the tool calls
 * through the official MCP Java SDK client. The last test checks that no example on the page was
 * left out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsDocIT {

  private static final String ENTRY = "reference.everything";
  private static final String KEYED = "reference.keyed";
  private static final String AGENT = "notes-agent";
  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);
  private static final Duration RUN_WITHIN = Duration.ofSeconds(60);
  private static final String CANARY = "agents-doc-canary-7f3b9c";

  @TempDir static Path home;
  static LaunchingNode node;
  static DocExamples page;
  static final Set<String> ran = ConcurrentHashMap.newKeySet();

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final List<String> echoed = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    page = DocExamples.read("docs/agents.md");
    node = LaunchingNode.start(home, "agentsdoc", Map.of(), TestCatalog.everythingHttp(ENTRY),
        TestCatalog.everythingWithSecret(KEYED, "api_token"));
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void theCurlExamplesTakeAnAgentFromSearchToADirectConnectionAndARemoval() throws IOException {
    Map<String, String> env = shellEnv(node.token("agent", AGENT));

    Map<String, Object> found = Json.object(shell("curl-search", env));
    assertThat(Json.list(found.get("items"))).extracting(i -> Json.object(i.get("entry")).get("id"))
        .containsExactly(ENTRY);

    String id = (String) Json.object(shell("curl-setup", env)).get("instanceId");
    env.put("INSTANCE_ID", id);
    assertThat(Json.object(shell("curl-status", env))).containsEntry("status", "pending_approval");

    assertThat(Json.object(shell("curl-approve", env))).containsEntry("id", id);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);

    Map<String, Object> instance = Json.object(shell("curl-instance", env));
    String url = (String) onlyServer(instance.get("clientConfig")).get("url");
    env.put("SERVER_URL", url);
    assertThat(shell("curl-connect", env)).contains("\"name\":\"mcp-servers/everything\"");
    echoThrough(url);
    assertThat(onlyServer(Json.object(shell("curl-config", env)))).containsEntry("url", url);

    assertThat(Json.list(Json.object(shell("curl-mine", env)).get("items"))).extracting(i -> i.get("id"))
        .containsExactly(id);
    assertThat(Json.object(shell("curl-remove", env))).containsEntry("id", id);
    awaitRemovedWithoutContainer(id);
  }

  @Test
  @Order(2)
  void theSecretExampleShowsTheOperatorSupplyingWhatTheAgentNeverHandles() throws IOException {
    String token = node.token("agent", AGENT);
    Map<String, String> env = shellEnv(token);
    String id = node.setupAndApprove(node.operator.as(token), KEYED);
    env.put("INSTANCE_ID", id);
    node.awaitStatus(id, "secret_missing", ACTIVE_WITHIN);

    Map<String, Object> status = Json.object(shell("curl-secret-status", env));
    assertThat((String) status.get("errorMessage")).contains("api_token");

    env.put("API_TOKEN", CANARY);
    String supplied = shell("curl-secret-supply", env);
    assertThat(Json.object(supplied)).containsEntry("supplied", true);
    assertThat(supplied).doesNotContain(CANARY);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);

    node.removeAndAwaitNoContainer(node.operator.as(token), id);
    assertThat(node.log()).doesNotContain(CANARY);
  }

  @Test
  @Order(3)
  void theCommandLineExamplesStopAtApprovalWithTheirExitCodeAndFinishOnceApproved() {
    Map<String, String> agent = Map.of("HARBOR_NODE_URL", node.harbor.nodeUrl(), "HARBOR_TOKEN",
        node.token("agent", AGENT), "HARBOR_HOME", home.resolve("agent-home").toString());
    Map<String, String> operator = Map.of("HARBOR_NODE_URL", node.harbor.nodeUrl(), "HARBOR_HOME", home.toString());
    Map<String, Map<String, String>> roles = Map.of("", agent, "operator", operator);
    Map<String, String> vars = new HashMap<>();

    assertThat(cli("cli-search", roles, vars, ExitCode.OK)).contains(ENTRY);
    String pending = cli("cli-setup", roles, vars, ExitCode.PENDING_APPROVAL);
    Matcher instance = Pattern.compile("\\b(i-[0-9a-f]{20})\\b").matcher(pending);
    assertThat(instance.find()).as(pending).isTrue();
    String id = instance.group(1);
    vars.put("INSTANCE_ID", id);

    cli("cli-approve", roles, vars, ExitCode.OK);
    String ready = cli("cli-setup-again", roles, vars, ExitCode.OK);
    assertThat(ready).contains(id, "is active");
    String url = (String) onlyServer(Json.object(ready.lines().toList().get(1))).get("url");
    echoThrough(url);

    assertThat(cli("cli-status", roles, vars, ExitCode.OK)).contains("removing");
    awaitRemovedWithoutContainer(id);
  }

  @Test
  @Order(4)
  void theSdkExampleIsCodeOfThisTest() throws Exception {
    String nodeUrl = node.harbor.nodeUrl();
    String agentToken = node.token("agent", AGENT);
    CompletableFuture<String> approval = operatorApprovesTheNextSetupOf(ENTRY);

    HarborClient harbor = HarborClient.builder().baseUri(nodeUrl).token(agentToken).build();
    String catalogId = harbor.search(CatalogSearch.text("everything").size(5)).items().get(0).id();

    SetupResult ready;
    try {
      ready = harbor.setupAndWait(catalogId, Map.of(), "task-1234", Duration.ofMinutes(2));
    } catch (ApprovalRequiredException pending) {
      tellTheUser("an operator must approve " + pending.instanceId() + " on the node");
      ready = harbor.awaitActive(pending.instanceId(), WaitOptions.of(Duration.ofMinutes(10)).throughApproval());
    } catch (SecretMissingException missing) {
      tellTheUser(missing.getMessage());
      ready = harbor.awaitActive(missing.instanceId(), Duration.ofMinutes(10));
    }
    String serverUrl = ready.clientConfig().url().orElseThrow();
    useTheServer(serverUrl);

    Page<Instance> mine = harbor.instances(InstanceFilter.all().mine());
    harbor.remove(ready.instanceId());

    ran.add("sdk-workflow");
    assertThat(approval.get(ACTIVE_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ready.instanceId());
    assertThat(told).containsExactly("an operator must approve " + ready.instanceId() + " on the node");
    assertThat(echoed).containsExactly(serverUrl);
    assertThat(mine.items()).extracting(Instance::id).contains(ready.instanceId());
    assertThat(mine.items()).allSatisfy(i -> assertThat(i.requestedBy().kind()).isEqualTo(CallerKind.AGENT));
    awaitRemovedWithoutContainer(ready.instanceId());

    List<String> code = DocExamples.codeLines(
        Files.readString(DocExamples.repositoryFile("app/src/test/java/dev/harbor/app/AgentsDocIT.java")));
    List<String> example = DocExamples.codeLines(page.example("sdk-workflow").code().text());
    assertThat(Collections.indexOfSubList(code, example))
        .as("the Java example of docs/agents.md is code of this test:%n%s", String.join("\n", example))
        .isNotNegative();
  }

  @Test
  @Order(5)
  void theMcpToolCallsGoThroughTheOfficialClientConfiguredAsThePageSays() {
    String token = node.token("agent", AGENT);
    Map<String, String> vars = new HashMap<>();
    try (McpSyncClient harbor = clientFromThePage(token)) {
      assertThat(harbor.initialize().serverInfo().name()).isEqualTo("harbor-node");

      assertThat(Json.list(tool(harbor, "mcp-search", vars).get("entries")))
          .extracting(e -> e.get("catalogId")).containsExactly(ENTRY);
      String id = (String) tool(harbor, "mcp-request", vars).get("instanceId");
      vars.put("INSTANCE_ID", id);

      node.awaitStatus(id, "pending_approval", Duration.ofSeconds(30));
      Api.Reply approved = node.operator.post("/v1/mcp/instances/" + id + "/approve", "{}");
      assertThat(approved.status()).as(approved.body()).isIn(200, 202);
      await("active through get_instance").atMost(ACTIVE_WITHIN).pollInterval(Duration.ofMillis(300))
          .until(() -> "active".equals(toolWithoutOutputCheck(harbor, "mcp-get", vars).get("status")));
      Map<String, Object> active = tool(harbor, "mcp-get", vars);
      echoThrough((String) onlyServer(active.get("clientConfig")).get("url"));

      assertThat(Json.list(tool(harbor, "mcp-mine", vars).get("instances")))
          .extracting(i -> i.get("instanceId")).first().isEqualTo(id);
      assertThat(tool(harbor, "mcp-remove", vars)).containsEntry("instanceId", id);
      awaitRemovedWithoutContainer(id);
    }
  }

  @Test
  @Order(6)
  void everyExampleOnThePageWasRunAndEveryBlockIsAnExample() {
    assertThat(page.unmarked()).as("fenced blocks without a run or output marker").isEmpty();
    assertThat(ran).containsExactlyInAnyOrderElementsOf(page.names());
  }

  // The agent's side of the SDK example.

  private void tellTheUser(String message) {
    told.add(message);
  }

  private void useTheServer(String serverUrl) {
    echoThrough(serverUrl);
    echoed.add(serverUrl);
  }

  // Running the page's blocks

  private static Map<String, String> shellEnv(String agentToken) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("HARBOR_URL", node.harbor.nodeUrl());
    env.put("HARBOR_TOKEN", agentToken);
    env.put("OPERATOR_TOKEN", TestHarbor.operatorToken(home));
    return env;
  }

  /** Runs a shell example with bash in these variables; returns its standard output. */
  private static String shell(String name, Map<String, String> vars) {
    DocExamples.Example example = page.example(name);
    assertThat(example.code().language()).isEqualTo("bash");
    assertThat(example.code().text().contains("$OPERATOR_TOKEN"))
        .as("%s uses the operator's token exactly when its marker says it runs as the operator", name)
        .isEqualTo(example.role().equals("operator"));
    ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", example.code().text())
        .directory(DocExamples.repositoryFile("harbor").getParent().toFile());
    builder.environment().putAll(vars);
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(RUN_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("%s ends", name).isTrue();
      assertThat(process.exitValue()).as("%s: %s", name, new String(err.join(), StandardCharsets.UTF_8)).isZero();
      checkOutput(example, out);
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Runs each {@code ./harbor mcp ...} line of a command-line example in-process, in the environment
   * of the role its marker names (the agent's when it names none), with {@code $NAME} words taken from
   * {@code vars}; every line but the last must exit 0, the last with {@code lastExit}. Returns their
   * standard output, concatenated.
   */
  private static String cli(
      String name, Map<String, Map<String, String>> roles, Map<String, String> vars, int lastExit) {
    DocExamples.Example example = page.example(name);
    Map<String, String> env = roles.get(example.role());
    assertThat(env).as("%s runs as a known role: '%s'", name, example.role()).isNotNull();
    List<String> commands = example.code().text().lines().filter(l -> !l.isBlank()).toList();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < commands.size(); i++) {
      List<String> words = new ArrayList<>(List.of(commands.get(i).strip().split("\\s+")));
      assertThat(words.subList(0, 2)).as(commands.get(i)).containsExactly("./harbor", "mcp");
      List<String> args = words.subList(2, words.size()).stream()
          .peek(w -> assertThat(w).as("plain words only").doesNotContain("'", "\""))
          .map(w -> w.startsWith("$") ? vars.get(w.substring(1)) : w)
          .toList();
      assertThat(args).as(commands.get(i)).doesNotContainNull();
      CliRun run = CliRun.of(env, args.toArray(String[]::new));
      assertThat(run.code()).as("%s%n%s", commands.get(i), run).isEqualTo(i == commands.size() - 1 ? lastExit : 0);
      out.append(run.out());
    }
    checkOutput(example, out.toString());
    return out.toString();
  }

  /** Calls the tool of an MCP example, its {@code $NAME} strings taken from {@code vars}; checks the output. */
  private static Map<String, Object> tool(McpSyncClient client, String name, Map<String, String> vars) {
    Map<String, Object> result = toolWithoutOutputCheck(client, name, vars);
    checkOutput(page.example(name), Json.write(result));
    return result;
  }

  private static Map<String, Object> toolWithoutOutputCheck(
      McpSyncClient client, String name, Map<String, String> vars) {
    DocExamples.Example example = page.example(name);
    String text = example.code().text();
    for (Map.Entry<String, String> var : vars.entrySet()) {
      text = text.replace("$" + var.getKey(), var.getValue());
    }
    Map<String, Object> call = Json.object(text);
    McpSchema.CallToolResult result = client.callTool(
        new McpSchema.CallToolRequest((String) call.get("name"), Json.object(call.get("arguments"))));
    assertThat(result.isError()).as("%s: %s", name, result.content()).isNotEqualTo(Boolean.TRUE);
    ran.add(name);
    return Json.object(result.structuredContent());
  }

  /** A client of the node's control tools built from the page's mcpServers entry, with a real token. */
  private static McpSyncClient clientFromThePage(String token) {
    Map<String, Object> server = Json.object(
        Json.object(Json.object(page.example("mcp-client-config").code().text()).get("mcpServers")).get("harbor"));
    ran.add("mcp-client-config");
    assertThat(server).containsEntry("type", "http");
    URI documented = URI.create((String) server.get("url"));
    assertThat(documented.getAuthority()).isEqualTo("127.0.0.1:8080");
    Map<String, Object> headers = Json.object(server.get("headers"));
    assertThat(headers).containsOnlyKeys("Authorization").containsEntry("Authorization", "Bearer hbr_...");
    return McpClients.http(node.harbor.nodeUrl() + documented.getPath(), Map.of("Authorization", "Bearer " + token));
  }

  /**
   * Checks what an example printed against the output the page shows for it, if any. A JSON output
   * documents fields: each one shown must be there (recursively, arrays by their first element), and
   * a shown {@code status} must be the status printed. A text output documents lines: each line shown
   * must match the printed line at its place once ids, times and ports are set aside; {@code ...} in a
   * shown line stands for anything.
   */
  static void checkOutput(DocExamples.Example example, String printed) {
    ran.add(example.name());
    System.out.printf("--- %s printed:%n%s%n", example.name(), printed.strip());
    DocExamples.Block shown = example.output();
    if (shown == null) {
      return;
    }
    if (shown.language().equals("json")) {
      OutputCheck.fields(example.name(), Json.parse(shown.text()), Json.parse(printed), "");
    } else {
      OutputCheck.lines(example.name(), shown.text(), printed);
    }
  }

  // Servers and instances

  /** Connects to the managed server with its URL and calls its echo tool: Harbor is not in the path. */
  private static void echoThrough(String url) {
    assertThat(McpClients.echoThrough(url, "from the agents page")).isEqualTo("mcp-servers/everything");
  }

  private static Map<String, Object> onlyServer(Object clientConfig) {
    Map<String, Object> servers = Json.object(Json.object(clientConfig).get("mcpServers"));
    assertThat(servers).hasSize(1);
    return Json.object(servers.values().iterator().next());
  }

  /** The operator, watching the approvals queue, approves the next setup of the entry that waits. */
  private static CompletableFuture<String> operatorApprovesTheNextSetupOf(String catalogId) {
    return CompletableFuture.supplyAsync(() -> {
      String[] id = new String[1];
      await("a setup of " + catalogId + " waiting for approval").atMost(ACTIVE_WITHIN)
          .pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Object item : node.operator.get("/v1/mcp/approvals?size=200").items()) {
              Map<String, Object> approval = Json.object(item);
              if (catalogId.equals(approval.get("catalogId"))) {
                id[0] = (String) approval.get("instanceId");
                return true;
              }
            }
            return false;
          });
      Api.Reply approved = node.operator.post("/v1/mcp/instances/" + id[0] + "/approve", "{}");
      assertThat(approved.status()).as(approved.body()).isIn(200, 202);
      return id[0];
    });
  }

  private static void awaitRemovedWithoutContainer(String id) {
    node.awaitStatus(id, "removed", Duration.ofSeconds(60));
    assertThat(node.containersOf(id)).isEmpty();
  }
}
