package dev.harbor.schemas;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic contract records as Harbor would write them: fully populated ones and minimal ones. */
final class ContractSamples {

  static final Instant CREATED = Instant.parse("2025-11-03T13:21:46.054906Z");
  static final Instant UPDATED = Instant.parse("2025-12-02T09:14:05Z");

  private ContractSamples() {}

  /** A container entry from Docker's MCP registry with parameters, env, secrets, a port and tools. */
  static CatalogEntry atlassian() {
    return new CatalogEntry(
        "atlassian",
        "atlassian",
        "Atlassian",
        "Tools for Atlassian products (Confluence and Jira), for Atlassian Cloud and Server/Data Center.",
        "sooperset",
        List.of("atlassian", "confluence", "jira"),
        "productivity",
        "https://github.com/sooperset/mcp-atlassian",
        "https://github.com/sooperset/mcp-atlassian#readme",
        "https://avatars.githubusercontent.com/u/43281909?s=200&v=4",
        "mcp/atlassian",
        "latest",
        "sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
        Transport.STREAMABLE_HTTP,
        LauncherKind.DOCKER,
        true,
        null,
        List.of(),
        List.of("--transport", "streamable-http", "--port", "8000"),
        List.of(
            new ParameterSpec("atlassian.jira.url", "Base URL of your Jira site.", "string", true, null),
            new ParameterSpec("atlassian.jira.username", "Jira account email.", "string", false, null),
            new ParameterSpec("atlassian.read_only", "Disable write tools.", "boolean", false, "false")),
        List.of(
            new EnvVarSpec("JIRA_URL", "Jira base URL.", true, "{{atlassian.jira.url}}"),
            new EnvVarSpec("JIRA_USERNAME", null, false, "{{atlassian.jira.username}}"),
            new EnvVarSpec("READ_ONLY_MODE", "Disable write tools.", false, "{{atlassian.read_only}}")),
        List.of(
            new SecretSpec("atlassian.jira.api_token", "JIRA_API_TOKEN", "Jira API token.", true),
            new SecretSpec("atlassian.jira.personal_token", "JIRA_PERSONAL_TOKEN", null, false)),
        List.of(new PortSpec("http", 8000, "tcp")),
        List.of(),
        new NetworkSpec(NetworkMode.EGRESS, List.of("*.atlassian.net")),
        HealthCheckMode.MCP_INITIALIZE,
        List.of(),
        List.of(new PackageRef("oci", "ghcr.io/sooperset/mcp-atlassian", "0.11.9")),
        List.of(
            new ToolSummary("jira_get_issue", "Get details of a specific Jira issue."),
            new ToolSummary("confluence_search", null)),
        null,
        List.of(),
        EntryStatus.AVAILABLE,
        Visibility.PUBLIC,
        new CatalogSource(
            SourceFormat.DOCKER_MCP_REGISTRY,
            "catalog/seed/docker-mcp-registry/servers/atlassian/server.yaml",
            "atlassian",
            "https://github.com/sooperset/mcp-atlassian",
            "MIT"),
        CREATED,
        UPDATED);
  }

  /** A container entry with a volume template and no network at all. */
  static CatalogEntry markitdown() {
    return new CatalogEntry(
        "markitdown",
        "markitdown",
        "Markitdown",
        "A lightweight MCP server for calling MarkItDown.",
        null,
        List.of("productivity", "markdown", "pdf"),
        "productivity",
        null,
        null,
        "https://avatars.githubusercontent.com/u/6154722?v=4",
        "mcp/markitdown",
        "latest",
        null,
        Transport.STDIO,
        LauncherKind.DOCKER,
        true,
        null,
        List.of("markitdown-mcp"),
        List.of(),
        List.of(new ParameterSpec("markitdown.paths", "Paths the server may read.", "array", true, null)),
        List.of(),
        List.of(),
        List.of(),
        List.of(new VolumeSpec("{{markitdown.paths|volume|into}}")),
        new NetworkSpec(NetworkMode.NONE, List.of()),
        HealthCheckMode.MCP_INITIALIZE,
        List.of(),
        null,
        List.of(),
        null,
        List.of(),
        EntryStatus.DEPRECATED,
        Visibility.UNLISTED,
        new CatalogSource(
            SourceFormat.DOCKER_MCP_REGISTRY,
            "catalog/seed/docker-mcp-registry/servers/markitdown/server.yaml",
            "markitdown",
            "https://github.com/microsoft/markitdown",
            null),
        CREATED,
        UPDATED);
  }

