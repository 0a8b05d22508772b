package dev.harbor.node.mcp;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-RPC 2.0 message shapes and the error codes the control endpoint answers with. */
final class JsonRpc {

  static final String VERSION = "2.0";
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;

  private JsonRpc() {}

  /** A successful response to the request with this id. */
  static Map<String, Object> result(Object id, Map<String, Object> result) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", VERSION);
    response.put("id", id);
    response.put("result", result);
    return response;
  }

  /** An error response; {@code id} is null when the request's id could not be read. */
  static Map<String, Object> error(@Nullable Object id, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", VERSION);
    response.put("id", id);
    response.put("error", error);
    return response;
  }

  /** A failure of the protocol itself, answered as a JSON-RPC error rather than a tool result. */
  static final class ProtocolException extends RuntimeException {

    private final int code;

    ProtocolException(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }
}
