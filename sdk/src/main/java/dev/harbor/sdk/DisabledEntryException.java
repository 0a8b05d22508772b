package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;

/**
 * The setup was denied because the catalog entry is disabled on this Node (decision rule
 * {@value #RULE}); {@link #reason()} names who disabled it and why. An operator enables it again
 * with {@link HarborClient#enable}.
 */
public class DisabledEntryException extends SetupDeniedException {

  /** The rule id of the Node's check that refuses disabled entries. */
  public static final String RULE = "node-state";

  public DisabledEntryException(Instance instance) {
    super(instance);
  }
}
