package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.NODE;
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
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approving, denying and expiring setups that wait for an operator. */
class ApprovalsTest {

  private static final CatalogEntry GITHUB =
      entry("docker.github").args("--repo", "{{github.repo}}").parameters(parameter("repo", true)).build();
  private static final Map<String, String> CONFIG = Map.of("repo", "acme/app");

  @TempDir Path stateDir;
  private PolicyHarness node;
  private Instance pending;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir).catalog(GITHUB);
    pending = node.setup(AGENT, "i-1", "docker.github", CONFIG).instance();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void an_operators_approval_installs_the_instance_and_orders_the_launch_of_the_approved_spec() {
    Results results = node.approve(OPERATOR, "i-1", pending.approval().specHash());

    Instance installing = results.instance();
    assertThat(installing.status()).isEqualTo(InstanceStatus.INSTALLING);
    assertThat(installing.approvalState()).isEqualTo(ApprovalState.APPROVED);
    assertThat(installing.approval().decidedBy()).isEqualTo(OPERATOR);
    assertThat(installing.approval().decidedAt()).isEqualTo(START);
    assertThat(installing.approval().note()).isEqualTo("looks fine");
    assertThat(installing.requestedBy()).isEqualTo(AGENT);
    LaunchOrder order = results.orders().getFirst();
    assertThat(results.orders()).hasSize(1);
    assertThat(order.type()).isEqualTo(OrderType.LAUNCH);
    assertThat(order.specHash()).isEqualTo(pending.approval().specHash()).isEqualTo(order.spec().hash());
    assertThat(order.spec().args()).containsExactly("--repo", "acme/app");
    assertThat(results.auditTypes())
        .containsExactly(AuditEventType.SETUP_APPROVED, AuditEventType.STATUS_CHANGED, AuditEventType.SETUP_STARTED);
    assertThat(results.audit()).extracting(AuditEvent::correlationId).containsOnly(results.commandId());
    assertThat(order.correlationId()).isEqualTo(results.commandId());
  }

  @Test
  void an_approval_naming_another_spec_hash_is_refused_and_changes_nothing() {
    Results results = node.approve(OPERATOR, "i-1", "0".repeat(64));

    assertRefused(results, "approval does not match this request's launch spec");
  }

  @Test
  void an_approval_without_a_spec_hash_is_refused() {
    assertRefused(node.approve(OPERATOR, "i-1", null), "approval does not match this request's launch spec");
  }

  @Test
  void an_approval_is_refused_when_the_catalog_entry_now_resolves_to_another_spec() {
    node.catalog(entry("docker.github").image("mcp/github-v2").args("--repo", "{{github.repo}}")
        .parameters(parameter("repo", true)).build());

    Results results = node.approve(OPERATOR, "i-1", pending.approval().specHash());

    assertRefused(results, "launch spec changed since the request; ask again");
  }

  @Test
  void an_agent_may_not_approve_and_the_attempt_is_audited_as_denied() {
    Results results = node.approve(AGENT, "i-1", pending.approval().specHash());

    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    AuditEvent attempt = results.audit(AuditEventType.SETUP_APPROVED);
    assertThat(results.audit()).hasSize(1);
    assertThat(attempt.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(attempt.reason()).isEqualTo("only operators approve");
    assertThat(attempt.actor()).isEqualTo(AGENT);
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
  }

  @Test
  void an_approval_of_an_unknown_instance_is_refused() {
    Results results = node.approve(OPERATOR, "i-none", "abc");

    assertThat(results.instances()).isEmpty();
    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason()).isEqualTo("unknown instance 'i-none'");
  }

  @Test
  void an_approval_of_an_instance_that_no_longer_waits_is_refused() {
    node.approve(OPERATOR, "i-1", pending.approval().specHash());

    Results again = node.approve(OPERATOR, "i-1", pending.approval().specHash());

    assertThat(again.instances()).isEmpty();
    assertThat(again.orders()).isEmpty();
    assertThat(again.audit(AuditEventType.TRANSITION_REFUSED).reason())
        .isEqualTo("instance i-1 is installing, not waiting for approval");
  }

  @Test
  void an_operators_denial_denies_the_setup_with_the_operators_note() {
    Results results = node.deny(OPERATOR, "i-1", "not on this machine");

    Instance denied = results.instance();
    assertThat(denied.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(denied.approvalState()).isEqualTo(ApprovalState.DENIED);
    assertThat(denied.approval().decidedBy()).isEqualTo(OPERATOR);
    assertThat(denied.approval().note()).isEqualTo("not on this machine");
    assertThat(denied.errorMessage()).isEqualTo("denied by operator alice: not on this machine");
    assertThat(results.orders()).isEmpty();
    AuditEvent event = results.audit(AuditEventType.SETUP_DENIED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.reason()).isEqualTo("not on this machine");
    assertThat(event.correlationId()).isEqualTo(results.commandId());
  }

  @Test
  void an_agent_may_not_deny() {
    Results results = node.deny(AGENT, "i-1", "never mind");

    assertThat(results.instances()).isEmpty();
    assertThat(results.audit(AuditEventType.SETUP_DENIED).reason()).isEqualTo("only operators deny");
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
  }

  @Test
  void a_denied_setup_frees_its_catalog_entry() {
    node.deny(OPERATOR, "i-1", null);

    assertThat(node.setup(OPERATOR, "i-2", "docker.github", CONFIG).instance().status())
        .isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void an_unanswered_request_expires_on_wall_clock_time_and_is_denied_by_the_node_itself() {
    Results before = node.advance(PolicySettings.DEFAULT_APPROVAL_TTL.minusMinutes(1));
    assertThat(before.isEmpty()).isTrue();

    Results expiry = node.advance(Duration.ofMinutes(2));

    Instance expired = expiry.instance();
    Actor system = new Actor(CallerKind.SYSTEM, NODE, null);
    assertThat(expired.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(expired.approvalState()).isEqualTo(ApprovalState.EXPIRED);
    assertThat(expired.approval().decidedAt()).isNotNull();
    assertThat(expired.errorMessage()).isEqualTo("approval expired");
    assertThat(expired.lastCorrelationId()).isEqualTo(pending.lastCorrelationId());
    AuditEvent denied = expiry.audit(AuditEventType.SETUP_DENIED);
    assertThat(denied.actor()).isEqualTo(system);
    assertThat(denied.reason()).isEqualTo("approval expired");
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.correlationId()).isNull();
    assertThat(expiry.audit(AuditEventType.STATUS_CHANGED).actor()).isEqualTo(system);
    assertThat(expiry.orders()).isEmpty();
    assertThat(node.advance(Duration.ofHours(1)).isEmpty()).isTrue();
  }

  @Test
  void an_approval_after_the_deadline_is_refused_even_before_the_expiry_check_runs(@TempDir Path otherDir) {
    PolicySettings settings = new PolicySettings(Duration.ofMinutes(5), Duration.ofHours(1), null);
    try (PolicyHarness slow = new PolicyHarness(otherDir, settings).catalog(GITHUB)) {
      Instance waiting = slow.setup(AGENT, "i-1", "docker.github", CONFIG).instance();
      slow.advance(Duration.ofMinutes(6));

      Results late = slow.approve(OPERATOR, "i-1", waiting.approval().specHash());

      assertThat(late.instances()).isEmpty();
      assertThat(late.orders()).isEmpty();
      assertThat(late.audit(AuditEventType.TRANSITION_REFUSED).reason()).isEqualTo("approval expired");
      assertThat(slow.advance(Duration.ofHours(1)).instance().approvalState()).isEqualTo(ApprovalState.EXPIRED);
    }
  }

  @Test
  void an_approved_request_never_expires() {
    node.approve(OPERATOR, "i-1", pending.approval().specHash());

    assertThat(node.advance(PolicySettings.DEFAULT_APPROVAL_TTL.plusHours(1)).isEmpty()).isTrue();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  private void assertRefused(Results results, String reason) {
    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    AuditEvent refused = results.audit(AuditEventType.TRANSITION_REFUSED);
    assertThat(results.audit()).hasSize(1);
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(refused.reason()).isEqualTo(reason);
    assertThat(refused.correlationId()).isEqualTo(results.commandId());
    assertThat(refused.instanceId()).isEqualTo("i-1");
    assertThat(node.stored("i-1")).isEqualTo(pending);
  }
}
