package dev.harbor.launcher;

/**
 * A launch step that could not be done, with a plain reason meant for the instance's status and
 * lifecycle log ("image mcp/x:1 is not on this node and could not be pulled: ...").
 */
public class LaunchFailure extends Exception {

  public LaunchFailure(String reason) {
    super(reason);
  }

  public LaunchFailure(String reason, Throwable cause) {
    super(reason, cause);
  }
}
