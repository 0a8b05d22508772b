package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.OPERATOR;
import static dev.harbor.policy.PolicyHarness.OTHER_AGENT;
import static dev.harbor.policy.PolicyHarness.SCRIPT;
import static dev.harbor.policy.PolicyTopologyTest.instance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.PolicyHarness.Results;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REMOVE and RESTART: policy, ownership and the lifecycle. */
class InstanceCommandsTest {

  @TempDir Path stateDir;
  private PolicyHarness node;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir).catalog(TestEntries.simple("docker.fetch"), TestEntries.simple("docker.time"));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void an_agent_may_not_remove_an_instance_another_agent_requested() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, AGENT));

    Results results = node.remove(OTHER_AGENT, "i-1");

    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    AuditEvent denied = results.audit(AuditEventType.REMOVE_REQUESTED);
    assertThat(results.audit()).hasSize(1);
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.reason()).isEqualTo("agents may remove only instances they requested");
    assertThat(denied.correlationId()).isEqualTo(results.commandId());
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.ACTIVE);
  }

  @Test
  void a_script_with_the_agents_name_is_not_its_owner() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, AGENT));

    Results results = node.remove(new Actor(SCRIPT.kind(), AGENT.name(), null), "i-1");

    assertThat(results.audit(AuditEventType.REMOVE_REQUESTED).reason())
        .isEqualTo("scripts may remove only instances they requested");
  }

  @Test
  void the_owner_removes_a_running_instance_through_a_remove_order() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, AGENT));

    Results results = node.remove(AGENT, "i-1");

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.REMOVING);
    assertThat(results.instance().lastCorrelationId()).isEqualTo(results.commandId());
    LaunchOrder order = results.orders().getFirst();
    assertThat(results.orders()).hasSize(1);
    assertThat(order.type()).isEqualTo(OrderType.REMOVE);
    assertThat(order.instanceId()).isEqualTo("i-1");
    assertThat(order.spec()).isNull();
    assertThat(order.correlationId()).isEqualTo(results.commandId());
    assertThat(results.audit(AuditEventType.REMOVE_REQUESTED).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(results.audit(AuditEventType.STATUS_CHANGED).details())
        .containsEntry("from", "active").containsEntry("to", "removing");
  }

  @Test
  void an_operator_removes_any_instance() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.FAILED, AGENT));

    assertThat(node.remove(OPERATOR, "i-1").instance().status()).isEqualTo(InstanceStatus.REMOVING);
  }

  @Test
  void removing_a_setup_that_waits_for_approval_removes_it_at_once_without_an_order() {
    node.setup(AGENT, "i-1", "docker.fetch");

    Results results = node.remove(AGENT, "i-1");

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.REMOVED);
    assertThat(results.orders()).isEmpty();
    assertThat(results.audit(AuditEventType.REMOVE_SUCCEEDED).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(node.advance(PolicySettings.DEFAULT_APPROVAL_TTL.plusMinutes(1)).isEmpty()).isTrue();
    assertThat(node.setup(OPERATOR, "i-2", "docker.fetch").instance().status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void removing_an_instance_that_is_removing_already_is_refused_without_a_second_order() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.REMOVING, AGENT));

    Results results = node.remove(OPERATOR, "i-1");

    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    AuditEvent refused = results.audit(AuditEventType.TRANSITION_REFUSED);
    assertThat(refused.reason()).isEqualTo("instance i-1 is removing and cannot be removed");
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(refused.details()).containsEntry("status", "removing");
  }

  @Test
  void removing_a_denied_instance_is_refused() {
    node.setup(OPERATOR, "i-1", "docker.nothing");

    Results results = node.remove(OPERATOR, "i-1");

    assertThat(results.instances()).isEmpty();
    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason())
        .isEqualTo("instance i-1 is denied and cannot be removed");
  }

  @Test
  void removing_an_unknown_instance_is_refused() {
    Results results = node.remove(OPERATOR, "i-none");

    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason()).isEqualTo("unknown instance 'i-none'");
  }

  @Test
  void restarting_an_active_instance_reinstalls_it_with_a_restart_order_for_the_same_spec() {
    Instance active = instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, AGENT);
    node.seed(active);

    Results results = node.restart(AGENT, "i-1");

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.INSTALLING);
    LaunchOrder order = results.orders().getFirst();
    assertThat(order.type()).isEqualTo(OrderType.RESTART);
    assertThat(order.specHash()).isEqualTo(active.specHash()).isEqualTo(order.spec().hash());
    assertThat(results.auditTypes())
        .containsExactly(AuditEventType.INSTANCE_RESTART_REQUESTED, AuditEventType.STATUS_CHANGED);
    assertThat(results.audit()).extracting(AuditEvent::correlationId).containsOnly(results.commandId());
  }

  @Test
  void restarting_a_degraded_or_failed_instance_is_allowed() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.DEGRADED, OPERATOR));
    node.seed(instance("i-2", "docker.time", InstanceStatus.FAILED, OPERATOR));

    assertThat(node.restart(OPERATOR, "i-1").instance().status()).isEqualTo(InstanceStatus.INSTALLING);
    assertThat(node.restart(OPERATOR, "i-2").instance().status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void restarting_an_instance_that_is_not_running_is_refused_and_changes_nothing() {
    node.setup(OPERATOR, "i-1", "docker.fetch");

    Results results = node.restart(OPERATOR, "i-1");

    assertThat(results.instances()).isEmpty();
    assertThat(results.orders()).isEmpty();
    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason())
        .isEqualTo("instance i-1 is installing; only active, degraded or failed instances restart");
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void an_agent_may_not_restart_an_instance_another_agent_requested() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, AGENT));

    Results results = node.restart(OTHER_AGENT, "i-1");

    assertThat(results.instances()).isEmpty();
    AuditEvent denied = results.audit(AuditEventType.INSTANCE_RESTART_REQUESTED);
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.reason()).isEqualTo("agents may restart only instances they requested");
  }

  @Test
  void a_failed_instance_does_not_restart_while_another_instance_holds_its_entry() {
    node.seed(instance("i-old", "docker.fetch", InstanceStatus.FAILED, OPERATOR));
    node.setup(OPERATOR, "i-new", "docker.fetch");

    Results results = node.restart(OPERATOR, "i-old");

    assertThat(results.instances()).isEmpty();
    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason())
        .isEqualTo("instance i-new of docker.fetch is set up already; remove it first");
  }

  @Test
  void a_restart_is_refused_when_the_catalog_entry_now_resolves_to_another_spec() {
    node.seed(instance("i-1", "docker.fetch", InstanceStatus.ACTIVE, OPERATOR));
    node.catalog(TestEntries.entry("docker.fetch").image("mcp/fetch-v2").build());

    Results results = node.restart(OPERATOR, "i-1");

    assertThat(results.orders()).isEmpty();
    assertThat(results.audit(AuditEventType.TRANSITION_REFUSED).reason())
        .isEqualTo("launch spec changed since the instance was set up; remove it and set it up again");
  }
}
