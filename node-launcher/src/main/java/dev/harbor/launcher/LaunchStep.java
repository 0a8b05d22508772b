package dev.harbor.launcher;

/** The steps of one launch, in order; a {@link LaunchStepListener} hears each one as it is done. */
public enum LaunchStep {
  /** The container exists (created now, or found from an earlier attempt). */
  CREATED,
  /** The container runs. */
  STARTED,
  /** The server answered MCP initialize and tools/list. */
  PROBED,
  /** The started report is on the launcher-events topic. */
  REPORTED
}
