package dev.harbor.launcher.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * MCP over a pair of byte streams with the stdio framing: one JSON-RPC message per line, UTF-8.
 * While waiting for an answer it skips everything else the server writes: notifications (such as
 * {@code notifications/tools/list_changed}), requests from the server to the client, answers to
 * other ids and lines that are not JSON at all. The streams stay open: their owner closes them.
 */
final class StdioMcpChannel implements McpChannel, AutoCloseable {

  private final LineReader fromServer;
  private final OutputStream toServer;
  private final Deadline deadline;
  private final String where;

  StdioMcpChannel(InputStream fromServer, OutputStream toServer, Deadline deadline, String where) {
    this.fromServer = new LineReader(fromServer);
    this.toServer = toServer;
    this.deadline = deadline;
    this.where = where;
  }

  @Override
  public Map<String, Object> request(long id, String method, Map<String, Object> params) throws McpProbeException {
    send(method, JsonRpc.request(id, method, params));
    while (true) {
      String line = nextLine(method);
      Map<String, Object> message = JsonRpc.parseObject(line).orElse(null);
      if (message != null && JsonRpc.answers(message, id)) {
        return message;
      }
    }
  }

  @Override
  public void notify(String method) throws McpProbeException {
    send(method, JsonRpc.notification(method));
  }

  @Override
  public void initialized(String protocolVersion) {
    // The stdio framing carries no per-message protocol header.
  }

  @Override
  public String where() {
    return where;
  }

  @Override
  public void close() {
    fromServer.close();
  }

  private void send(String method, String message) throws McpProbeException {
    try {
      toServer.write((message + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    } catch (IOException e) {
      throw new McpProbeException("MCP " + method + " " + where
          + " could not be sent: the server no longer reads its input (it exited or closed it)", e);
    }
  }

  private String nextLine(String method) throws McpProbeException {
    LineReader.Read read;
    try {
      read = fromServer.next(deadline.remaining());
    } catch (IOException e) {
      throw new McpProbeException("MCP " + method + " " + where + " failed while reading the server's output: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpProbeException("MCP probe " + where + " was interrupted", e);
    }
    return switch (read.outcome()) {
      case LINE -> read.line();
      case END_OF_STREAM -> throw new McpProbeException("MCP " + method + " " + where
          + " got no answer: the server closed its output (end of stream)");
      case TIMED_OUT -> throw new McpProbeException("MCP " + method + " " + where + " did not answer within "
          + deadline.describeBudget());
    };
  }
}
