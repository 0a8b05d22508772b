package dev.harbor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PackageRef;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.instance.SecretBindingMode;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractCompatibilityTest {

  private static final String FOLDER = "compat/";

  /** {@code catalog-entry.v1.schema.json}: the contract name and its version. */
  private static final Pattern SCHEMA_FILE = Pattern.compile("(.+)\\.v(\\d+)\\.schema\\.json");

  /**
   * {@code v1-minimal.json}: the contract version and the kind of fixture. {@code v1-with-<what>.json}
   * holds a value of a later shape of the same version (optional properties added since), so it is
   * checked like a full one.
   */
  private static final Pattern FIXTURE_FILE =
      Pattern.compile("v(\\d+)-(minimal|full|future-field|with-[a-z0-9]+(?:-[a-z0-9]+)*)\\.json");

  private static final JsonSerde<CatalogEntry> CATALOG = JsonSerde.of(CatalogEntry.class);
  private static final JsonSerde<CatalogEntryState> STATE = JsonSerde.of(CatalogEntryState.class);
  private static final JsonSerde<AuditEvent> AUDIT = JsonSerde.of(AuditEvent.class);
  private static final JsonSerde<Command> COMMAND = JsonSerde.of(Command.class);
  private static final JsonSerde<Instance> INSTANCE = JsonSerde.of(Instance.class);
  private static final JsonSerde<LaunchOrder> ORDER = JsonSerde.of(LaunchOrder.class);
  private static final JsonSerde<LauncherEvent> LAUNCHER_EVENT = JsonSerde.of(LauncherEvent.class);
  private static final JsonSerde<PolicySet> POLICY = JsonSerde.of(PolicySet.class);

  private static final String SPEC_HASH = "9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a";
  private static final Actor ALICE = new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q");
  private static final Actor RELEASE_BOT = new Actor(CallerKind.AGENT, "release-bot", "tok_01JD8M4X2B");

  // Catalog entries

  @Test
  void aMinimalV1CatalogEntryReadsWithEmptyListsAndTheDocumentedDefaults() {
    CatalogEntry entry = CATALOG.fromJson(fixture("catalog-entry/v1-minimal.json"));

    assertThat(entry.id()).isEqualTo("sqlite");
    assertThat(entry.slug()).isEqualTo("sqlite");
    assertThat(entry.name()).isEqualTo("SQLite");
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.PACKAGE);
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.source().format()).isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
    assertThat(entry.source().sourceName()).isEqualTo("SQLite");
    assertThat(entry.source().repositoryUrl()).isNull();
    assertThat(entry.createdAt()).isEqualTo(Instant.parse("2025-11-03T13:21:46Z"));
    assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2025-11-03T13:21:46Z"));

    assertThat(List.of(
            entry.tags(), entry.command(), entry.args(), entry.parameters(), entry.env(), entry.secrets(),
            entry.ports(), entry.volumes(), entry.remotes(), entry.tools(), entry.knownVersions()))
        .allSatisfy(list -> assertThat(list).isNotNull().isEmpty());
    assertThat(entry.transport()).isEqualTo(Transport.UNKNOWN);
    assertThat(entry.network()).isEqualTo(new NetworkSpec(NetworkMode.EGRESS, List.of()));
    assertThat(entry.healthCheck()).isEqualTo(HealthCheckMode.NONE);
    assertThat(entry.status()).isEqualTo(EntryStatus.AVAILABLE);
    assertThat(entry.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(entry.description()).isNull();
    assertThat(entry.image()).isNull();
    assertThat(entry.version()).isNull();
  }

  @Test
  void aV1CatalogEntryWithPackagesReadsThemAndAnEntryWithoutHasNone() {
    CatalogEntry entry = CATALOG.fromJson(fixture("catalog-entry/v1-with-packages.json"));

    assertThat(entry.packages()).containsExactly(
        new PackageRef("npm", "@toolprint/hypertool-mcp", "0.0.42"), new PackageRef("pypi", "hypertool-mcp", null));
    assertThat(CATALOG.fromJson(fixture("catalog-entry/v1-minimal.json")).packages()).isEmpty();
  }

  @Test
  void aFullV1CatalogEntryReadsEveryField() {
    CatalogEntry entry = CATALOG.fromJson(fixture("catalog-entry/v1-full.json"));

    assertThat(entry.id()).isEqualTo("brave");
    assertThat(entry.name()).isEqualTo("Brave Search");
    assertThat(entry.description()).startsWith("Search the Web");
    assertThat(entry.publisher()).isEqualTo("Brave Software");
    assertThat(entry.tags()).containsExactly("brave", "search");
    assertThat(entry.category()).isEqualTo("search");
    assertThat(entry.homepageUrl()).isEqualTo("https://github.com/brave/brave-search-mcp-server");
    assertThat(entry.docsUrl()).endsWith("#readme");
    assertThat(entry.iconUrl()).startsWith("https://avatars.githubusercontent.com/");
    assertThat(entry.image()).isEqualTo("mcp/brave-search");
    assertThat(entry.imageTagDefault()).isEqualTo("latest");
    assertThat(entry.imageDigest()).startsWith("sha256:9e1c7a3f");
    assertThat(entry.transport()).isEqualTo(Transport.STDIO);
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.notLaunchableReason()).isEqualTo("The image has not passed the Hub's image scan yet.");
    assertThat(entry.command()).containsExactly("node", "dist/index.js");
    assertThat(entry.args()).containsExactly("--transport", "{{brave.transport}}");
    assertThat(entry.parameters()).containsExactly(
        new ParameterSpec("brave.transport", "Transport the server speaks.", "string", false, "stdio"));
    assertThat(entry.env()).containsExactly(
        new EnvVarSpec("BRAVE_MCP_TRANSPORT", "Transport the server speaks.", false, "{{brave.transport}}"));
    assertThat(entry.secrets()).containsExactly(
        new SecretSpec("brave.api_key", "BRAVE_API_KEY", "Brave Search API key.", true));
    assertThat(entry.ports()).containsExactly(new PortSpec("http", 8080, "tcp"));
    assertThat(entry.volumes()).containsExactly(new VolumeSpec("{{brave.cache|volume|into}}"));
    assertThat(entry.network())
        .isEqualTo(new NetworkSpec(NetworkMode.EGRESS, List.of("api.search.brave.com")));
    assertThat(entry.healthCheck()).isEqualTo(HealthCheckMode.MCP_INITIALIZE);
    assertThat(entry.remotes()).containsExactly(
        new RemoteEndpoint(Transport.STREAMABLE_HTTP, "https://mcp.example.org/brave/mcp"));
    assertThat(entry.tools()).containsExactly(
        new ToolSummary("brave_web_search", "Search the web with the Brave Search API."),
        new ToolSummary("brave_local_search", null));
    assertThat(entry.version()).isEqualTo("2.0.58");
    assertThat(entry.knownVersions()).containsExactly("2.0.57", "2.0.58");
    assertThat(entry.status()).isEqualTo(EntryStatus.DEPRECATED);
    assertThat(entry.visibility()).isEqualTo(Visibility.UNLISTED);
    assertThat(entry.source().origin()).endsWith("servers/brave/server.yaml");
    assertThat(entry.source().repositoryUrl()).isEqualTo("https://github.com/brave/brave-search-mcp-server");
    assertThat(entry.source().license()).isEqualTo("MIT");
    assertThat(entry.createdAt()).isEqualTo(Instant.parse("2025-11-03T13:21:46.054906Z"));
    assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2025-12-02T09:14:05Z"));
  }

  @Test
  void aV1CatalogEntryWithFieldsFromALaterWriterReadsItsKnownFieldsAndIgnoresTheRest() {
    CatalogEntry entry = CATALOG.fromJson(fixture("catalog-entry/v1-future-field.json"));

    assertThat(entry.id()).isEqualTo("brave");
    assertThat(entry.secrets()).containsExactly(new SecretSpec("brave.api_key", "BRAVE_API_KEY", null, true));
    assertThat(entry.network())
        .isEqualTo(new NetworkSpec(NetworkMode.EGRESS, List.of("api.search.brave.com")));
    assertThat(entry.source().sourceName()).isEqualTo("brave");
    assertThat(entry.command()).isEmpty();
    assertThat(entry.tools()).isEmpty();
    assertThat(CATALOG.toJson(entry))
        .doesNotContain("riskScore", "labels", "rotationDays", "dnsPolicy", "signedBy");
  }

  // Catalog entry states

  @Test
  void aMinimalV1CatalogEntryStateReadsWithoutReasonOrCatalogVersion() {
    CatalogEntryState state = STATE.fromJson(fixture("catalog-entry-state/v1-minimal.json"));

    assertThat(state.catalogId()).isEqualTo("brave");
    assertThat(state.enabled()).isFalse();
    assertThat(state.changedBy()).isEqualTo(new Actor(CallerKind.SCRIPT, "provisioner", null));
    assertThat(state.changedAt()).isEqualTo(Instant.parse("2025-12-03T08:31:12.500Z"));
    assertThat(state.reason()).isNull();
    assertThat(state.catalogUpdatedAt()).isNull();
  }

  @Test
  void aFullV1CatalogEntryStateReadsEveryField() {
    CatalogEntryState state = STATE.fromJson(fixture("catalog-entry-state/v1-full.json"));

    assertThat(state).isEqualTo(
        new CatalogEntryState(
            "atlassian",
            true,
            "Security review of the Jira write tools passed.",
            new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q"),
            Instant.parse("2025-12-04T10:02:00Z"),
            Instant.parse("2025-12-02T09:14:05Z")));
  }

  @Test
  void aV1CatalogEntryStateWithFieldsFromALaterWriterReadsItsKnownFields() {
    CatalogEntryState state = STATE.fromJson(fixture("catalog-entry-state/v1-future-field.json"));

    assertThat(state).isEqualTo(
        new CatalogEntryState(
            "atlassian",
            false,
            "Paused during the Jira migration.",
            new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q"),
            Instant.parse("2025-12-04T10:02:00Z"),
            null));
  }

  // Audit events

  @Test
  void aMinimalV1AuditEventReadsWithEmptyDetails() {
    AuditEvent event = AUDIT.fromJson(fixture("audit-event/v1-minimal.json"));

    assertThat(event.id()).isEqualTo("9d3e7a10-2c4b-4f6e-8a1d-3b5c7e9f0a2c");
    assertThat(event.nodeId()).isEqualTo("node-1");
    assertThat(event.type()).isEqualTo(AuditEventType.CATALOG_VIEWED);
    assertThat(event.at()).isEqualTo(Instant.parse("2025-12-03T08:20:00Z"));
    assertThat(event.actor()).isEqualTo(new Actor(CallerKind.AGENT, "release-bot", null));
    assertThat(event.message()).isEqualTo("Catalog listed.");
    assertThat(event.catalogId()).isNull();
    assertThat(event.instanceId()).isNull();
    assertThat(event.details()).isNotNull().isEmpty();
  }

  @Test
  void aFullV1AuditEventReadsEveryField() {
    AuditEvent event = AUDIT.fromJson(fixture("audit-event/v1-full.json"));

    assertThat(event.type()).isEqualTo(AuditEventType.LAUNCH_FAILED);
    assertThat(event.at()).isEqualTo(Instant.parse("2025-12-03T08:35:41.204Z"));
    assertThat(event.actor()).isEqualTo(new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q"));
    assertThat(event.catalogId()).isEqualTo("brave");
    assertThat(event.instanceId()).isEqualTo("brave-4f2a9c");
    assertThat(event.message()).isEqualTo("Could not start brave: secret brave.api_key is not linked.");
    assertThat(event.details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("image", "mcp/brave-search:latest", "secret", "brave.api_key"));
  }

  @Test
  void aV1AuditEventWithFieldsFromALaterWriterReadsItsKnownFields() {
    AuditEvent event = AUDIT.fromJson(fixture("audit-event/v1-future-field.json"));

    assertThat(event)
        .extracting(AuditEvent::nodeId, AuditEvent::type, AuditEvent::actor, AuditEvent::details)
        .containsExactly(
            "node-2",
            AuditEventType.TOKEN_REVOKED,
            new Actor(CallerKind.OPERATOR, "bob", "tok_01JD9A0C4E"),
            Map.of("revokedTokenId", "tok_01JD8M4X2B"));
  }

  /** The first v1 shape, written before action, outcome, reason and correlation existed, still reads. */
  @Test
  void auditEventsOfTheFirstV1ShapeReadWithoutActionOutcomeReasonOrCorrelation() {
    for (String fixture : List.of("audit-event/v1-minimal.json", "audit-event/v1-full.json")) {
      AuditEvent event = AUDIT.fromJson(fixture(fixture));

      assertThat(event).as(fixture)
          .extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::reason, AuditEvent::correlationId)
          .containsOnlyNulls();
      assertThat(event).as("%s equals the same event made with the first shape's constructor", fixture)
          .isEqualTo(new AuditEvent(
              event.id(), event.nodeId(), event.type(), event.at(), event.actor(), event.catalogId(),
              event.instanceId(), event.message(), event.details()));
    }
  }

  @Test
  void aV1AuditEventWithOutcomeReadsActionOutcomeReasonAndCorrelation() {
    AuditEvent event = AUDIT.fromJson(fixture("audit-event/v1-with-outcome.json"));

    assertThat(event).isEqualTo(
        new AuditEvent(
            "6c2d8e4f-1a3b-4c5d-9e7f-0a2b4c6d8e1f",
            "node-1",
            AuditEventType.SETUP_REQUESTED,
            Instant.parse("2025-12-03T09:00:00.512Z"),
            RELEASE_BOT,
            "atlassian",
            "i-3f9a0c12d4e5b6a7c8d9",
            "release-bot asked to set up atlassian; waiting for an operator's approval.",
            Map.of("rule", "agents-scripts-setup-need-approval", "specHash", SPEC_HASH),
            "mcp.setup",
            AuditOutcome.PENDING,
            "Agents and scripts need an operator's approval to set servers up.",
            "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"));
    assertThat(event.subject()).isEqualTo("i-3f9a0c12d4e5b6a7c8d9");
  }

  // Commands

  @Test
  void aMinimalV1CommandReadsWithEmptyConfigAndDetails() {
    Command command = COMMAND.fromJson(fixture("command/v1-minimal.json"));

    assertThat(command).isEqualTo(
        new Command(
            "f4a5b6c7-d8e9-4f0a-9b2c-3d4e5f6a7b8c", "node-1", CommandType.RESTART,
            Instant.parse("2025-12-03T10:00:00Z"), new Actor(CallerKind.SCRIPT, "provisioner", null),
            null, null, null, null, null, null, null));
    assertThat(command.config()).isNotNull().isEmpty();
    assertThat(command.details()).isNotNull().isEmpty();
    assertThat(command.subject()).isEqualTo(command.id());
  }

  @Test
  void aFullV1CommandReadsEveryField() {
    Command command = COMMAND.fromJson(fixture("command/v1-full.json"));

    assertThat(command).isEqualTo(
        new Command(
            "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
            "node-1",
            CommandType.SETUP,
            Instant.parse("2025-12-03T09:00:00.488Z"),
            RELEASE_BOT,
            "i-3f9a0c12d4e5b6a7c8d9",
            "atlassian",
            "release-2025-12-03-atlassian",
            Map.of("atlassian.jira.url", "https://example.atlassian.net", "atlassian.read_only", "true"),
            "For the release-notes job.",
            AuditEventType.SETUP_REQUESTED,
            Map.of("client", "release-pipeline")));
    assertThat(command.subject()).isEqualTo("i-3f9a0c12d4e5b6a7c8d9");
  }

  @Test
  void aV1CommandWithFieldsFromALaterWriterReadsItsKnownFields() {
    Command command = COMMAND.fromJson(fixture("command/v1-future-field.json"));

    assertThat(command).isEqualTo(
        new Command(
            "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a", "node-1", CommandType.APPROVE,
            Instant.parse("2025-12-03T09:14:27Z"), ALICE, "i-3f9a0c12d4e5b6a7c8d9", null, null, null,
            "Read-only configuration; approved.", null, Map.of("specHash", SPEC_HASH)));
    assertThat(COMMAND.toJson(command)).doesNotContain("sessionId", "requestIp", "expiresAt");
  }

  // Instances

  @Test
  void aMinimalV1InstanceReadsWithTheDocumentedDefaults() {
    Instance instance = INSTANCE.fromJson(fixture("instance/v1-minimal.json"));

    assertThat(instance.id()).isEqualTo("i-9c8b7a6f5e4d3c2b1a0f");
    assertThat(instance.status()).isEqualTo(InstanceStatus.REQUESTED);
    assertThat(instance.requestedBy()).isEqualTo(new Actor(CallerKind.SCRIPT, "provisioner", null));
    assertThat(instance.config()).isNotNull().isEmpty();
    assertThat(instance.connectionInfo()).isNotNull().isEmpty();
    assertThat(instance.approvalState()).isEqualTo(ApprovalState.NOT_REQUIRED);
    assertThat(instance.transport()).isEqualTo(Transport.UNKNOWN);
    assertThat(instance.secretBindingMode()).isEqualTo(SecretBindingMode.NONE);
    assertThat(instance)
        .extracting(
            Instance::idempotencyKey, Instance::decision, Instance::approval, Instance::specHash,
            Instance::dockerContainerName, Instance::dockerImage, Instance::errorMessage,
            Instance::lastStartedAt, Instance::lastStoppedAt)
        .containsOnlyNulls();
    assertThat(instance.lastCorrelationId()).isEqualTo("f4a5b6c7-d8e9-4f0a-9b2c-3d4e5f6a7b8c");
  }

  @Test
  void aFullV1InstanceReadsEveryField() {
    Instance instance = INSTANCE.fromJson(fixture("instance/v1-full.json"));

    assertThat(instance).isEqualTo(
        new Instance(
            "i-3f9a0c12d4e5b6a7c8d9",
            "node-1",
            "atlassian",
            "atlassian",
            "Atlassian",
            InstanceStatus.ACTIVE,
            RELEASE_BOT,
            Map.of("atlassian.jira.url", "https://example.atlassian.net", "atlassian.read_only", "true"),
            "release-2025-12-03-atlassian",
            new Decision(
                PolicyEffect.REQUIRE_APPROVAL,
                "agents-scripts-setup-need-approval",
                "Agents and scripts need an operator's approval to set servers up.",
                Instant.parse("2025-12-03T09:00:00.512Z")),
            ApprovalState.APPROVED,
            new Approval(
                ApprovalState.APPROVED,
                SPEC_HASH,
                Instant.parse("2025-12-03T09:00:00.512Z"),
                Instant.parse("2025-12-04T09:00:00.512Z"),
                ALICE,
                Instant.parse("2025-12-03T09:14:27Z"),
                "Read-only configuration; approved."),
            SPEC_HASH,
            "harbor-node-1-i-3f9a0c12d4e5b6a7c8d9",
            "mcp/atlassian@sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
            Transport.STREAMABLE_HTTP,
            Map.of("url", "http://127.0.0.1:49153/mcp", "serverName", "mcp-atlassian", "toolCount", "42"),
            SecretBindingMode.MANUAL,
            "The container exited with code 137 (out of memory) and was restarted.",
            Instant.parse("2025-12-03T09:00:00.512Z"),
            Instant.parse("2025-12-03T11:40:02.007Z"),
            Instant.parse("2025-12-03T11:40:01.500Z"),
            Instant.parse("2025-12-03T11:39:55Z"),
            "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a"));
  }

  @Test
  void aV1InstanceWithFieldsFromALaterWriterReadsItsKnownFields() {
    Instance instance = INSTANCE.fromJson(fixture("instance/v1-future-field.json"));

    assertThat(instance.nodeId()).isEqualTo("node-2");
    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.requestedBy()).isEqualTo(RELEASE_BOT);
    assertThat(instance.decision()).isEqualTo(
        new Decision(PolicyEffect.DENY, "catalog", "unknown catalog entry 'jira-cloud'",
            Instant.parse("2025-12-03T10:05:00Z")));
    assertThat(instance.errorMessage()).isEqualTo("unknown catalog entry 'jira-cloud'");
    assertThat(INSTANCE.toJson(instance))
        .doesNotContain("displayName", "policyVersion", "healthScore", "restartCount");
  }

  // Launch orders

  @Test
  void aMinimalV1OrderReadsWithoutASpec() {
    LaunchOrder order = ORDER.fromJson(fixture("launch-order/v1-minimal.json"));

    assertThat(order).isEqualTo(
        new LaunchOrder(
            "o-aa0b1c2d3e4f5a6b7c8d", "node-1", "i-3f9a0c12d4e5b6a7c8d9", OrderType.REMOVE, null, null,
            "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b", Instant.parse("2025-12-05T17:00:00Z")));
  }

  @Test
  void aFullV1OrderReadsEveryFieldOfItsLaunchSpec() {
    LaunchOrder order = ORDER.fromJson(fixture("launch-order/v1-full.json"));

    assertThat(order).isEqualTo(
        new LaunchOrder(
            "o-8d7c6b5a4f3e2d1c0b9a",
            "node-1",
            "i-3f9a0c12d4e5b6a7c8d9",
            OrderType.LAUNCH,
            new LaunchSpec(
                "mcp/atlassian",
                "latest",
                "sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
                Transport.STREAMABLE_HTTP,
                List.of("mcp-atlassian"),
                List.of("--transport", "streamable-http", "--port", "8000"),
                Map.of("JIRA_URL", "https://example.atlassian.net", "READ_ONLY_MODE", "true"),
                List.of("atlassian.jira.api_token"),
                null,
                List.of(new PortSpec("http", 8000, "tcp")),
                List.of(new VolumeSpec("{{atlassian.attachments|volume|into}}")),
                new NetworkSpec(NetworkMode.EGRESS, List.of("*.atlassian.net")),
                "default"),
            SPEC_HASH,
            "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a",
            Instant.parse("2025-12-03T09:14:27.120Z")));
  }

  @Test
  void aV1OrderWithFieldsFromALaterWriterReadsItsKnownFieldsAndTheSpecDefaults() {
    LaunchOrder order = ORDER.fromJson(fixture("launch-order/v1-future-field.json"));

    assertThat(order.type()).isEqualTo(OrderType.RESTART);
    assertThat(order.spec()).isEqualTo(
        new LaunchSpec(
            "mcp/markitdown", "latest", null, Transport.STDIO, List.of("markitdown-mcp"), null, null, null, null,
            null, null, new NetworkSpec(NetworkMode.NONE, List.of()), "strict"));
    assertThat(order.spec().args()).isNotNull().isEmpty();
    assertThat(order.spec().env()).isNotNull().isEmpty();
    assertThat(ORDER.toJson(order)).doesNotContain("memoryLimit", "readOnlyRootFs", "deadline");
  }

  // Policy sets

  @Test
  void aMinimalV1PolicySetReadsWithNoRules() {
    PolicySet policy = POLICY.fromJson(fixture("policy-set/v1-minimal.json"));

    assertThat(policy).isEqualTo(
        new PolicySet(0, List.of(), new Actor(CallerKind.OPERATOR, "alice", null),
            Instant.parse("2025-12-01T07:00:00Z")));
  }

  @Test
  void aFullV1PolicySetReadsEveryRuleFieldWithDottedActionsAndAllThreeNeedsSecretsValues() {
    PolicySet policy = POLICY.fromJson(fixture("policy-set/v1-full.json"));

    assertThat(policy).isEqualTo(
        new PolicySet(
            7,
            List.of(
                new PolicyRule(
                    "release-bot-jira",
                    "The release bot may set up Jira servers over HTTP without asking.",
                    List.of(PolicyAction.MCP_SETUP, PolicyAction.MCP_RESTART),
                    List.of(CallerKind.AGENT),
                    "release-*",
                    List.of("atlassian", "atlassian.*"),
                    List.of("jira"),
                    List.of("sooperset"),
                    true,
                    List.of(Transport.STREAMABLE_HTTP, Transport.SSE),
                    PolicyEffect.ALLOW,
                    "Reviewed for the release-notes job."),
                new PolicyRule(
                    "scripts-only-without-secrets", null, List.of(PolicyAction.MCP_SETUP),
                    List.of(CallerKind.SCRIPT), null, null, null, null, false, null,
                    PolicyEffect.REQUIRE_APPROVAL, "Scripts need approval for servers without secrets too."),
                new PolicyRule(
                    "only-operators-enable-disable", null,
                    List.of(PolicyAction.MCP_ENABLE, PolicyAction.MCP_DISABLE, PolicyAction.MCP_REMOVE),
                    List.of(CallerKind.AGENT, CallerKind.SCRIPT, CallerKind.SYSTEM), null, null, null, null,
                    null, null, PolicyEffect.DENY, "Only operators enable or disable catalog entries.")),
            ALICE,
            Instant.parse("2025-12-02T16:20:00Z")));
  }

  @Test
  void aV1PolicySetWithFieldsFromALaterWriterReadsItsKnownFields() {
    PolicySet policy = POLICY.fromJson(fixture("policy-set/v1-future-field.json"));

    assertThat(policy.version()).isEqualTo(8);
    assertThat(policy.rules()).extracting(PolicyRule::id, PolicyRule::effect).containsExactly(
        org.assertj.core.groups.Tuple.tuple("operators-allow-all", PolicyEffect.ALLOW),
        org.assertj.core.groups.Tuple.tuple("agents-scripts-setup-need-approval", PolicyEffect.REQUIRE_APPROVAL));
    assertThat(policy.updatedBy()).isEqualTo(new Actor(CallerKind.OPERATOR, "bob", "tok_01JD9A0C4E"));
    assertThat(POLICY.toJson(policy)).doesNotContain("schedule", "approvalTtl", "comment");
  }

  // Launcher events

  @Test
  void aMinimalV1LauncherEventDecodesWithEmptyListsAndMaps() {
    LauncherEvent event = LAUNCHER_EVENT.fromJson(fixture("launcher-event/v1-minimal.json"));

    assertThat(event.type()).isEqualTo(LauncherEventType.REMOVED);
    assertThat(event.orderId()).isNull();
    assertThat(event.drift()).isFalse();
    assertThat(event.missingSecrets()).isEmpty();
    assertThat(event.logTail()).isEmpty();
    assertThat(event.connectionInfo()).isEmpty();
  }

  @Test
  void aFullV1LauncherEventDecodesEveryProperty() {
    LauncherEvent event = LAUNCHER_EVENT.fromJson(fixture("launcher-event/v1-full.json"));

    assertThat(event.type()).isEqualTo(LauncherEventType.FAILED);
    assertThat(event.drift()).isTrue();
    assertThat(event.reason()).isEqualTo("container was removed outside Harbor");
    assertThat(event.missingSecrets()).containsExactly("atlassian.jira.api_token");
    assertThat(event.logTail()).containsExactly("listening on 8000", "token=[redacted]");
    assertThat(event.connectionInfo()).containsEntry("serverName", "mcp-atlassian");
    assertThat(event.imageDigest()).startsWith("sha256:");
  }

  @Test
  void aV1LauncherEventWithFieldsFromALaterWriterReadsItsKnownFields() {
    LauncherEvent event = LAUNCHER_EVENT.fromJson(fixture("launcher-event/v1-future-field.json"));

    assertThat(event.type()).isEqualTo(LauncherEventType.STARTED);
    assertThat(event.connectionInfo()).containsExactly(Map.entry("url", "http://127.0.0.1:49153/mcp"));
    assertThat(LAUNCHER_EVENT.toJson(event)).doesNotContain("restartCount", "latencyMs");
  }

  // Rules that hold for every fixture

  static Stream<Arguments> registeredContracts() {
    return Stream.concat(Topics.hubTopics().stream(), Topics.nodeTopics("n1").stream())
        .map(topic -> Arguments.of(named(topic.valueSchema(), topic)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredContracts")
  void everyRegisteredContractVersionHasMinimalFullAndFutureFieldFixtures(Topic<?, ?> topic) {
    Matcher schema = schemaFile(topic.valueSchema());
    String folder = FOLDER + schema.group(1) + "/v" + schema.group(2);

    assertThat(resource(folder + "-minimal.json")).as(folder + "-minimal.json").isNotNull();
    assertThat(resource(folder + "-full.json")).as(folder + "-full.json").isNotNull();
    assertThat(resource(folder + "-future-field.json")).as(folder + "-future-field.json").isNotNull();
  }

  static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
    Map<String, JsonSerde<?>> serdeByContract = new HashMap<>();
    Stream.concat(Topics.hubTopics().stream(), Topics.nodeTopics("n1").stream())
        .forEach(topic -> serdeByContract.put(
            schemaFile(topic.valueSchema()).group(1), (JsonSerde<?>) topic.valueSerde()));

    Path root = Path.of(resource(FOLDER).toURI());
    List<Arguments> fixtures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
        String contract = file.getParent().getFileName().toString();
        String name = contract + "/" + file.getFileName();
        fixtures.add(Arguments.of(name, serdeByContract.get(contract)));
      }
    }
    return fixtures.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFixtureBelongsToARegisteredContractAndHasAKnownName(String fixture, JsonSerde<?> serde) {
    assertThat(serde).as("a registered topic whose schema is named after %s", fixture).isNotNull();
    assertThat(FIXTURE_FILE.matcher(fixture.substring(fixture.indexOf('/') + 1)).matches())
        .as("%s is named v<N>-minimal, v<N>-full, v<N>-future-field or v<N>-with-<what>", fixture)
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void minimalAndFullFixturesAreValidAgainstTheirVersionsSchemaAndFutureFieldsAreNot(
      String fixture, JsonSerde<?> serde) {
    Matcher file = fixtureFile(fixture);
    String contract = fixture.substring(0, fixture.indexOf('/'));
    String schema = contract + ".v" + file.group(1) + ".schema.json";

    List<String> errors = ContractSchemas.errors(schema, fixture(fixture));

    if (file.group(2).equals("future-field")) {
      assertThat(errors).as("the schema is strict about properties v%s does not have", file.group(1))
          .anySatisfy(error -> assertThat(error).startsWith("additionalProperties:"));
    } else {
      assertThat(errors).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFixtureReEncodesWithEveryFieldItHadAndNothingUnknown(String fixture, JsonSerde<?> serde) {
    Matcher file = fixtureFile(fixture);
    String contract = fixture.substring(0, fixture.indexOf('/'));
    String reEncoded = reEncode(serde, fixture(fixture));

    assertThat(ContractSchemas.errors(contract + ".v" + file.group(1) + ".schema.json", reEncoded)).isEmpty();
    if (!file.group(2).equals("future-field")) {
      assertThat(missing(ContractSchemas.parse(fixture(fixture)), ContractSchemas.parse(reEncoded), "$"))
          .as("fields of %s that today's writer no longer writes the same way", fixture)
          .isEmpty();
    }
  }

  @Test
  void fixtureNamesAreMinimalFullFutureFieldOrWithSomething() {
    assertThat(List.of("v1-minimal.json", "v1-full.json", "v1-future-field.json", "v1-with-outcome.json",
            "v2-with-system-actor.json"))
        .allSatisfy(name -> assertThat(FIXTURE_FILE.matcher(name).matches()).as(name).isTrue());
    assertThat(List.of("v1-latest.json", "v1-with-.json", "v1-with-Outcome.json", "with-outcome.json",
            "v1-full.yaml"))
        .allSatisfy(name -> assertThat(FIXTURE_FILE.matcher(name).matches()).as(name).isFalse());
  }

  @Test
  void theReEncodingCheckReportsAFieldWrittenDifferently() {
    JsonNode written = ContractSchemas.parse("{\"a\": 1, \"b\": [{\"c\": \"x\"}], \"d\": \"y\"}");
    JsonNode fixture = ContractSchemas.parse("{\"a\": 1, \"b\": [{\"c\": \"z\"}], \"e\": true}");

    assertThat(missing(fixture, written, "$")).containsExactly("$.b[0].c", "$.e");
  }

  /** Decodes with the contract's serde and encodes again, as a reader that forwards the value would. */
  private static <T> String reEncode(JsonSerde<T> serde, String json) {
    return serde.toJson(serde.fromJson(json));
  }

  /**
   * JSON paths of every value in {@code expected} that {@code actual} lacks or holds differently;
   * properties only {@code actual} has are allowed.
   */
  private static List<String> missing(JsonNode expected, JsonNode actual, String path) {
    List<String> problems = new ArrayList<>();
    if (expected.isObject() && actual != null && actual.isObject()) {
      expected.properties().forEach(
          property -> problems.addAll(
              missing(property.getValue(), actual.get(property.getKey()), path + "." + property.getKey())));
    } else if (expected.isArray() && actual != null && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        problems.addAll(missing(expected.get(i), actual.get(i), path + "[" + i + "]"));
      }
    } else if (!expected.equals(actual)) {
      problems.add(path);
    }
    return problems;
  }

  /** The text of the fixture at {@code compat/<name>}. */
  private static String fixture(String name) {
    try (InputStream in = resourceStream(FOLDER + name)) {
      assertThat(in).as("fixture %s%s", FOLDER, name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resourceStream(String name) {
    return ContractCompatibilityTest.class.getClassLoader().getResourceAsStream(name);
  }

  private static URL resource(String name) {
    return ContractCompatibilityTest.class.getClassLoader().getResource(name);
  }

  private static Matcher schemaFile(String fileName) {
    Matcher matcher = SCHEMA_FILE.matcher(fileName);
    assertThat(matcher.matches()).as("%s is named <contract>.v<N>.schema.json", fileName).isTrue();
    return matcher;
  }

  private static Matcher fixtureFile(String fixture) {
    Matcher matcher = FIXTURE_FILE.matcher(fixture.substring(fixture.indexOf('/') + 1));
    assertThat(matcher.matches())
        .as("%s is named v<N>-minimal, v<N>-full, v<N>-future-field or v<N>-with-<what>", fixture)
        .isTrue();
    return matcher;
  }
}