  /** A hosted server from the official registry: versioned, with remotes, and not launchable. */
  static CatalogEntry exploriumRemote() {
    return new CatalogEntry(
        "ai.explorium.mcp-explorium",
        "mcp-explorium",
        "ai.explorium/mcp-explorium",
        "Access live company and contact data from Explorium's AgentSource B2B platform.",
        "ai.explorium",
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Transport.STREAMABLE_HTTP,
        LauncherKind.REMOTE,
        false,
        "Hosted server: connect to its remote endpoint instead.",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        HealthCheckMode.NONE,
        List.of(
            new RemoteEndpoint(Transport.STREAMABLE_HTTP, "https://mcp-github-registry.explorium.ai/mcp")),
        null,
        List.of(),
        "1.0.1",
        List.of("1.0.0", "1.0.1"),
        EntryStatus.AVAILABLE,
        Visibility.PUBLIC,
        new CatalogSource(
            SourceFormat.OFFICIAL_REGISTRY,
            "https://registry.modelcontextprotocol.io/v0/servers",
            "ai.explorium/mcp-explorium",
            "https://github.com/explorium-ai/mcp-explorium",
            null),
        CREATED,
        UPDATED);
  }

  /** An entry with only what the record always writes; every other component null or empty. */
  static CatalogEntry minimalEntry() {
    return new CatalogEntry(
        "sqlite", "sqlite", "SQLite", null, null, null, null, null, null, null, null, null, null, null,
        LauncherKind.PACKAGE, false, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null,
        new CatalogSource(
            SourceFormat.DOCKER_MCP_REGISTRY, "servers/SQLite/server.yaml", "SQLite", null, null),
        CREATED,
        CREATED);
  }

  /** Every catalog sample, for checks that should hold for each of them. */
  static List<CatalogEntry> catalogEntries() {
    return List.of(atlassian(), markitdown(), exploriumRemote(), minimalEntry());
  }

  /** An operator disabling an entry with a reason, through a token. */
  static CatalogEntryState disabledState() {
    return new CatalogEntryState(
        "atlassian",
        false,
        "Waiting for security review of the Jira write tools.",
        new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q"),
        Instant.parse("2025-12-03T08:30:00Z"),
        UPDATED);
  }

  /** A decision with only what the record always writes. */
  static CatalogEntryState minimalState() {
    return new CatalogEntryState(
        "markitdown", true, null, new Actor(CallerKind.SCRIPT, "provisioner", null),
        Instant.parse("2025-12-03T08:31:12.5Z"), null);
  }

  /** Every state sample. */
  static List<CatalogEntryState> states() {
    return List.of(disabledState(), minimalState());
  }

  /** A launch event about an instance of a catalog entry, with details. */
  static AuditEvent launchSucceeded() {
    return new AuditEvent(
        "0b6f1c2e-5d4a-4e8b-9c3f-7a1d2e4b6c8f",
        "node-1",
        AuditEventType.LAUNCH_SUCCEEDED,
        Instant.parse("2025-12-03T08:35:41.204Z"),
        new Actor(CallerKind.AGENT, "release-bot", "tok_01JD8M4X2B"),
        "atlassian",
        "atlassian-4f2a9c",
        "Started atlassian (mcp/atlassian:latest) on 127.0.0.1:49153.",
        Map.of("image", "mcp/atlassian:latest", "hostPort", "49153"));
  }

  /** An event with only what the record always writes. */
  static AuditEvent minimalEvent() {
    return event(AuditEventType.CATALOG_VIEWED);
  }

  /** A minimal event of the given type. */
  static AuditEvent event(AuditEventType type) {
    return new AuditEvent(
        "9d3e7a10-2c4b-4f6e-8a1d-3b5c7e9f0a2c",
        "node-1",
        type,
        Instant.parse("2025-12-03T08:20:00Z"),
        new Actor(CallerKind.OPERATOR, "alice", null),
        null,
        null,
        "Catalog listed.",
        null);
  }

  /** An agent's setup request that policy sent to an operator for approval. */
  static AuditEvent setupPendingApproval() {
    return new AuditEvent(
        "6c2d8e4f-1a3b-4c5d-9e7f-0a2b4c6d8e1f",
        "node-1",
        AuditEventType.SETUP_REQUESTED,
        Instant.parse("2025-12-03T09:00:00.512Z"),
        RELEASE_BOT,
        "atlassian",
        INSTANCE_ID,
        "release-bot asked to set up atlassian; waiting for an operator's approval.",
        Map.of("rule", "agents-scripts-setup-need-approval", "specHash", SPEC_HASH),
        "mcp.setup",
        AuditOutcome.PENDING,
        "Agents and scripts need an operator's approval to set servers up.",
        SETUP_COMMAND_ID);
  }

