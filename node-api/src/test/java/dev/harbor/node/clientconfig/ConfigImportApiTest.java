package dev.harbor.node.clientconfig;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.KafkaNode;
import dev.harbor.platform.http.ApiError;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.api.ImportedServer;
import dev.harbor.schemas.api.InstanceStatusView;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/mcp/config/import} on a node with its real policy stream, against entries of the
 * bundled seed catalog: Docker's {@code mcp/...} images, a GitHub Container Registry image, a remote,
 * and npm and PyPI packages of the official registry.
 */
class ConfigImportApiTest {

  private static final String SECRET = "ghp_importTestSecretValue0123456789";

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;
  private static Map<String, CatalogEntry> seed;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.withPolicyStream(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", "import-agent");
    List<CatalogEntry> entries = SeedEntries.named("fetch", "github-official", "airtable-mcp-server",
        "atlassian-remote", "ast-grep", "arxiv-mcp-server", "duckduckgo", "alfresco", "ai.toolprint/hypertool-mcp",
        "io.github.formulahendry/code-runner", "co.pipeboard/meta-ads-mcp");
    node.publishCatalog(entries.toArray(CatalogEntry[]::new));
    seed = new LinkedHashMap<>();
    entries.forEach(e -> seed.putIfAbsent(e.source().sourceName(), e));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void aDockerImageIsRecognisedSetUpAndAReimportLaunchesNothingTwice() {
    String paste = """
        {"mcpServers": {"fetch": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch:latest"]}}}""";

    ImportedServer first = single(importConfig(operator, paste, ""));
    ImportedServer again = single(importConfig(operator, paste, ""));

    assertThat(first.status()).isEqualTo(ImportStatus.SETUP_REQUESTED);
    assertThat(first.catalogId()).isEqualTo(id("fetch"));
    assertThat(first.matchedBy()).isEqualTo("image");
    assertThat(first.matched()).isEqualTo("mcp/fetch");
    assertThat(first.instanceId()).matches("i-[0-9a-f]{20}");
    assertThat(again.instanceId()).isEqualTo(first.instanceId());
    assertThat(again.detail()).isEqualTo("repeats an earlier import");
    assertThat(setups(id("fetch"))).singleElement()
        .satisfies(c -> assertThat(c.idempotencyKey()).startsWith("import."));
    HttpResponse<String> shown = node.get("/v1/mcp/instances/" + first.instanceId() + "/status", operator);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(first.instanceStatus()).isNotNull();
    assertThat(read(shown.body(), InstanceStatusView.class).id()).isEqualTo(first.instanceId());
  }

  @Test
  void twoServersOfOneEntryShareItsInstanceAndTheAnswersKeepThePastesOrder() {
    String paste = """
        {"mcpServers": {
          "ddg-a": {"command": "docker", "args": ["run", "-i", "mcp/duckduckgo"]},
          "fetch-elsewhere": {"command": "docker", "args": ["run", "-i", "example/elsewhere"]},
          "ddg-b": {"command": "docker", "args": ["run", "-i", "docker.io/mcp/duckduckgo:latest"]}}}""";

    ConfigImportAnswer answer = read(importConfig(operator, paste, "").body(), ConfigImportAnswer.class);

    assertThat(answer.servers()).extracting(ImportedServer::name).containsExactly("ddg-a", "fetch-elsewhere", "ddg-b");
    assertThat(answer.servers().get(0).instanceId()).isNotNull().isEqualTo(answer.servers().get(2).instanceId());
    assertThat(answer.servers().get(2).detail()).isEqualTo("the entry already has an instance");
    assertThat(setups(id("duckduckgo"))).hasSize(1);
  }

  @Test
  void secretValuesArePassedNowhereAndOnlyTheSecretsNameIsReported() {
    String paste = """
        {"mcpServers": {"github": {"command": "/usr/local/bin/docker",
          "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "-e", "EXTRA=%s",
                   "ghcr.io/github/github-mcp-server"],
          "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "%s"}}}}""".formatted(SECRET, SECRET);

    HttpResponse<String> response = importConfig(agent, paste, "");

    ImportedServer github = single(response);
    assertThat(github.status()).isIn(ImportStatus.SETUP_REQUESTED, ImportStatus.DENIED);
    assertThat(github.catalogId()).isEqualTo(id("github-official"));
    assertThat(github.secretsToSupply()).containsExactly("github.personal_access_token");
    assertThat(github.ignoredEnv()).containsExactly("EXTRA");
    assertThat(github.configKeys()).isEmpty();
    assertThat(response.body()).doesNotContain(SECRET);
    Command setup = setups(id("github-official")).getFirst();
    assertThat(setup.config()).isEmpty();
    assertThat(setup.actor().name()).isEqualTo("import-agent");
    assertThat(node.rawRecords()).isNotEmpty().noneMatch(record -> record.contains(SECRET));
    assertThat(node.get("/v1/mcp/instances/" + github.instanceId(), agent).body()).doesNotContain(SECRET);
  }

  @Test
  void anEnvironmentVariableTheEntryDeclaresBecomesItsParameter() {
    String paste = """
        {"mcpServers": {"airtable": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/airtable-mcp-server"],
          "env": {"NODE_ENV": "production", "AIRTABLE_API_KEY": "pat-not-shown"}}}}""";

    HttpResponse<String> response = importConfig(operator, paste, "");

    ImportedServer airtable = single(response);
    assertThat(airtable.catalogId()).isEqualTo(id("airtable-mcp-server"));
    assertThat(airtable.configKeys()).containsExactly("nodeenv");
    assertThat(airtable.secretsToSupply()).containsExactly("airtable-mcp-server.api_key");
    assertThat(response.body()).doesNotContain("production", "pat-not-shown");
    assertThat(setups(id("airtable-mcp-server"))).singleElement()
        .satisfies(c -> assertThat(c.config()).isEqualTo(Map.of("nodeenv", "production")));
  }

  @Test
  void aRemoteUrlIsRecognisedAndReportedAsNotLaunchable() {
    String paste = """
        {"servers": {"jira": {"type": "http", "url": "https://MCP.atlassian.com/v1/mcp/?token=abc"}}}""";

    ImportedServer jira = single(importConfig(operator, paste, ""));

    assertThat(jira.status()).isEqualTo(ImportStatus.NOT_LAUNCHABLE);
    assertThat(jira.catalogId()).isEqualTo(id("atlassian-remote"));
    assertThat(jira.matchedBy()).isEqualTo("url");
    assertThat(jira.matched()).isEqualTo("https://mcp.atlassian.com/v1/mcp");
    assertThat(node.commands()).noneMatch(c -> id("atlassian-remote").equals(c.catalogId()));
  }

  @Test
  void npmAndPyPiPackagesAreRecognisedByTheirRegistryNames() {
    String paste = """
        {"mcpServers": {
          "runner": {"command": "npx", "args": ["-y", "mcp-server-code-runner@latest"]},
          "hypertool": {"command": "npx.cmd", "args": ["--yes", "@toolprint/hypertool-mcp@0.0.42"]},
          "ads": {"command": "uvx", "args": ["Meta_Ads.MCP==1.0"]}}}""";

    ConfigImportAnswer answer = read(importConfig(operator, paste, "").body(), ConfigImportAnswer.class);

    ImportedServer runner = answer.servers().get(0);
    assertThat(runner.status()).isEqualTo(ImportStatus.SETUP_REQUESTED);
    assertThat(runner.catalogId()).isEqualTo(id("io.github.formulahendry/code-runner"));
    assertThat(runner.matchedBy()).isEqualTo("npm");
    assertThat(runner.matched()).isEqualTo("mcp-server-code-runner");
    assertThat(setups(runner.catalogId())).hasSize(1);
    assertThat(answer.servers().get(1)).satisfies(s -> {
      assertThat(s.status()).isEqualTo(ImportStatus.NOT_LAUNCHABLE);
      assertThat(s.catalogId()).isEqualTo(id("ai.toolprint/hypertool-mcp"));
      assertThat(s.matchedBy()).isEqualTo("npm");
      assertThat(s.detail()).contains("npm package");
    });
    assertThat(answer.servers().get(2)).satisfies(s -> {
      assertThat(s.status()).isEqualTo(ImportStatus.NOT_LAUNCHABLE);
      assertThat(s.catalogId()).isEqualTo(id("co.pipeboard/meta-ads-mcp"));
      assertThat(s.matchedBy()).isEqualTo("pypi");
      assertThat(s.matched()).isEqualTo("meta-ads-mcp");
    });
    assertThat(node.commands()).noneMatch(c -> id("ai.toolprint/hypertool-mcp").equals(c.catalogId())
        || id("co.pipeboard/meta-ads-mcp").equals(c.catalogId()));
  }

  @Test
  void serversTheCatalogDoesNotKnowAreListedAndNeverLaunched() {
    String paste = """
        {"mcpServers": {
          "notes": {"command": "npx", "args": ["-y", "@acme/notes-mcp-not-published"]},
          "local": {"command": "docker", "args": ["run", "-i", "example/not-in-any-catalog:1"]},
          "script": {"command": "python3", "args": ["server.py"], "env": {"API_KEY": "not-shown"}}}}""";
    int before = node.commands().size();

    HttpResponse<String> response = importConfig(operator, paste, "");

    ConfigImportAnswer answer = read(response.body(), ConfigImportAnswer.class);
    assertThat(answer.servers()).extracting(ImportedServer::name).containsExactly("notes", "local", "script");
    assertThat(answer.servers()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(ImportStatus.NOT_IN_CATALOG);
      assertThat(s.catalogId()).isNull();
      assertThat(s.instanceId()).isNull();
    });
    assertThat(answer.servers().getFirst().detail()).contains("npm package");
    assertThat(answer.servers().getLast().ignoredEnv()).containsExactly("API_KEY");
    assertThat(response.body()).doesNotContain("not-shown");
    assertThat(node.commands()).hasSize(before);
  }

