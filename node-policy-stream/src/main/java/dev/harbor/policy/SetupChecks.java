package dev.harbor.policy;

import java.util.Set;

/**
 * Rule ids of the checks a setup passes before policy is asked. A decision names one of them when
 * the check refused the request; policy rules may not use these ids (nor {@link
 * PolicyEngine#DEFAULT_DENY}).
 */
public final class SetupChecks {

  /** The catalog entry is unknown or cannot be launched. */
  public static final String CATALOG = "catalog";

  /** The catalog entry is disabled on this node. */
  public static final String NODE_STATE = "node-state";

  /** The request's configuration is invalid. */
  public static final String CONFIG = "config";

  /** The catalog entry is already set up on this node. */
  public static final String DUPLICATE = "duplicate";

  /** Every rule id a policy rule may not take. */
  public static final Set<String> RESERVED =
      Set.of(CATALOG, NODE_STATE, CONFIG, DUPLICATE, PolicyEngine.DEFAULT_DENY);

  private SetupChecks() {}
}
