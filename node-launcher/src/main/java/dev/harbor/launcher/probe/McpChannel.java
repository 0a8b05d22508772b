package dev.harbor.launcher.probe;

import java.util.Map;

/**
 * One MCP transport as the handshake sees it: send a request and get back the response with the
 * same id, or send a notification. Each implementation enforces the probe's deadline itself.
 */
interface McpChannel {

  /**
   * Sends request {@code id} and returns the JSON-RPC response that answers it (with a
   * {@code result} or an {@code error}), skipping any other message the server sends meanwhile.
   */
  Map<String, Object> request(long id, String method, Map<String, Object> params) throws McpProbeException;

  /** Sends a notification, which has no answer. */
  void notify(String method) throws McpProbeException;

  /** Called once initialize has been answered, with the protocol version the server agreed to. */
  void initialized(String protocolVersion);

  /** Where the server is, for messages: "over HTTP at http://127.0.0.1:3001/mcp", "over stdio". */
  String where();
}