  @Test
  void anEntryDisabledOnTheNodeIsReportedAndNothingIsSent() {
    assertThat(node.post("/v1/mcp/catalog/" + id("arxiv-mcp-server") + "/disable", operator, "{}").statusCode())
        .isEqualTo(200);
    String paste = """
        {"mcpServers": {"arxiv": {"command": "docker", "args": ["run", "-i", "docker.io/mcp/arxiv-mcp-server"]}}}""";

    ImportedServer arxiv = single(importConfig(agent, paste, ""));

    assertThat(arxiv.status()).isEqualTo(ImportStatus.DISABLED);
    assertThat(arxiv.catalogId()).isEqualTo(id("arxiv-mcp-server"));
    assertThat(setups(id("arxiv-mcp-server"))).isEmpty();
  }

  @Test
  void aDryRunReportsWhatWouldBeSetUpAndChangesNothing() {
    String paste = """
        {"mcpServers": {"grep": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/ast-grep"]}}}""";
    int before = node.commands().size();

    ImportedServer byQuery = single(importConfig(agent, paste, "?dryRun=true"));
    ImportedServer byBody = single(importConfig(agent, paste.replaceFirst("\\{", "{\"dryRun\": true, "), ""));

    assertThat(byQuery.status()).isEqualTo(ImportStatus.WOULD_SET_UP);
    assertThat(byQuery.catalogId()).isEqualTo(id("ast-grep"));
    assertThat(byQuery.instanceId()).isNull();
    assertThat(byBody).isEqualTo(byQuery);
    assertThat(node.commands()).hasSize(before);
    assertThat(read(node.get("/v1/mcp/instances?catalogId=" + id("ast-grep"), operator).body(), Map.class)
        .get("total")).isEqualTo(0);
  }