  /** The node itself denying a setup whose approval nobody gave in time: no command caused it. */
  static AuditEvent approvalExpired() {
    return new AuditEvent(
        "a1b3c5d7-e9f1-4a3b-8c5d-7e9f1a3b5c7d",
        "node-1",
        AuditEventType.SETUP_DENIED,
        Instant.parse("2025-12-04T09:00:30Z"),
        new Actor(CallerKind.SYSTEM, "node-1", null),
        "atlassian",
        "i-7b1e9d3c5a2f4e6d8c0b",
        "Setup of atlassian denied: approval expired.",
        null,
        "mcp.setup",
        AuditOutcome.DENIED,
        "approval expired",
        null);
  }

  /** An approval refused because it names another launch spec than the one waiting. */
  static AuditEvent transitionRefused() {
    return new AuditEvent(
        "f0e1d2c3-b4a5-4968-8776-655443322110",
        "node-1",
        AuditEventType.TRANSITION_REFUSED,
        Instant.parse("2025-12-03T09:12:00Z"),
        ALICE,
        "atlassian",
        INSTANCE_ID,
        "Approval of i-3f9a0c12d4e5b6a7c8d9 refused.",
        Map.of("from", "pending_approval", "to", "installing"),
        "mcp.setup",
        AuditOutcome.FAILED,
        "approval does not match this request's launch spec",
        "3e5a7c9b-1d2f-4e6a-8b0c-2d4e6f8a0b1c");
  }

  /** Every audit sample. */
  static List<AuditEvent> events() {
    return List.of(launchSucceeded(), minimalEvent(), setupPendingApproval(), approvalExpired(), transitionRefused());
  }

  // Commands, instances, orders and policy: the setup of atlassian by an agent, approved by an operator.

  static final Actor ALICE = new Actor(CallerKind.OPERATOR, "alice", "tok_01JD8K2M7Q");
  static final Actor RELEASE_BOT = new Actor(CallerKind.AGENT, "release-bot", "tok_01JD8M4X2B");

  static final String INSTANCE_ID = "i-3f9a0c12d4e5b6a7c8d9";
  static final String SETUP_COMMAND_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
  static final String APPROVE_COMMAND_ID = "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a";

  /** The hash of {@link #atlassianSpec()} as the policy stream recorded it (a fixed value: samples never hash). */
  static final String SPEC_HASH = "9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a";

  static final Instant REQUESTED_AT = Instant.parse("2025-12-03T09:00:00.512Z");
  static final Instant APPROVED_AT = Instant.parse("2025-12-03T09:14:27Z");

  /** An agent asking to set atlassian up, with an idempotency key and non-secret configuration. */
  static Command setupCommand() {
    return new Command(
        SETUP_COMMAND_ID,
        "node-1",
        CommandType.SETUP,
        Instant.parse("2025-12-03T09:00:00.488Z"),
        RELEASE_BOT,
        INSTANCE_ID,
        "atlassian",
        "release-2025-12-03-atlassian",
        Map.of("atlassian.jira.url", "https://example.atlassian.net", "atlassian.read_only", "true"),
        "For the release-notes job.",
        null,
        null);
  }

  /** An operator approving the pending setup, naming the spec hash they saw. */
  static Command approveCommand() {
    return new Command(
        APPROVE_COMMAND_ID,
        "node-1",
        CommandType.APPROVE,
        APPROVED_AT,
        ALICE,
        INSTANCE_ID,
        null,
        null,
        null,
        "Read-only configuration; approved.",
        null,
        Map.of("specHash", SPEC_HASH));
  }

  /** node-api asking for an audit-only event: an agent searched the catalog. */
  static Command searchNotice() {
    return new Command(
        "e3f4a5b6-c7d8-4e9f-8a1b-2c3d4e5f6a7b",
        "node-1",
        CommandType.NOTICE,
        Instant.parse("2025-12-03T08:59:58Z"),
        RELEASE_BOT,
        null,
        null,
        null,
        null,
        null,
        AuditEventType.CATALOG_SEARCHED,
        Map.of("query", "jira", "results", "3"));
  }

