package dev.harbor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.instance.InstanceStatus;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void a_setup_decision_takes_a_requested_instance_to_installing_pending_or_denied() {
    assertThat(Lifecycle.next(InstanceStatus.REQUESTED, Trigger.SETUP_ALLOWED)).contains(InstanceStatus.INSTALLING);
    assertThat(Lifecycle.next(InstanceStatus.REQUESTED, Trigger.APPROVAL_REQUIRED)).contains(InstanceStatus.PENDING_APPROVAL);
    assertThat(Lifecycle.next(InstanceStatus.REQUESTED, Trigger.SETUP_DENIED)).contains(InstanceStatus.DENIED);
  }

  @Test
  void only_a_pending_instance_is_approved_denied_or_expired() {
    for (InstanceStatus status : InstanceStatus.values()) {
      boolean pending = status == InstanceStatus.PENDING_APPROVAL;
      assertThat(Lifecycle.next(status, Trigger.APPROVED).isPresent()).as("approve %s", status).isEqualTo(pending);
      assertThat(Lifecycle.next(status, Trigger.APPROVAL_EXPIRED).isPresent()).as("expire %s", status).isEqualTo(pending);
    }
    assertThat(Lifecycle.next(InstanceStatus.PENDING_APPROVAL, Trigger.APPROVED)).contains(InstanceStatus.INSTALLING);
    assertThat(Lifecycle.next(InstanceStatus.PENDING_APPROVAL, Trigger.APPROVAL_EXPIRED)).contains(InstanceStatus.DENIED);
  }

  @Test
  void a_restart_starts_only_from_active_degraded_or_failed() {
    Set<InstanceStatus> restartable = EnumSet.noneOf(InstanceStatus.class);
    for (InstanceStatus status : InstanceStatus.values()) {
      Lifecycle.next(status, Trigger.RESTART).ifPresent(to -> {
        assertThat(to).isEqualTo(InstanceStatus.INSTALLING);
        restartable.add(status);
      });
    }
    assertThat(restartable).containsExactlyInAnyOrder(InstanceStatus.ACTIVE, InstanceStatus.DEGRADED, InstanceStatus.FAILED);
  }

  @Test
  void a_remove_ends_an_instance_that_never_ran_and_orders_the_removal_of_one_that_did() {
    assertThat(Lifecycle.next(InstanceStatus.REQUESTED, Trigger.REMOVE)).contains(InstanceStatus.REMOVED);
    assertThat(Lifecycle.next(InstanceStatus.PENDING_APPROVAL, Trigger.REMOVE)).contains(InstanceStatus.REMOVED);
    for (InstanceStatus running : EnumSet.of(InstanceStatus.INSTALLING, InstanceStatus.ACTIVE, InstanceStatus.DEGRADED, InstanceStatus.FAILED)) {
      assertThat(Lifecycle.next(running, Trigger.REMOVE)).as("remove %s", running).contains(InstanceStatus.REMOVING);
    }
    for (InstanceStatus gone : EnumSet.of(InstanceStatus.REMOVING, InstanceStatus.REMOVED, InstanceStatus.DENIED)) {
      assertThat(Lifecycle.next(gone, Trigger.REMOVE)).as("remove %s", gone).isEmpty();
    }
  }

  @Test
  void removed_and_denied_are_final_and_nothing_else_is() {
    for (InstanceStatus status : InstanceStatus.values()) {
      boolean end = status == InstanceStatus.REMOVED || status == InstanceStatus.DENIED;
      assertThat(Lifecycle.isFinal(status)).as("%s", status).isEqualTo(end);
    }
    assertThat(Lifecycle.allowed(InstanceStatus.REMOVED, InstanceStatus.INSTALLING)).isFalse();
    assertThat(Lifecycle.allowed(InstanceStatus.DENIED, InstanceStatus.PENDING_APPROVAL)).isFalse();
  }

  @Test
  void no_transition_goes_back_to_requested_or_pending_approval_from_a_later_status() {
    for (Lifecycle.Transition transition : Lifecycle.transitions()) {
      assertThat(transition.to()).isNotEqualTo(InstanceStatus.REQUESTED);
      if (transition.to() == InstanceStatus.PENDING_APPROVAL) {
        assertThat(transition.from()).isEqualTo(InstanceStatus.REQUESTED);
      }
    }
  }

  @Test
  void the_launchers_reports_move_a_running_instance_between_active_degraded_and_failed() {
    assertThat(Lifecycle.next(InstanceStatus.INSTALLING, Trigger.STARTED)).contains(InstanceStatus.ACTIVE);
    assertThat(Lifecycle.next(InstanceStatus.ACTIVE, Trigger.UNHEALTHY)).contains(InstanceStatus.DEGRADED);
    assertThat(Lifecycle.next(InstanceStatus.DEGRADED, Trigger.STARTED)).contains(InstanceStatus.ACTIVE);
    assertThat(Lifecycle.next(InstanceStatus.ACTIVE, Trigger.FAILED)).contains(InstanceStatus.FAILED);
    assertThat(Lifecycle.next(InstanceStatus.REMOVING, Trigger.CONTAINER_REMOVED)).contains(InstanceStatus.REMOVED);
    assertThat(Lifecycle.next(InstanceStatus.PENDING_APPROVAL, Trigger.STARTED)).isEmpty();
    assertThat(Lifecycle.next(InstanceStatus.REMOVED, Trigger.CONTAINER_REMOVED)).isEmpty();
  }

  @Test
  void live_statuses_are_those_that_hold_a_catalog_entry() {
    assertThat(EnumSet.allOf(InstanceStatus.class).stream().filter(Lifecycle::isLive))
        .containsExactlyInAnyOrder(InstanceStatus.REQUESTED, InstanceStatus.PENDING_APPROVAL, InstanceStatus.INSTALLING,
            InstanceStatus.SECRET_MISSING, InstanceStatus.ACTIVE, InstanceStatus.DEGRADED, InstanceStatus.REMOVING);
  }
}