  @Test
  void aDryRunChecksTheConfigurationAgainstTheEntrysParametersAsTheImportWould() {
    String without = """
        {"mcpServers": {"alfresco": {"command": "docker", "args": ["run", "-i", "--rm", "angelborroy/alfresco-mcp-server"]}}}""";
    String with = without.replace("\"args\"", "\"env\": {\"ALFRESCO_HOST\": \"http://localhost:8080\"}, \"args\"");
    int before = node.commands().size();

    ImportedServer missing = single(importConfig(agent, without, "?dryRun=true"));
    assertThat(missing.status()).isEqualTo(ImportStatus.INVALID_CONFIG);
    assertThat(missing.catalogId()).isEqualTo(id("alfresco"));
    assertThat(missing.detail()).contains("alfresco_host");
    ImportedServer given = single(importConfig(agent, with, "?dryRun=true"));
    assertThat(given.status()).isEqualTo(ImportStatus.WOULD_SET_UP);
    assertThat(given.configKeys()).containsExactly("alfresco_host");
    assertThat(node.commands()).hasSize(before);

    ImportedServer imported = single(importConfig(agent, without, ""));
    assertThat(imported.status()).isEqualTo(ImportStatus.INVALID_CONFIG);
    assertThat(imported.detail()).isEqualTo(missing.detail());
    assertThat(setups(id("alfresco"))).isEmpty();
  }

