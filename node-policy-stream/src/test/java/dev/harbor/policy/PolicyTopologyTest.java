package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.OPERATOR;
import static dev.harbor.policy.PolicyHarness.START;
import static dev.harbor.policy.TestEntries.entry;
import static dev.harbor.policy.TestEntries.parameter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.PolicyHarness.Results;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyEffect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the policy stream decides SETUP commands: the checks before policy, then policy. */
class PolicyTopologyTest {

  private static final CatalogEntry GITHUB =
      entry("docker.github").tags("github").args("--repo", "{{github.repo}}")
          .parameters(parameter("repo", true)).build();
  private static final CatalogEntry FETCH = TestEntries.simple("docker.fetch");

  @TempDir Path stateDir;
  private PolicyHarness node;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir).catalog(GITHUB, FETCH);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void an_agent_setup_waits_for_approval_bound_to_the_spec_hash_and_orders_nothing() {
    Results results = node.setup(AGENT, "i-1", "docker.github", Map.of("repo", "acme/app"));

    Instance instance = results.instance();
    String expectedHash =
        LaunchSpecs.resolve(GITHUB, Map.of("repo", "acme/app"), PolicySettings.DEFAULT_GUARDRAIL_PROFILE).hash();
    assertThat(instance.status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
    assertThat(instance.approvalState()).isEqualTo(ApprovalState.PENDING);
    assertThat(instance.approval().specHash()).isEqualTo(expectedHash);
    assertThat(instance.specHash()).isEqualTo(expectedHash);
    assertThat(instance.approval().requestedAt()).isEqualTo(START);
    assertThat(instance.approval().expiresAt()).isEqualTo(START.plus(PolicySettings.DEFAULT_APPROVAL_TTL));
    assertThat(instance.decision().effect()).isEqualTo(PolicyEffect.REQUIRE_APPROVAL);
    assertThat(instance.decision().rule()).isEqualTo(PolicyDefaults.AGENT_SETUP);
    assertThat(instance.requestedBy()).isEqualTo(AGENT);
    assertThat(instance.config()).containsEntry("repo", "acme/app");
    assertThat(results.orders()).isEmpty();
    assertThat(results.audit(AuditEventType.SETUP_REQUESTED).outcome()).isEqualTo(AuditOutcome.PENDING);
    assertThat(results.auditTypes()).doesNotContain(AuditEventType.SETUP_STARTED);
  }

  @Test
  void an_operator_setup_installs_at_once_and_orders_the_launch_with_the_spec() {
    Results results = node.setup(OPERATOR, "i-1", "docker.github", Map.of("repo", "acme/app"));

    Instance instance = results.instance();
    assertThat(instance.status()).isEqualTo(InstanceStatus.INSTALLING);
    assertThat(instance.approvalState()).isEqualTo(ApprovalState.NOT_REQUIRED);
    assertThat(instance.approval()).isNull();
    assertThat(instance.decision().effect()).isEqualTo(PolicyEffect.ALLOW);
    assertThat(instance.decision().rule()).isEqualTo(PolicyDefaults.OPERATORS);
    assertThat(instance.dockerImage()).isEqualTo("mcp/docker-github:1.0");
    LaunchOrder order = results.orders().getFirst();
    assertThat(results.orders()).hasSize(1);
    assertThat(order.type()).isEqualTo(OrderType.LAUNCH);
    assertThat(order.instanceId()).isEqualTo("i-1");
    assertThat(order.spec().args()).containsExactly("--repo", "acme/app");
    assertThat(order.specHash()).isEqualTo(order.spec().hash()).isEqualTo(instance.specHash());
    assertThat(results.auditTypes())
        .containsExactly(AuditEventType.SETUP_REQUESTED, AuditEventType.STATUS_CHANGED, AuditEventType.SETUP_STARTED);
    assertThat(results.audit(AuditEventType.SETUP_REQUESTED).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(results.audit(AuditEventType.STATUS_CHANGED).details())
        .containsEntry("from", "requested").containsEntry("to", "installing");
  }

  @Test
  void every_output_of_a_setup_carries_the_commands_correlation_id_and_its_subject_key() {
    Results results = node.setup(OPERATOR, "i-1", "docker.github", Map.of("repo", "acme/app"));

    assertThat(results.instance().lastCorrelationId()).isEqualTo(results.commandId());
    assertThat(results.orders()).extracting(LaunchOrder::correlationId).containsOnly(results.commandId());
    assertThat(results.audit()).extracting(AuditEvent::correlationId).containsOnly(results.commandId());
    assertThat(results.audit()).extracting(AuditEvent::instanceId).containsOnly("i-1");
    assertThat(results.audit()).extracting(AuditEvent::catalogId).containsOnly("docker.github");
    assertThat(results.audit()).extracting(AuditEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void a_setup_of_an_unknown_entry_leaves_a_denied_instance_naming_the_catalog_check() {
    Results results = node.setup(OPERATOR, "i-1", "docker.nothing");

    Instance instance = results.instance();
    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.catalogId()).isEqualTo("docker.nothing");
    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CATALOG);
    assertThat(instance.decision().reason()).isEqualTo("unknown catalog entry 'docker.nothing'");
    assertThat(instance.errorMessage()).isEqualTo("unknown catalog entry 'docker.nothing'");
    assertThat(instance.specHash()).isNull();
    assertThat(results.orders()).isEmpty();
    AuditEvent denied = results.audit(AuditEventType.SETUP_DENIED);
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.reason()).isEqualTo("unknown catalog entry 'docker.nothing'");
  }

  @Test
  void a_setup_that_names_no_catalog_entry_is_refused_in_the_audit_without_leaving_an_instance() {
    Results results = node.send(node.command(CommandType.SETUP, AGENT, "i-1", " "));

    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    AuditEvent denied = results.audit(AuditEventType.SETUP_DENIED);
    assertThat(denied.reason()).isEqualTo("a setup must name a catalog entry");
    assertThat(denied.instanceId()).isEqualTo("i-1");
    assertThat(denied.correlationId()).isEqualTo(results.commandId());
    assertThat(node.stored("i-1")).isNull();
  }

  @Test
  void odd_but_valid_catalog_data_is_decided_rather_than_stopping_the_stream() {
    node.catalog(new CatalogEntry("docker.odd", " ", " ", null, null, null, null, null, null, null, " ", null, null,
        null, LauncherKind.DOCKER, true, null, null, null,
        List.of(new ParameterSpec("level", null, null, false, null)),
        null, null, null, null, null, null, null, null, null, null, null, null, null,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "t", null, null, null),
        START, START));

    Instance instance = node.setup(OPERATOR, "i-1", "docker.odd", Map.of("level", "debug")).instance();

    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CATALOG);
    assertThat(instance.slug()).isEqualTo("docker.odd");
    assertThat(instance.name()).isEqualTo("docker.odd");
    assertThat(node.setup(OPERATOR, "i-2", "docker.fetch").instance().status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void a_setup_with_a_blank_instance_id_gets_one_derived_from_the_command() {
    Results results = node.send(node.command(CommandType.SETUP, OPERATOR, "  ", "docker.fetch"));

    assertThat(results.instance().id()).isEqualTo(SetupHandler.derivedId(results.commandId()));
  }

  @Test
  void an_entry_the_hub_removed_from_the_catalog_is_unknown_to_a_new_setup() {
    node.removeFromCatalog("docker.fetch");

    Instance instance = node.setup(OPERATOR, "i-1", "docker.fetch").instance();

    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().reason()).isEqualTo("unknown catalog entry 'docker.fetch'");
  }

  @Test
  void a_setup_of_an_entry_disabled_on_this_node_is_denied_before_policy_naming_who_disabled_it() {
    node.disable(OPERATOR, "docker.fetch", "under review");

    Results results = node.setup(OPERATOR, "i-1", "docker.fetch");

    Instance instance = results.instance();
    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.NODE_STATE);
    assertThat(instance.decision().reason())
        .isEqualTo("catalog entry disabled on this node by alice: under review");
    assertThat(results.orders()).isEmpty();
  }

  @Test
  void an_entry_disabled_before_the_policy_stream_existed_is_still_refused() {
    node.publishedState(new CatalogEntryState("docker.fetch", false, null,
        new Actor(CallerKind.OPERATOR, "bob", null), START.minusSeconds(3600), null));

    Instance instance = node.setup(OPERATOR, "i-1", "docker.fetch").instance();

    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.NODE_STATE);
    assertThat(instance.decision().reason()).isEqualTo("catalog entry disabled on this node by bob");
  }

  @Test
  void an_entry_enabled_again_by_the_stream_wins_over_an_older_published_disable() {
    node.publishedState(new CatalogEntryState("docker.fetch", false, null,
        new Actor(CallerKind.OPERATOR, "bob", null), START.minusSeconds(3600), null));
    node.enable(OPERATOR, "docker.fetch");

    assertThat(node.setup(OPERATOR, "i-1", "docker.fetch").instance().status())
        .isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void a_setup_of_an_entry_that_cannot_be_launched_is_denied_with_the_entrys_reason() {
    node.catalog(entry("official.remote").notLaunchable("hosted remote server").build());

    Instance instance = node.setup(OPERATOR, "i-1", "official.remote").instance();

    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CATALOG);
    assertThat(instance.decision().reason()).isEqualTo("hosted remote server");
  }

  @Test
  void a_config_value_that_looks_like_a_flag_is_denied_by_the_config_check() {
    Instance instance = node.setup(OPERATOR, "i-1", "docker.github", Map.of("repo", "--privileged")).instance();

    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CONFIG);
    assertThat(instance.decision().reason()).startsWith("config.repo: must not start with '-'");
  }

  @Test
  void a_config_value_with_a_control_character_is_denied_by_the_config_check() {
    Instance instance = node.setup(OPERATOR, "i-1", "docker.github", Map.of("repo", "a\nb")).instance();

    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CONFIG);
    assertThat(instance.decision().reason()).isEqualTo("config.repo: must not contain control characters");
  }

  @Test
  void an_unknown_config_key_is_denied_by_the_config_check() {
    Instance instance =
        node.setup(OPERATOR, "i-1", "docker.github", Map.of("repo", "a/b", "shell", "sh")).instance();

    assertThat(instance.decision().rule()).isEqualTo(SetupChecks.CONFIG);
    assertThat(instance.decision().reason()).startsWith("config.shell: unknown parameter");
  }

  @Test
  void a_missing_required_parameter_is_denied_by_the_config_check() {
    Results results = node.setup(OPERATOR, "i-1", "docker.github");

    assertThat(results.instance().decision().rule()).isEqualTo(SetupChecks.CONFIG);
    assertThat(results.instance().decision().reason()).isEqualTo("config.repo: is required");
    assertThat(results.orders()).isEmpty();
  }

  @Test
  void a_second_setup_of_an_entry_that_is_set_up_already_is_denied_as_a_duplicate() {
    node.setup(AGENT, "i-1", "docker.fetch");

    Results second = node.setup(OPERATOR, "i-2", "docker.fetch");

    assertThat(second.instance().id()).isEqualTo("i-2");
    assertThat(second.instance().status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(second.instance().decision().rule()).isEqualTo(SetupChecks.DUPLICATE);
    assertThat(second.instance().decision().reason()).isEqualTo("already set up as instance i-1");
    assertThat(second.orders()).isEmpty();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
  }

  @Test
  void a_repeated_setup_with_the_same_instance_id_produces_nothing() {
    node.setup(OPERATOR, "i-1", "docker.fetch");

    Results repeat = node.setup(OPERATOR, "i-1", "docker.fetch");

    assertThat(repeat.isEmpty()).isTrue();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void a_failed_instance_does_not_block_a_new_setup_of_its_entry() {
    node.seed(instance("i-old", "docker.fetch", InstanceStatus.FAILED, OPERATOR));

    assertThat(node.setup(OPERATOR, "i-new", "docker.fetch").instance().status())
        .isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void a_setup_without_an_instance_id_gets_one_derived_from_the_command() {
    Results results = node.send(node.command(CommandType.SETUP, OPERATOR, null, "docker.fetch"));

    assertThat(results.instance().id()).isEqualTo(SetupHandler.derivedId(results.commandId())).startsWith("i-");
  }

  @Test
  void a_spec_carries_the_configured_guardrail_profile(@TempDir Path otherDir) {
    try (PolicyHarness strict = new PolicyHarness(otherDir, new PolicySettings(null, null, "locked-down"))) {
      strict.catalog(FETCH);
      LaunchSpec spec = strict.setup(OPERATOR, "i-1", "docker.fetch").orders().getFirst().spec();
      assertThat(spec.guardrailProfile()).isEqualTo("locked-down");
    }
    LaunchSpec standard = node.setup(OPERATOR, "i-1", "docker.fetch").orders().getFirst().spec();
    assertThat(standard.guardrailProfile()).isEqualTo("restricted");
  }

  static Instance instance(String id, String catalogId, InstanceStatus status, Actor requestedBy) {
    CatalogEntry entry = TestEntries.simple(catalogId);
    LaunchSpec spec = LaunchSpecs.resolve(entry, Map.of(), PolicySettings.DEFAULT_GUARDRAIL_PROFILE);
    return new Instance(id, PolicyHarness.NODE, catalogId, entry.slug(), entry.name(), status, requestedBy,
        Map.of(), null, null, ApprovalState.NOT_REQUIRED, null, spec.hash(), "harbor-" + id,
        LaunchSpecs.imageReference(spec), entry.transport(), Map.of(), null, null, START.minusSeconds(600),
        START.minusSeconds(60), START.minusSeconds(300), null, "cmd-seed");
  }
}
