package dev.harbor.launcher.probe;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks that an MCP server is ready by doing what a client does first: {@code initialize}, the
 * {@code notifications/initialized} notification and {@code tools/list} (every page). A server is
 * ready when it completes all three; the answer tells who it is and which tools it offers.
 *
 * <p>Three ways in: streamable HTTP at an endpoint URL, the stdio framing over any pair of streams,
 * and the stdio framing over {@code docker exec} into a running container. Each enforces its
 * {@code timeout} over the whole handshake and fails with an {@link McpProbeException} whose
 * message says what went wrong.
 */
public final class McpProbe {

  private static final int STDERR_LINES_IN_MESSAGES = 3;
  private static final Pattern ERROR_LINE = Pattern.compile("(?i)\\b(error|exception|fatal|panic)\\b");

  private McpProbe() {
  }

  /**
   * Probes the MCP streamable-HTTP endpoint {@code endpoint} (for example
   * {@code http://127.0.0.1:49153/mcp}). Until {@code timeout} runs out, refused or dropped
   * connections, replies without an answer and 5xx statuses count as "not ready yet" and are
   * retried; a JSON-RPC error or a reply that is not MCP fails at once. The session the server
   * opened is ended with a DELETE afterwards (best effort).
   */
  public static McpServerInfo overHttp(URI endpoint, Duration timeout) throws McpProbeException {
    Objects.requireNonNull(endpoint, "endpoint");
    try (HttpMcpChannel channel = new HttpMcpChannel(endpoint, Deadline.after(timeout))) {
      return McpHandshake.perform(channel);
    }
  }

  /**
   * Probes a server whose stdio is connected to these streams: {@code fromServer} is what it
   * writes, {@code toServer} what it reads. The streams are left open for their owner to close;
   * the probe reads no further than the answers it needs.
   */
  public static McpServerInfo overStreams(InputStream fromServer, OutputStream toServer, Duration timeout)
      throws McpProbeException {
    return overStreams(fromServer, toServer, Deadline.after(timeout), "over stdio");
  }

  /**
   * Runs {@code command} (a stdio MCP server) in the running container {@code containerId} with
   * {@code docker exec}, probes it over its stdin and stdout, and ends the exec. A failure message
   * ends with the most telling line the command wrote to stderr, if any, and the exception carries
   * the last lines of it ({@link McpProbeException#serverStderr()}).
   */
  public static McpServerInfo overDockerExec(DockerClient docker, String containerId, List<String> command,
      Duration timeout) throws McpProbeException {
    Deadline deadline = Deadline.after(timeout);
    String where = "over docker exec in container " + shortId(containerId);
    DockerExecStdio exec;
    try {
      exec = DockerExecStdio.start(docker, containerId, command);
    } catch (IOException | RuntimeException e) {
      throw new McpProbeException("MCP probe " + where + " could not start the command: " + e.getMessage(), e);
    }
    try (exec) {
      return overStreams(exec.stdout(), exec.stdin(), deadline, where);
    } catch (McpProbeException e) {
      throw new McpProbeException(e.getMessage() + diagnostics(exec), e.getCause(), exec.stderrTail());
    }
  }

  private static McpServerInfo overStreams(InputStream fromServer, OutputStream toServer, Deadline deadline,
      String where) throws McpProbeException {
    Objects.requireNonNull(fromServer, "fromServer");
    Objects.requireNonNull(toServer, "toServer");
    try (StdioMcpChannel channel = new StdioMcpChannel(fromServer, toServer, deadline, where)) {
      return McpHandshake.perform(channel);
    }
  }

  /** The attach failure, if any, and the most telling stderr: its last error line, else its last lines. */
  private static String diagnostics(DockerExecStdio exec) {
    StringBuilder more = new StringBuilder();
    exec.attachFailure().ifPresent(failure -> more.append("; docker: ").append(failure));
    List<String> stderr = exec.stderrTail().stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    List<String> telling = stderr.reversed().stream().filter(line -> ERROR_LINE.matcher(line).find())
        .findFirst().map(List::of)
        .orElse(stderr.subList(Math.max(0, stderr.size() - STDERR_LINES_IN_MESSAGES), stderr.size()));
    if (!telling.isEmpty()) {
      more.append("; its stderr says: ").append(String.join(" | ", telling));
    }
    return more.toString();
  }

  private static String shortId(String containerId) {
    Objects.requireNonNull(containerId, "containerId");
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }
}