  @Test
  void everyValueOfAPasteSwappedForAWrongOneIsA400NamingAFieldOrAnAnswerNeverA5xx() {
    String valid = """
        {"mcpServers": {"fetch": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch"],
          "env": {"LOG_LEVEL": "debug"}}, "web": {"url": "https://example.com/mcp"}}}""";
    List<String> values = List.of("\"docker\"", "\"run\"", "\"-i\"", "\"--rm\"", "\"mcp/fetch\"", "\"debug\"",
        "\"https://example.com/mcp\"");
    List<String> wrong = List.of("null", "42", "true", "[]", "{}", "[\"a\", 1]", "{\"x\": \"y\"}",
        "\"" + "x".repeat(5000) + "\"", "\"a\\u0000b\"", "\"a\\u202eb\"", "\"$(reboot)\"", "\"; rm -rf /\"",
        "\"../../etc/passwd\"", "\"\"");
    int before = node.commands().size();
    java.util.Set<Integer> statuses = new java.util.TreeSet<>();
    for (String value : values) {
      for (String replacement : wrong) {
        String paste = valid.replaceFirst(java.util.regex.Pattern.quote(value), java.util.regex.Matcher.quoteReplacement(replacement));
        HttpResponse<String> answer = importConfig(agent, paste, "?dryRun=true");
        assertThat(answer.statusCode()).as("%s -> %s: %s", value, replacement, answer.body()).isIn(200, 400);
        statuses.add(answer.statusCode());
        if (answer.statusCode() == 400) {
          assertThat(read(answer.body(), ApiError.class).field()).as(paste).startsWith("mcpServers.");
        }
      }
    }
    assertThat(statuses).containsExactly(200, 400);
    assertThat(node.commands()).hasSize(before);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsSent() {
    String server = "{\"command\": \"docker\", \"args\": [\"run\", \"-i\", \"mcp/fetch\"]}";
    String many = IntStream.range(0, PastedConfig.MAX_SERVERS + 1).mapToObj(i -> "\"s" + i + "\": " + server)
        .collect(Collectors.joining(", ", "{\"mcpServers\": {", "}}"));
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("not json at all", "body");
    refusals.put("[]", "body");
    refusals.put("{}", "mcpServers");
    refusals.put("{\"mcpServers\": {}}", "mcpServers");
    refusals.put("{\"mcpServers\": []}", "mcpServers");
    refusals.put(many, "mcpServers");
    refusals.put("{\"mcpServers\": {\"a\": " + server + "}, \"servers\": {}}", "servers");
    refusals.put("{\"mcpServers\": {\"$(reboot)\": " + server + "}}", "mcpServers");
    refusals.put("{\"mcpServers\": {\"bad\\nname\": " + server + "}}", "mcpServers");
    refusals.put("{\"mcpServers\": {\"foo\": \"docker run mcp/fetch\"}}", "mcpServers.foo");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"docker\", \"args\": [\"run\", \"-i\", \"mcp/fetch\\u0000\"]}}}",
        "mcpServers.foo.args[2]");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"docker\", \"args\": [\"run\", \"-i\", \"mcp/fetch\\n--privileged\"]}}}",
        "mcpServers.foo.args[2]");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"docker\", \"args\": [\"run\", 7]}}}", "mcpServers.foo.args[1]");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"docker\", \"args\": \"run mcp/fetch\"}}}", "mcpServers.foo.args");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": 42}}}", "mcpServers.foo.command");
    refusals.put("{\"mcpServers\": {\"foo\": {\"args\": [\"run\"]}}}", "mcpServers.foo.command");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"docker\", \"type\": \"exec\"}}}", "mcpServers.foo.type");
    refusals.put("{\"mcpServers\": {\"foo\": {\"url\": \"javascript:alert(1)\"}}}", "mcpServers.foo.url");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"npx\", \"env\": {\"BAD-NAME\": \"x\"}}}}", "mcpServers.foo.env");
    refusals.put("{\"mcpServers\": {\"foo\": {\"command\": \"npx\", \"env\": {\"TOKEN\": 1}}}}", "mcpServers.foo.env.TOKEN");
    refusals.put("{\"mcpServers\": {\"fetch\": " + server + ", \"air\": {\"command\": \"docker\", "
        + "\"args\": [\"run\", \"mcp/airtable-mcp-server\"], \"env\": {\"NODE_ENV\": \"--privileged\"}}}}",
        "mcpServers.air.env.NODE_ENV");
    refusals.put("{\"dryRun\": \"yes\", \"mcpServers\": {\"a\": " + server + "}}", "dryRun");
    int before = node.commands().size();

    refusals.forEach((body, field) ->
        assertThat(error(importConfig(agent, body, ""), 400).field()).as(body).isEqualTo(field));
    assertThat(error(importConfig(agent, "{\"mcpServers\": {\"a\": " + server + "}}", "?dryRun=maybe"), 400).field())
        .isEqualTo("dryRun");
    assertThat(error(importConfig(agent, "{\"mcpServers\": {\"a\": " + server + "}}", "?force=true"), 400).field())
        .isEqualTo("force");
    assertThat(node.commands()).hasSize(before);
  }

  @Test
  void anOversizedBodyIsRefusedAndAnAnonymousCallerIsUnauthorized() {
    String big = "{\"mcpServers\": {\"a\": {\"command\": \"docker\", \"args\": [\"" + "x".repeat(70 * 1024) + "\"]}}}";
    int before = node.commands().size();

    assertThat(importConfig(agent, big, "").statusCode()).isEqualTo(413);
    assertThat(importConfig(null, "{\"mcpServers\": {}}", "").statusCode()).isEqualTo(401);
    assertThat(node.commands()).hasSize(before);
  }

  private static HttpResponse<String> importConfig(String token, String body, String query) {
    return node.send(node.request("/v1/mcp/config/import" + query, token)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
  }

  private static ImportedServer single(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response.body(), ConfigImportAnswer.class).servers().getFirst();
  }

  private static List<Command> setups(String catalogId) {
    return node.commands().stream()
        .filter(c -> c.type() == CommandType.SETUP && catalogId.equals(c.catalogId()))
        .toList();
  }

  private static String id(String sourceName) {
    return seed.get(sourceName).id();
  }
}