  /** A command of the given type with only what the record always writes. */
  static Command command(CommandType type) {
    return new Command(
        "f4a5b6c7-d8e9-4f0a-9b2c-3d4e5f6a7b8c", "node-1", type, Instant.parse("2025-12-03T10:00:00Z"),
        new Actor(CallerKind.SCRIPT, "provisioner", null), null, null, null, null, null, null, null);
  }

  /** Every command sample. */
  static List<Command> commands() {
    return List.of(setupCommand(), approveCommand(), searchNotice(), command(CommandType.RESTART));
  }

  /** The agent's setup, waiting for an operator's approval. */
  static Instance pendingInstance() {
    return new Instance(
        INSTANCE_ID,
        "node-1",
        "atlassian",
        "atlassian",
        "Atlassian",
        InstanceStatus.PENDING_APPROVAL,
        RELEASE_BOT,
        Map.of("atlassian.jira.url", "https://example.atlassian.net", "atlassian.read_only", "true"),
        "release-2025-12-03-atlassian",
        new Decision(
            PolicyEffect.REQUIRE_APPROVAL,
            "agents-scripts-setup-need-approval",
            "Agents and scripts need an operator's approval to set servers up.",
            REQUESTED_AT),
        ApprovalState.PENDING,
        new Approval(
            ApprovalState.PENDING, SPEC_HASH, REQUESTED_AT, REQUESTED_AT.plus(Duration.ofHours(24)), null, null,
            null),
        SPEC_HASH,
        null,
        null,
        Transport.STREAMABLE_HTTP,
        null,
        SecretBindingMode.MANUAL,
        null,
        REQUESTED_AT,
        REQUESTED_AT,
        null,
        null,
        SETUP_COMMAND_ID);
  }

