package dev.harbor.launcher.probe;

import io.micronaut.serde.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scriptable stand-in for a stdio MCP server, on a thread of its own behind two pipes: the probe
 * writes to {@link #toServer()} and reads {@link #fromServer()}.
 */
final class FakeStdioServer implements AutoCloseable {

  /** How the server reacts to one message from the probe. */
  @FunctionalInterface
  interface Script {
    void answer(Map<String, Object> message, FakeStdioServer server) throws IOException;
  }

  private static final int PIPE_BYTES = 64 * 1024;

  private final PipedInputStream fromServer = new PipedInputStream(PIPE_BYTES);
  private final PipedOutputStream serverOut = new PipedOutputStream();
  private final PipedInputStream serverIn = new PipedInputStream(PIPE_BYTES);
  private final PipedOutputStream toServer = new PipedOutputStream();
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final Thread thread;

  FakeStdioServer(Script script) throws IOException {
    fromServer.connect(serverOut);
    serverIn.connect(toServer);
    thread = new Thread(() -> serve(script), "fake-stdio-mcp-server");
    thread.setDaemon(true);
    thread.start();
  }

  InputStream fromServer() {
    return fromServer;
  }

  OutputStream toServer() {
    return toServer;
  }

  List<Map<String, Object>> received() {
    return List.copyOf(received);
  }

  /** Writes one line to the probe. */
  void write(String line) throws IOException {
    serverOut.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    serverOut.flush();
  }

  /** Ends the server's output, as a process that exits does. */
  void closeOutput() throws IOException {
    serverOut.close();
  }

  @Override
  public void close() throws Exception {
    toServer.close();
    serverOut.close();
    thread.interrupt();
    thread.join(5_000);
    fromServer.close();
  }

  @SuppressWarnings("unchecked")
  private void serve(Script script) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(serverIn, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Map<String, Object> message = ObjectMapper.getDefault().readValue(line, Map.class);
        received.add(message);
        script.answer(message, this);
      }
    } catch (IOException ended) {
      // The probe side closed its pipes.
    }
  }
}
