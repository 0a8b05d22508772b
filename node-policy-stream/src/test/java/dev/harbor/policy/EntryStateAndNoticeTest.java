package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.OPERATOR;
import static dev.harbor.policy.PolicyHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.PolicyHarness.Results;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.CatalogEntryState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENABLE, DISABLE and NOTICE commands: the catalog-state topic and audit-only events. */
class EntryStateAndNoticeTest {

  @TempDir Path stateDir;
  private PolicyHarness node;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir).catalog(TestEntries.simple("docker.fetch"));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void an_operator_disables_an_entry_with_a_reason_and_the_change_is_audited() {
    Results results = node.disable(OPERATOR, "docker.fetch", "under review");

    CatalogEntryState state = results.states().getFirst();
    assertThat(results.states()).hasSize(1);
    assertThat(state.catalogId()).isEqualTo("docker.fetch");
    assertThat(state.enabled()).isFalse();
    assertThat(state.reason()).isEqualTo("under review");
    assertThat(state.changedBy()).isEqualTo(OPERATOR);
    assertThat(state.changedAt()).isEqualTo(START);
    assertThat(state.catalogUpdatedAt()).isEqualTo(TestEntries.UPDATED);
    AuditEvent event = results.audit(AuditEventType.ENTRY_DISABLED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.reason()).isEqualTo("under review");
    assertThat(event.action()).isEqualTo("mcp.disable");
    assertThat(event.catalogId()).isEqualTo("docker.fetch");
    assertThat(event.correlationId()).isEqualTo(results.commandId());
  }

  @Test
  void an_operator_enables_a_disabled_entry_again() {
    node.disable(OPERATOR, "docker.fetch", "under review");

    Results results = node.enable(OPERATOR, "docker.fetch");

    assertThat(results.states()).singleElement().satisfies(s -> assertThat(s.enabled()).isTrue());
    assertThat(results.audit(AuditEventType.ENTRY_ENABLED).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(node.setup(OPERATOR, "i-1", "docker.fetch").instance().decision().rule())
        .isEqualTo(PolicyDefaults.OPERATORS);
  }

  @Test
  void an_agent_may_not_disable_an_entry_and_nothing_changes() {
    Results results = node.disable(AGENT, "docker.fetch", "I do not like it");

    assertThat(results.states()).isEmpty();
    AuditEvent event = results.audit(AuditEventType.ENTRY_DISABLED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.reason()).isEqualTo("only operators enable or disable catalog entries");
    assertThat(event.details()).containsEntry("rule", PolicyDefaults.ONLY_OPERATORS_ENABLE);
    assertThat(node.setup(OPERATOR, "i-1", "docker.fetch").instance().decision().rule())
        .isEqualTo(PolicyDefaults.OPERATORS);
  }

  @Test
  void an_agent_may_not_enable_an_entry_either() {
    node.disable(OPERATOR, "docker.fetch", null);

    Results results = node.enable(AGENT, "docker.fetch");

    assertThat(results.states()).isEmpty();
    assertThat(results.audit(AuditEventType.ENTRY_ENABLED).outcome()).isEqualTo(AuditOutcome.DENIED);
  }

  @Test
  void enabling_an_unknown_entry_fails_without_a_state() {
    Results results = node.enable(OPERATOR, "docker.nothing");

    assertThat(results.states()).isEmpty();
    AuditEvent event = results.audit(AuditEventType.ENTRY_ENABLED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.reason()).isEqualTo("unknown catalog entry 'docker.nothing'");
  }

  @Test
  void a_notice_becomes_one_audit_event_with_its_details() {
    Results results = node.notice(AGENT, AuditEventType.CATALOG_SEARCHED, Map.of("q", "github", "hits", "3"));

    AuditEvent event = results.audit(AuditEventType.CATALOG_SEARCHED);
    assertThat(results.audit()).hasSize(1);
    assertThat(results.instances()).isEmpty();
    assertThat(results.states()).isEmpty();
    assertThat(event.details()).isEqualTo(Map.of("q", "github", "hits", "3"));
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.actor()).isEqualTo(AGENT);
    assertThat(event.action()).isEqualTo("catalog.search");
    assertThat(event.correlationId()).isEqualTo(results.commandId());
    assertThat(event.at()).isEqualTo(START);
  }

  @Test
  void a_refusal_noticed_at_the_edge_is_recorded_with_its_outcome_and_reason() {
    Results results =
        node.notice(AGENT, AuditEventType.SETUP_DENIED, Map.of("outcome", "denied", "reason", "catalog entry 'x' not found"));

    AuditEvent event = results.audit(AuditEventType.SETUP_DENIED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.reason()).isEqualTo("catalog entry 'x' not found");
  }

  @Test
  void a_notice_without_an_event_type_records_nothing() {
    Results results = node.notice(OPERATOR, null, Map.of());

    assertThat(results.isEmpty()).isTrue();
  }
}
