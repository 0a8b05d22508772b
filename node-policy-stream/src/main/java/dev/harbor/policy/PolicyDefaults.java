package dev.harbor.policy;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The policy a node follows until someone publishes its own: operators may do everything; agents
 * and scripts need an operator's approval to set a server up, may remove and restart instances (the
 * policy stream lets them touch only the instances they requested), and may not enable or disable
 * catalog entries; anything else is denied by {@link PolicyEngine#DEFAULT_DENY}.
 */
public final class PolicyDefaults {

  /** Operators may do everything. */
  public static final String OPERATORS = "operators-allow-all";

  /** Agents and scripts ask an operator before a server is set up. */
  public static final String AGENT_SETUP = "agent-setup-needs-approval";

  /** Agents and scripts may remove and restart (their own) instances. */
  public static final String AGENT_REMOVE_RESTART = "agent-remove-restart-own";

  /** Only operators enable and disable catalog entries. */
  public static final String ONLY_OPERATORS_ENABLE = "only-operators-enable-disable";

  private static final List<CallerKind> AGENTS_AND_SCRIPTS = List.of(CallerKind.AGENT, CallerKind.SCRIPT);

  private static final List<PolicyRule> RULES =
      List.of(
          rule(OPERATORS, "Operators may do everything.", List.of(), List.of(CallerKind.OPERATOR),
              PolicyEffect.ALLOW, null),
          rule(AGENT_SETUP, "Agents and scripts ask an operator before a server is set up.",
              List.of(PolicyAction.MCP_SETUP), AGENTS_AND_SCRIPTS, PolicyEffect.REQUIRE_APPROVAL,
              "agents and scripts need an operator's approval to set up a server"),
          rule(AGENT_REMOVE_RESTART,
              "Agents and scripts may remove and restart instances; the node lets them touch only"
                  + " the instances they requested.",
              List.of(PolicyAction.MCP_REMOVE, PolicyAction.MCP_RESTART), AGENTS_AND_SCRIPTS,
              PolicyEffect.ALLOW, null),
          rule(ONLY_OPERATORS_ENABLE, "Only operators enable and disable catalog entries.",
              List.of(PolicyAction.MCP_ENABLE, PolicyAction.MCP_DISABLE), List.of(),
              PolicyEffect.DENY, "only operators enable or disable catalog entries"));

  private PolicyDefaults() {}

  /** The default rules, in the order they are tried. */
  public static List<PolicyRule> rules() {
    return RULES;
  }

  /** The default policy as version 0, made by the Harbor defaults. */
  public static PolicySet policySet(Instant now) {
    return new PolicySet(0, RULES, new Actor(CallerKind.SYSTEM, "harbor-defaults", null), now);
  }

  /** The default policy as version 0, made by the node itself (a system actor named after it). */
  public static PolicySet policySet(String nodeId, Instant now) {
    return new PolicySet(0, RULES, new Actor(CallerKind.SYSTEM, Topics.requireNodeId(nodeId), null), now);
  }

  private static PolicyRule rule(
      String id,
      String description,
      List<PolicyAction> actions,
      List<CallerKind> kinds,
      PolicyEffect effect,
      String reason) {
    return new PolicyRule(
        id, description, actions, kinds, null, List.of(), List.of(), List.of(), null, List.of(),
        effect, reason);
  }
}
