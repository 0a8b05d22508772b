package dev.harbor.node.instance;

import static dev.harbor.schemas.instance.InstanceStatus.ACTIVE;
import static dev.harbor.schemas.instance.InstanceStatus.DEGRADED;
import static dev.harbor.schemas.instance.InstanceStatus.DENIED;
import static dev.harbor.schemas.instance.InstanceStatus.FAILED;
import static dev.harbor.schemas.instance.InstanceStatus.INSTALLING;
import static dev.harbor.schemas.instance.InstanceStatus.PENDING_APPROVAL;
import static dev.harbor.schemas.instance.InstanceStatus.REMOVED;
import static dev.harbor.schemas.instance.InstanceStatus.REMOVING;
import static dev.harbor.schemas.instance.InstanceStatus.REQUESTED;
import static dev.harbor.schemas.instance.InstanceStatus.SECRET_MISSING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.instance.InstanceStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstanceActionTest {

  @Test
  void anInstanceCanBeRemovedUnlessItIsAlreadyGoingOrGone() {
    assertThat(legal(InstanceAction.REMOVE))
        .isEqualTo(EnumSet.of(REQUESTED, PENDING_APPROVAL, INSTALLING, SECRET_MISSING, ACTIVE, DEGRADED, FAILED));
  }

  @Test
  void onlyARunningOrFailedInstanceCanBeRestarted() {
    assertThat(legal(InstanceAction.RESTART)).isEqualTo(EnumSet.of(ACTIVE, DEGRADED, FAILED));
  }

  @Test
  void onlyAPendingApprovalCanBeApprovedOrDenied() {
    assertThat(legal(InstanceAction.APPROVE)).containsExactly(PENDING_APPROVAL);
    assertThat(legal(InstanceAction.DENY)).containsExactly(PENDING_APPROVAL);
    assertThat(legal(InstanceAction.DENY)).doesNotContain(REMOVING, REMOVED, DENIED);
  }

  private static Set<InstanceStatus> legal(InstanceAction action) {
    return Arrays.stream(InstanceStatus.values()).filter(action::legalFrom)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(InstanceStatus.class)));
  }
}
