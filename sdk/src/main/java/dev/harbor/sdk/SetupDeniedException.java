package dev.harbor.sdk;

import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import java.util.Optional;

/**
 * The setup ended {@code denied}: a check or a policy rule refused it, an operator denied the
 * approval, or the approval expired. {@link #rule()} names the rule or check ({@code catalog},
 * {@code config}, {@code duplicate}, a policy rule id); {@link #reason()} says why.
 */
public class SetupDeniedException extends SetupException {

  public SetupDeniedException(Instance instance) {
    super(instance, reasonOf(instance));
  }

  /** The rule or check that decided, when the instance carries a decision. */
  public Optional<String> rule() {
    return Optional.ofNullable(instance().decision()).map(Decision::rule);
  }

  /** Why: the operator's note or the expiry for a denied approval, else the decision's reason. */
  public String reason() {
    return reasonOf(instance());
  }

  static String reasonOf(Instance instance) {
    Approval approval = instance.approval();
    if (approval != null && approval.state() == ApprovalState.DENIED) {
      String by = approval.decidedBy() == null ? "an operator" : approval.decidedBy().name();
      return "denied by " + by + (approval.note() == null ? "" : ": " + approval.note());
    }
    if (instance.errorMessage() != null) {
      return instance.errorMessage();
    }
    Decision decision = instance.decision();
    if (decision != null && decision.reason() != null) {
      return decision.reason();
    }
    return decision == null ? "denied" : "denied by rule " + decision.rule();
  }
}
