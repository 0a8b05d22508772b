package dev.harbor.schemas;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
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
        LauncherKind.PACKAGE, false, null, null, null, null, null, null, null, null, null, null, null,
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

  /** Every audit sample. */
  static List<AuditEvent> events() {
    return List.of(launchSucceeded(), minimalEvent());
  }
}
