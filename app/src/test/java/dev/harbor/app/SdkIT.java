package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.harbor.launcher.Ownership;
import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.api.ImportedServer;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.sdk.ApprovalRequiredException;
import dev.harbor.sdk.AuditFilter;
import dev.harbor.sdk.BadRequestException;
import dev.harbor.sdk.CatalogSearch;
import dev.harbor.sdk.ConflictException;
import dev.harbor.sdk.DisabledEntryException;
import dev.harbor.sdk.Event;
import dev.harbor.sdk.EventSubscription;
import dev.harbor.sdk.ForbiddenException;
import dev.harbor.sdk.HarborClient;
import dev.harbor.sdk.InstanceDetails;
import dev.harbor.sdk.InstanceFilter;
import dev.harbor.sdk.IssuedToken;
import dev.harbor.sdk.LogFilter;
import dev.harbor.sdk.NotFoundException;
import dev.harbor.sdk.Page;
import dev.harbor.sdk.SecretMissingException;
import dev.harbor.sdk.SetupDeniedException;
import dev.harbor.sdk.SetupResult;
import dev.harbor.sdk.TokenInfo;
import dev.harbor.sdk.UnauthorizedException;
import dev.harbor.sdk.WaitOptions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK against a real Node (embedded broker, Hub, Node with its launcher on the local Docker
 * engine): every SDK method, the setup flows to active, approval, secrets and denial, the event
 * stream, and the typed errors. The Java examples in docs/sdk.md are code of this class, checked by
 * {@link #theJavaExamplesInDocsSdkMdAreCodeThisTestRuns()}. Everything the node starts carries its
 * label and is swept at the end.
 */
class SdkIT {

  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);
  private static final String CANARY = "canary-" + HexFormat.of().formatHex(new byte[] {7, (byte) System.nanoTime()});

  @TempDir static Path home;
  static String nodeId;
  static Path secretsDir;
  static DockerClient docker;
  static Harbor node;
  static String nodeUrl;
  static String operatorToken;
  static String agentToken;
  static HarborClient harbor;

  @BeforeAll
  static void start() throws IOException {
    docker = DockerTestSupport.requireDocker();
    nodeId = "sdk-" + HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) System.nanoTime()});
    secretsDir = Path.of("/dev/shm", "harbor-tests", nodeId);
    Map<String, String> env = TestHarbor.env(home);
    env.put("HARBOR_NODE_ID", nodeId);
    env.put("HARBOR_LAUNCHER", "on");
    env.put("HARBOR_SECRETS_DIR", secretsDir.toString());
    node = TestHarbor.start(env);
    nodeUrl = node.nodeUrl();
    operatorToken = TestHarbor.operatorToken(home);
    harbor = connect(nodeUrl, operatorToken);
    agentToken = harbor.createToken(CallerKind.AGENT, "sdk-agent").token();
    TestCatalog.publish(node,
        TestCatalog.everythingHttp("test.sdk-everything"),
        TestCatalog.everythingHttp("test.sdk-approval"),
        TestCatalog.everythingHttp("test.sdk-events"),
        TestCatalog.everythingHttp("test.sdk-disabled"),
        TestCatalog.everythingHttp("test.sdk-errors"),
        TestCatalog.everythingHttp("test.sdk-errors-other"),
        TestCatalog.everythingWithSecret("test.sdk-secret", "test.api_token"));
    await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(NotFoundException.class)
        .until(() -> harbor.catalogEntry("test.sdk-secret").entry().secrets().size() == 1);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      DockerTestSupport.sweep(docker, nodeId, secretsDir);
    }
  }

  static HarborClient connect(String nodeUrl, String operatorToken) {
    HarborClient harbor = HarborClient.builder()
        .baseUri(nodeUrl)
        .token(operatorToken)
        .build();
    return harbor;
  }

  @Test
  void anOperatorSearchesSetsUpTalksMcpRestartsAndRemovesAServer() {
    Page<CatalogItem> found = harbor.search(CatalogSearch.text("sdk-everything").tags("test").size(5));
    String catalogId = found.items().get(0).id();

    SetupResult result = harbor.setupAndWait(catalogId, Map.of(), Duration.ofSeconds(90));
    String url = result.clientConfig().url().orElseThrow();

    assertThat(found.total()).isEqualTo(1);
    assertThat(catalogId).isEqualTo("test.sdk-everything");
    assertThat(result.instance().status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(result.instance().requestedBy().kind()).isEqualTo(CallerKind.OPERATOR);
    assertThat(result.clientConfig().type()).isEqualTo("http");
    assertThat(url).startsWith("http://127.0.0.1:").endsWith("/mcp");
    assertThat(result.clientConfig().toJson()).contains("\"mcpServers\"").contains(url);

    URI endpoint = URI.create(url);
    McpClientTransport transport = HttpClientStreamableHttpTransport
        .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
        .endpoint(endpoint.getPath())
        .build();
    String reply;
    try (McpSyncClient mcp = McpClient.sync(transport).build()) {
      mcp.initialize();
      McpSchema.CallToolResult echoed = mcp.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "hello")));
      reply = ((McpSchema.TextContent) echoed.content().get(0)).text();
    }

    assertThat(reply).contains("hello");
    String id = result.instanceId();
    assertThat(harbor.status(id).status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(harbor.instances(InstanceFilter.all().catalogId(catalogId).status(InstanceStatus.ACTIVE)).items())
        .extracting(Instance::id).containsExactly(id);
    InstanceDetails details = harbor.instance(id);
    assertThat(details.clientConfig()).contains(result.clientConfig());
    await().atMost(Duration.ofSeconds(30)).until(() ->
        harbor.instanceLogs(id, LogFilter.all().types(AuditEventType.LAUNCH_SUCCEEDED)).items().size() == 1);

    Instance restarting = harbor.restart(id);
    assertThat(restarting.status()).isEqualTo(InstanceStatus.INSTALLING);
    String restartedUrl = harbor.awaitActive(id, WaitOptions.of(ACTIVE_WITHIN).pollEvery(Duration.ofMillis(500)))
        .clientConfig().url().orElseThrow();
    assertThat(harbor.clientConfig().toJson()).startsWith("{\"mcpServers\":").contains(restartedUrl);
    assertThat(harbor.clientConfig(ClientFormat.VSCODE).toJson(ClientFormat.VSCODE))
        .startsWith("{\"servers\":").contains(restartedUrl);

    harbor.remove(result.instanceId());

    awaitRemovedWithoutContainer(id);
    assertThat(harbor.instance(id).clientConfig()).isEmpty();
  }

  @Test
  void anAgentsSetupWaitsForTheOperatorWhoApprovesThroughTheSdk() {
    HarborClient agent = harbor.withToken(agentToken);
    String instanceId;
    try {
      instanceId = agent.setupAndWait("test.sdk-approval", Map.of(), Duration.ofSeconds(90)).instanceId();
    } catch (ApprovalRequiredException pending) {
      instanceId = pending.instanceId();
    }

    String id = instanceId;
    assertThat(agent.status(id).status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
    assertThatThrownBy(() -> agent.approve(id)).asInstanceOf(type(ForbiddenException.class))
        .satisfies(e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> agent.setupAndWait("test.sdk-approval", Map.of(), Duration.ofSeconds(10)))
        .asInstanceOf(type(ApprovalRequiredException.class))
        .satisfies(e -> {
          assertThat(e.instanceId()).as("the entry's pending instance").isEqualTo(id);
          assertThat(e.approval().state()).isEqualTo(ApprovalState.PENDING);
        });

    for (ApprovalItem waiting : harbor.approvals()) {
      if (waiting.instanceId().equals(instanceId)) {
        harbor.approve(waiting.instanceId(), waiting.specHash(), "fine for " + waiting.requestedBy().name());
      }
    }
    SetupResult approved = agent.awaitActive(instanceId, Duration.ofSeconds(90));

    assertThat(approved.instance().approvalState()).isEqualTo(ApprovalState.APPROVED);
    assertThat(approved.instance().approval().note()).isEqualTo("fine for sdk-agent");
    assertThat(approved.clientConfig().url()).isPresent();
    assertThat(harbor.approvals()).noneMatch(a -> a.instanceId().equals(id));
    assertThatThrownBy(() -> harbor.approve(id)).isInstanceOf(ConflictException.class);

    Instance removing = agent.remove(id);

    assertThat(removing.status()).isIn(InstanceStatus.REMOVING, InstanceStatus.REMOVED);
    awaitRemovedWithoutContainer(id);
    assertThatThrownBy(() -> agent.remove(id)).asInstanceOf(type(ConflictException.class))
        .satisfies(e -> assertThat(e.error()).isEqualTo("conflict"));
  }

  @Test
  void theEventStreamSeesASetupWaitAndTheOperatorsDenialWithoutPolling() {
    List<Instance> changes = new CopyOnWriteArrayList<>();
    List<ApprovalItem> approvals = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    EventSubscription events = harbor.events(event -> {
      switch (event) {
        case Event.InstanceChanged changed -> changes.add(changed.instance());
        case Event.ApprovalChanged approval -> approvals.add(approval.approval());
        default -> { }
      }
    }, failures::add);
    try {
      HarborClient agent = harbor.withToken(agentToken);
      CompletableFuture<SetupResult> waiting = CompletableFuture.supplyAsync(() ->
          agent.setupAndWait("test.sdk-events", Map.of(), "events-1", WaitOptions.of(ACTIVE_WITHIN).throughApproval()));

      await().atMost(Duration.ofSeconds(30)).until(() -> changes.stream()
          .anyMatch(i -> i.catalogId().equals("test.sdk-events") && i.status() == InstanceStatus.PENDING_APPROVAL));
      String id = changes.stream().filter(i -> i.catalogId().equals("test.sdk-events")).findFirst().orElseThrow().id();
      await().atMost(Duration.ofSeconds(10)).until(() -> approvals.stream()
          .anyMatch(a -> a.instanceId().equals(id) && a.state() == ApprovalState.PENDING));
      assertThat(waiting).isNotDone();

      Instance denied = harbor.deny(id, "not on a Friday");

      assertThat(denied.status()).isEqualTo(InstanceStatus.DENIED);
      await().atMost(Duration.ofSeconds(10)).until(() -> changes.stream()
          .anyMatch(i -> i.id().equals(id) && i.status() == InstanceStatus.DENIED));
      await().atMost(Duration.ofSeconds(10)).until(() -> approvals.stream()
          .anyMatch(a -> a.instanceId().equals(id) && a.state() == ApprovalState.DENIED
              && "not on a Friday".equals(a.note())));
      assertThat(waiting).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
          .isInstanceOfSatisfying(SetupDeniedException.class, e -> {
            assertThat(e.instanceId()).isEqualTo(id);
            assertThat(e.reason()).isEqualTo("denied by operator: not on a Friday");
          });
      assertThat(events.isOpen()).isTrue();
    } finally {
      events.close();
    }
    assertThat(failures).isEmpty();
    assertThat(events.failure()).isEmpty();
  }

  @Test
  void aSetupOfADisabledEntryIsADisabledEntryExceptionAndTheStreamSeesTheStateChange() {
    List<Event> events = new CopyOnWriteArrayList<>();
    try (EventSubscription subscription = harbor.events(events::add)) {
      CatalogItem disabled = harbor.disable("test.sdk-disabled", "not on this node");

      assertThat(disabled.local().enabled()).isFalse();
      assertThat(disabled.local().reason()).isEqualTo("not on this node");
      assertThat(harbor.search(CatalogSearch.text("sdk-disabled").state(CatalogSearch.State.DISABLED)).items())
          .extracting(CatalogItem::id).containsExactly("test.sdk-disabled");
      assertThatThrownBy(() -> harbor.setupAndWait("test.sdk-disabled", Map.of(), ACTIVE_WITHIN))
          .asInstanceOf(type(DisabledEntryException.class))
          .satisfies(e -> {
            assertThat(e.rule()).contains(DisabledEntryException.RULE);
            assertThat(e.reason()).contains("disabled on this node").contains("not on this node");
            assertThat(e.instance().status()).isEqualTo(InstanceStatus.DENIED);
          });

      assertThat(harbor.enable("test.sdk-disabled").local().enabled()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
          .filter(Event.CatalogStateChanged.class::isInstance).map(Event.CatalogStateChanged.class::cast)
          .filter(e -> e.state().catalogId().equals("test.sdk-disabled")).map(e -> e.state().enabled()).toList()
          .equals(List.of(false, true)));
      assertThat(subscription.isOpen()).isTrue();
    }
    assertThat(harbor.catalogEntry("test.sdk-disabled").local().enabled()).isTrue();
  }

  @Test
  void aSetupThatNeedsASecretNamesItAndRunsOnceTheOperatorSuppliesIt() {
    SetupResult withSecret;
    try {
      withSecret = harbor.setupAndWait("test.sdk-secret", Map.of(), Duration.ofSeconds(90));
    } catch (SecretMissingException missing) {
      for (String name : missing.secretNames()) {
        harbor.supplySecret(missing.instanceId(), name, readSecret(name));
      }
      withSecret = harbor.awaitActive(missing.instanceId(), Duration.ofSeconds(90));
    }

    String id = withSecret.instanceId();
    assertThat(withSecret.instance().status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(harbor.listSecrets(id).secrets()).singleElement().satisfies(secret -> {
      assertThat(secret.name()).isEqualTo("test.api_token");
      assertThat(secret.supplied()).isTrue();
    });
    assertThat(harbor.listSecrets(id).missing()).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        harbor.instanceLogs(id, LogFilter.all().types(AuditEventType.SECRET_MISSING)).items().size() == 1);
    assertThatThrownBy(() -> harbor.withToken(agentToken).supplySecret(id, "test.api_token", "x"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> harbor.supplySecret(id, "other", "x"))
        .asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> assertThat(e.field()).contains("name"));
    assertThat(harbor.instance(id).toString()).doesNotContain(CANARY);

    harbor.remove(id);

    awaitRemovedWithoutContainer(id);
  }

  @Test
  void refusalsAreTypedWithTheNodesStatusCodeAndField() {
    assertThatThrownBy(() -> harbor.instance("i-00000000000000000000"))
        .asInstanceOf(type(NotFoundException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.error()).isEqualTo("not_found");
          assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("i-00000000000000000000"));
        });
    assertThatThrownBy(() -> harbor.catalogEntry("test.sdk-nothing")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> harbor.status("not an id")).asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> assertThat(e.field()).contains("id"));
    assertThatThrownBy(() -> harbor.search(CatalogSearch.all().size(0)))
        .asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> assertThat(e.field()).contains("size"));
    assertThatThrownBy(() -> harbor.setup("test.sdk-errors", Map.of("unknown", "x"), null))
        .asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("config")));
    assertThatThrownBy(() -> harbor.audit(AuditFilter.all().text("\u0001")))
        .asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> assertThat(e.field()).contains("text"));
    assertThatThrownBy(() -> harbor.withToken(agentToken).createToken(CallerKind.AGENT, "another"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> harbor.withToken("hbr_nobody_nothing").policy())
        .asInstanceOf(type(UnauthorizedException.class))
        .satisfies(e -> assertThat(e.error()).isEqualTo("unauthorized"));

    HarborClient agent = harbor.withToken(agentToken);
    SetupAnswer first = agent.setup("test.sdk-errors", null, "errors-key");
    SetupAnswer again = agent.setup("test.sdk-errors", null, "errors-key");

    assertThat(again.instanceId()).isEqualTo(first.instanceId());
    assertThat(again.isRepeated()).isTrue();
    assertThatThrownBy(() -> agent.setup("test.sdk-errors-other", null, "errors-key"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("test.sdk-errors");
    assertThat(agent.remove(first.instanceId()).status()).isEqualTo(InstanceStatus.REMOVED);
  }

  @Test
  void tokensArePolicyAndAuditAreReadThroughTheSdk() {
    IssuedToken issued = harbor.createToken(CallerKind.SCRIPT, "sdk-script");
    HarborClient script = harbor.withToken(issued.token());

    assertThat(issued.kind()).isEqualTo(CallerKind.SCRIPT);
    assertThat(harbor.tokens()).extracting(TokenInfo::id).contains(issued.id());
    assertThat(script.policy().rules()).extracting(PolicyRule::id)
        .contains("operators-allow-all", "agent-setup-needs-approval");
    assertThat(script.approvals()).allSatisfy(a -> assertThat(a.state()).isEqualTo(ApprovalState.PENDING));

    harbor.revokeToken(issued.id());

    assertThatThrownBy(script::policy).isInstanceOf(UnauthorizedException.class);
    assertThat(harbor.tokens()).extracting(TokenInfo::id).doesNotContain(issued.id());
    assertThatThrownBy(() -> harbor.revokeToken(issued.id())).isInstanceOf(NotFoundException.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> harbor.audit(AuditFilter.all()
            .types(AuditEventType.TOKEN_CREATED, AuditEventType.TOKEN_REVOKED).actorKind(CallerKind.OPERATOR).size(50))
        .items().stream().map(AuditEvent::details).filter(d -> issued.id().equals(d.get("id"))).count() == 2);
  }

  @Test
  void aPastedClientConfigurationIsPreviewedAndImportedOnlyForWhatTheCatalogKnows() {
    String paste = "{\"mcpServers\": {"
        + "\"everything\": {\"command\": \"docker\", \"args\": [\"run\", \"-i\", \"--rm\", \"" + DockerTestSupport.IMAGE
        + ":" + DockerTestSupport.TAG + "\"]},"
        + "\"local-tool\": {\"command\": \"python\", \"args\": [\"tool.py\"], \"env\": {\"TOOL_KEY\": \"" + CANARY + "\"}}}}";
    long before = harbor.instances(InstanceFilter.all()).total();

    ConfigImportAnswer preview = harbor.importConfig(paste, true);
    assertThat(preview.dryRun()).isTrue();
    assertThat(preview.servers()).extracting(ImportedServer::name, ImportedServer::status, ImportedServer::matchedBy)
        .containsExactly(tuple("everything", ImportStatus.WOULD_SET_UP, "image"),
            tuple("local-tool", ImportStatus.NOT_IN_CATALOG, null));
    assertThat(preview.servers().get(0).catalogId()).startsWith("test.sdk-");
    assertThat(preview.servers().get(1).ignoredEnv()).containsExactly("TOOL_KEY");
    assertThat(preview.toString()).doesNotContain(CANARY);

    ConfigImportAnswer unknownOnly = harbor.importConfig(
        "{\"mcpServers\": {\"local-tool\": {\"command\": \"python\", \"args\": [\"tool.py\"]}}}", false);
    assertThat(unknownOnly.dryRun()).isFalse();
    assertThat(unknownOnly.servers()).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(ImportStatus.NOT_IN_CATALOG));
    assertThat(harbor.instances(InstanceFilter.all()).total()).isEqualTo(before);

    assertThatThrownBy(() -> harbor.importConfig("{\"mcpServers\": {\"x\": {\"args\": [\"run\"]}}}", true))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).contains("mcpServers.x.command"));
  }

  @Test
  void theJavaExamplesInDocsSdkMdAreCodeThisTestRuns() throws IOException {
    List<List<String>> examples = DocExamples.javaBlocks(Files.readString(DocExamples.repositoryFile("docs/sdk.md")));
    List<String> code = DocExamples.codeLines(
        Files.readString(DocExamples.repositoryFile("app/src/test/java/dev/harbor/app/SdkIT.java")));

    assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
    for (List<String> example : examples) {
      assertThat(java.util.Collections.indexOfSubList(code, example))
          .as("docs/sdk.md example found in SdkIT:%n%s", String.join("\n", example))
          .isNotNegative();
    }
  }

  // helpers

  private static char[] readSecret(String name) {
    return (name.equals("test.api_token") ? CANARY : "").toCharArray();
  }

  private static void awaitRemovedWithoutContainer(String id) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(200, TimeUnit.MILLISECONDS)
        .until(() -> harbor.status(id).status() == InstanceStatus.REMOVED);
    assertThat(DockerTestSupport.containersOf(docker, nodeId))
        .noneMatch(c -> id.equals(c.getLabels().get(Ownership.INSTANCE)));
  }
}
