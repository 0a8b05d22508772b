package dev.harbor.sdk;

import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.Instance;

/**
 * The setup waits for an operator's approval ({@code pending_approval}), and the caller did not ask
 * {@link HarborClient#setupAndWait} to wait through it. Nothing failed: once an operator approves,
 * {@link HarborClient#awaitActive} follows the instance on to {@code active}.
 */
public class ApprovalRequiredException extends SetupException {

  public ApprovalRequiredException(Instance instance) {
    super(instance, "waiting for an operator's approval"
        + (instance.decision() == null || instance.decision().reason() == null ? ""
            : " (" + instance.decision().reason() + ")"));
  }

  /** The pending approval: the launch spec hash it is bound to and when it expires. */
  public Approval approval() {
    return instance().approval();
  }
}