  /** The same setup after the operator approved it and the launcher started it. */
  static Instance activeInstance() {
    return new Instance(
        INSTANCE_ID,
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
            REQUESTED_AT),
        ApprovalState.APPROVED,
        new Approval(
            ApprovalState.APPROVED, SPEC_HASH, REQUESTED_AT, REQUESTED_AT.plus(Duration.ofHours(24)), ALICE,
            APPROVED_AT, "Read-only configuration; approved."),
        SPEC_HASH,
        "harbor-node-1-i-3f9a0c12d4e5b6a7c8d9",
        "mcp/atlassian@sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
        Transport.STREAMABLE_HTTP,
        Map.of("url", "http://127.0.0.1:49153/mcp", "serverName", "mcp-atlassian", "toolCount", "42"),
        SecretBindingMode.MANUAL,
        null,
        REQUESTED_AT,
        Instant.parse("2025-12-03T09:14:41.930Z"),
        Instant.parse("2025-12-03T09:14:41.930Z"),
        null,
        APPROVE_COMMAND_ID);
  }

  /** An operator's setup that policy allowed at once and whose container then failed. */
  static Instance failedInstance() {
    return new Instance(
        "i-0a9b8c7d6e5f4a3b2c1d",
        "node-1",
        "markitdown",
        "markitdown",
        "Markitdown",
        InstanceStatus.FAILED,
        ALICE,
        Map.of("markitdown.paths", "reports"),
        null,
        new Decision(PolicyEffect.ALLOW, "operators-allow-all", null, Instant.parse("2025-12-03T10:02:00Z")),
        ApprovalState.NOT_REQUIRED,
        null,
        "2b4d6f8a0c2e4b6d8f0a9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e",
        "harbor-node-1-i-0a9b8c7d6e5f4a3b2c1d",
        "mcp/markitdown:latest",
        Transport.STDIO,
        null,
        SecretBindingMode.NONE,
        "The container exited with code 1 during the MCP initialize handshake.",
        Instant.parse("2025-12-03T10:02:00Z"),
        Instant.parse("2025-12-03T10:02:09Z"),
        Instant.parse("2025-12-03T10:02:04Z"),
        Instant.parse("2025-12-03T10:02:09Z"),
        "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
  }

  /** A setup for an id the catalog does not hold: denied before policy was asked. */
  static Instance deniedInstance() {
    return new Instance(
        "i-5e6f7a8b9c0d1e2f3a4b",
        "node-1",
        "jira-cloud",
        "jira-cloud",
        "jira-cloud",
        InstanceStatus.DENIED,
        RELEASE_BOT,
        null,
        null,
        new Decision(
            PolicyEffect.DENY, "catalog", "unknown catalog entry 'jira-cloud'",
            Instant.parse("2025-12-03T10:05:00Z")),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "unknown catalog entry 'jira-cloud'",
        Instant.parse("2025-12-03T10:05:00Z"),
        Instant.parse("2025-12-03T10:05:00Z"),
        null,
        null,
        "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
  }

  /** An instance with only what the record always writes (just requested, nothing decided yet). */
  static Instance minimalInstance() {
    return new Instance(
        "i-9c8b7a6f5e4d3c2b1a0f", "node-1", "atlassian", "atlassian", "Atlassian", InstanceStatus.REQUESTED,
        new Actor(CallerKind.SCRIPT, "provisioner", null), null, null, null, null, null, null, null, null,
        null, null, null, null, Instant.parse("2025-12-03T10:00:00Z"), Instant.parse("2025-12-03T10:00:00Z"),
        null, null, "f4a5b6c7-d8e9-4f0a-9b2c-3d4e5f6a7b8c");
  }

  /** An instance of the minimal shape in the given status. */
  static Instance instance(InstanceStatus status) {
    Instance minimal = minimalInstance();
    return new Instance(
        minimal.id(), minimal.nodeId(), minimal.catalogId(), minimal.slug(), minimal.name(), status,
        minimal.requestedBy(), null, null, null, null, null, null, null, null, null, null, null, null,
        minimal.createdAt(), minimal.updatedAt(), null, null, minimal.lastCorrelationId());
  }

  /** Every instance sample. */
  static List<Instance> instances() {
    return List.of(pendingInstance(), activeInstance(), failedInstance(), deniedInstance(), minimalInstance());
  }

  /** What the launcher runs for the approved atlassian setup: configuration substituted, secrets by name. */
  static LaunchSpec atlassianSpec() {
    return new LaunchSpec(
        "mcp/atlassian",
        "latest",
        "sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
        Transport.STREAMABLE_HTTP,
        List.of(),
        List.of("--transport", "streamable-http", "--port", "8000"),
        Map.of("JIRA_URL", "https://example.atlassian.net", "READ_ONLY_MODE", "true"),
        List.of("atlassian.jira.api_token"),
        Map.of("atlassian.jira.api_token", "JIRA_API_TOKEN"),
        List.of(new PortSpec("http", 8000, "tcp")),
        List.of(),
        new NetworkSpec(NetworkMode.EGRESS, List.of("*.atlassian.net")),
        "default");
  }

  /** A stdio server with its own command, a volume and no network. */
  static LaunchSpec markitdownSpec() {
    return new LaunchSpec(
        "mcp/markitdown",
        "latest",
        null,
        Transport.STDIO,
        List.of("markitdown-mcp"),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(new VolumeSpec("{{markitdown.paths|volume|into}}")),
        new NetworkSpec(NetworkMode.NONE, List.of()),
        "strict");
  }

  /** The order to launch the approved atlassian instance. */
  static LaunchOrder launchOrder() {
    return new LaunchOrder(
        "o-8d7c6b5a4f3e2d1c0b9a",
        "node-1",
        INSTANCE_ID,
        OrderType.LAUNCH,
        atlassianSpec(),
        SPEC_HASH,
        APPROVE_COMMAND_ID,
        Instant.parse("2025-12-03T09:14:27.120Z"));
  }

  /** An order to restart the markitdown instance with its spec. */
  static LaunchOrder restartOrder() {
    return new LaunchOrder(
        "o-1f2e3d4c5b6a79880716",
        "node-1",
        "i-0a9b8c7d6e5f4a3b2c1d",
        OrderType.RESTART,
        markitdownSpec(),
        "2b4d6f8a0c2e4b6d8f0a9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e",
        "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
        Instant.parse("2025-12-03T10:30:00Z"));
  }

  /** An order with only what the record always writes: removing an instance needs no spec. */
  static LaunchOrder removeOrder() {
    return new LaunchOrder(
        "o-aa0b1c2d3e4f5a6b7c8d",
        "node-1",
        INSTANCE_ID,
        OrderType.REMOVE,
        null,
        null,
        "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
        Instant.parse("2025-12-05T17:00:00Z"));
  }

  /** The launcher's report that the approved atlassian instance runs and answered MCP. */
  static LauncherEvent startedEvent() {
    return new LauncherEvent(
        "e-5a6b7c8d9e0f1a2b3c4d",
        "node-1",
        INSTANCE_ID,
        "o-8d7c6b5a4f3e2d1c0b9a",
        LauncherEventType.STARTED,
        SPEC_HASH,
        "harbor-node-1-i-3f9a0c12d4e5b6a7c8d9",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "sha256:4c5d2e8f0a1b3c6d9e7f8a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d",
        null,
        false,
        null,
        null,
        Map.of("url", "http://127.0.0.1:49153/mcp", "serverName", "mcp-atlassian", "toolCount", "42"),
        Instant.parse("2025-12-03T09:14:29.870Z"));
  }

  /** The launcher's report that a container was killed for memory, with its last log lines. */
  static LauncherEvent oomEvent() {
    return new LauncherEvent(
        "e-6b7c8d9e0f1a2b3c4d5e",
        "node-1",
        INSTANCE_ID,
        "o-8d7c6b5a4f3e2d1c0b9a",
        LauncherEventType.FAILED,
        SPEC_HASH,
        "harbor-node-1-i-3f9a0c12d4e5b6a7c8d9",
        null,
        null,
        "container was killed: out of memory (limit 256 MiB)",
        false,
        null,
        List.of("Indexing attachments...", "token=[redacted]"),
        null,
        Instant.parse("2025-12-03T11:02:00Z"));
  }

  /** The launcher's report that an instance waits for a secret, with only what the record always writes. */
  static LauncherEvent secretsMissingEvent() {
    return new LauncherEvent(
        "e-7c8d9e0f1a2b3c4d5e6f", "node-1", INSTANCE_ID, null, LauncherEventType.SECRETS_MISSING, null,
        null, null, null, null, false, List.of("atlassian.jira.api_token"), null, null,
        Instant.parse("2025-12-03T09:14:28Z"));
  }

  /** Every launcher event sample. */
  static List<LauncherEvent> launcherEvents() {
    return List.of(startedEvent(), oomEvent(), secretsMissingEvent());
  }

  /** Every order sample. */
  static List<LaunchOrder> orders() {
    return List.of(launchOrder(), restartOrder(), removeOrder());
  }

  /** The safe defaults a node starts with, written by the node itself. */
  static PolicySet defaultPolicy() {
    return new PolicySet(
        1,
        List.of(
            new PolicyRule(
                "operators-allow-all", "Operators may do everything.", null, List.of(CallerKind.OPERATOR),
                null, null, null, null, null, null, PolicyEffect.ALLOW, null),
            new PolicyRule(
                "agents-scripts-setup-need-approval", null, List.of(PolicyAction.MCP_SETUP),
                List.of(CallerKind.AGENT, CallerKind.SCRIPT), null, null, null, null, null, null,
                PolicyEffect.REQUIRE_APPROVAL,
                "Agents and scripts need an operator's approval to set servers up."),
            new PolicyRule(
                "agents-scripts-remove-restart", null, List.of(PolicyAction.MCP_REMOVE, PolicyAction.MCP_RESTART),
                List.of(CallerKind.AGENT, CallerKind.SCRIPT), null, null, null, null, null, null,
                PolicyEffect.ALLOW, null),
            new PolicyRule(
                "only-operators-enable-disable", null, List.of(PolicyAction.MCP_ENABLE, PolicyAction.MCP_DISABLE),
                null, null, null, null, null, null, null, PolicyEffect.DENY,
                "Only operators enable or disable catalog entries.")),
        new Actor(CallerKind.SYSTEM, "node-1", null),
        Instant.parse("2025-12-01T07:00:00Z"));
  }

  /** An operator's policy with rules that use every condition, needsSecrets both true and false. */
  static PolicySet customPolicy() {
    return new PolicySet(
        7,
        List.of(
            new PolicyRule(
                "release-bot-jira-read-only",
                "The release bot may set up Jira servers over HTTP without asking.",
                List.of(PolicyAction.MCP_SETUP),
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
                "scripts-only-without-secrets", null, List.of(PolicyAction.MCP_SETUP), List.of(CallerKind.SCRIPT),
                null, null, null, null, false, null, PolicyEffect.ALLOW, null),
            new PolicyRule(
                "deny-the-rest", null, null, null, null, null, null, null, null, null, PolicyEffect.DENY,
                "Not allowed on this node.")),
        ALICE,
        Instant.parse("2025-12-02T16:20:00Z"));
  }

  /** A policy with only what the record always writes: no rules, so everything is denied. */
  static PolicySet minimalPolicy() {
    return new PolicySet(0, null, new Actor(CallerKind.OPERATOR, "alice", null), Instant.parse("2025-12-01T07:00:00Z"));
  }

  /** Every policy sample. */
  static List<PolicySet> policySets() {
    return List.of(defaultPolicy(), customPolicy(), minimalPolicy());
  }
}
