package dev.harbor.launcher.probe;

import java.util.List;

/**
 * An MCP server did not complete the probe's handshake: it did not answer in time, answered with
 * a JSON-RPC error, closed the connection or stream, or answered something that is not MCP. The
 * message says which step failed, where, and why, in plain words; it never carries request
 * contents beyond MCP method names.
 */
public final class McpProbeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> serverStderr;

  McpProbeException(String message) {
    this(message, null, List.of());
  }

  McpProbeException(String message, Throwable cause) {
    this(message, cause, List.of());
  }

  McpProbeException(String message, Throwable cause, List<String> serverStderr) {
    super(message, cause);
    this.serverStderr = List.copyOf(serverStderr);
  }

  /**
   * The last lines the server wrote to stderr before the probe failed, oldest first, when the
   * probe could see them (over {@code docker exec}); empty otherwise.
   */
  public List<String> serverStderr() {
    return serverStderr;
  }
}
