package dev.harbor.launcher.probe;

/**
 * An MCP server did not complete the probe's handshake: it did not answer in time, answered with
 * a JSON-RPC error, closed the connection or stream, or answered something that is not MCP. The
 * message says which step failed, where, and why, in plain words; it never carries request
 * contents beyond MCP method names.
 */
public final class McpProbeException extends Exception {

  private static final long serialVersionUID = 1L;

  McpProbeException(String message) {
    super(message);
  }

  McpProbeException(String message, Throwable cause) {
    super(message, cause);
  }
}
