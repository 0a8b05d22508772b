package dev.harbor.launcher.probe;

import static dev.harbor.launcher.probe.McpMessages.error;
import static dev.harbor.launcher.probe.McpMessages.initializeResult;
import static dev.harbor.launcher.probe.McpMessages.notification;
import static dev.harbor.launcher.probe.McpMessages.serverRequest;
import static dev.harbor.launcher.probe.McpMessages.toolsResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.launcher.probe.FakeMcpHttpServer.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeFakes() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void answersInitializeAndListsToolsWithJsonBodies() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> {
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> respond.json(200, initializeResult(request.id()));
        case "tools/list" -> respond.json(200, toolsResult(request.id(), List.of("echo", "add"), null));
        default -> respond.status(202);
      }
    });

    McpServerInfo info = McpProbe.overHttp(server.endpoint(), TIMEOUT);

    assertThat(info).isEqualTo(new McpServerInfo("fake-server", "1.2.3", "2025-06-18", List.of("echo", "add")));
    assertThat(server.received()).extracting(Received::rpcMethod)
        .containsExactly("initialize", "notifications/initialized", "tools/list");
    Received initialize = server.received().getFirst();
    assertThat(initialize.accept()).isEqualTo("application/json, text/event-stream");
    assertThat(initialize.params()).containsEntry("protocolVersion", "2025-06-18")
        .containsEntry("clientInfo", Map.of("name", "harbor-probe", "version", "1"));
  }

  @Test
  void readsAnswersFromAnEventStreamSkippingOtherEventsAndNotWaitingForItsEnd() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> {
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> respond.events(true, notification("notifications/message"),
            initializeResult(request.id()));
        case "tools/list" -> respond.events(true, serverRequest(99, "roots/list"),
            toolsResult(request.id(), List.of("echo"), null));
        default -> respond.status(202);
      }
    });

    McpServerInfo info = McpProbe.overHttp(server.endpoint(), TIMEOUT);

    assertThat(info.name()).isEqualTo("fake-server");
    assertThat(info.tools()).containsExactly("echo");
  }

  @Test
  void sendsTheSessionIdAndProtocolVersionBackAndEndsTheSession() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> {
      if (request.httpMethod().equals("DELETE")) {
        respond.status(200);
        return;
      }
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> respond.header("Mcp-Session-Id", "session-42").json(200, initializeResult(request.id()));
        case "tools/list" -> respond.json(200, toolsResult(request.id(), List.of("echo"), null));
        default -> respond.status(202);
      }
    });

    McpProbe.overHttp(server.endpoint(), TIMEOUT);

    List<Received> received = server.received();
    assertThat(received).extracting(Received::httpMethod).containsExactly("POST", "POST", "POST", "DELETE");
    assertThat(received.getFirst().sessionId()).isNull();
    assertThat(received.subList(1, 4)).allSatisfy(request -> {
      assertThat(request.sessionId()).isEqualTo("session-42");
      assertThat(request.protocolVersion()).isEqualTo("2025-06-18");
    });
  }

  @Test
  void followsToolPagesUntilTheLastOne() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> {
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> respond.json(200, initializeResult(request.id()));
        case "tools/list" -> {
          Object cursor = request.params().get("cursor");
          if (cursor == null) {
            respond.json(200, toolsResult(request.id(), List.of("a", "b"), "page-2"));
          } else if (cursor.equals("page-2")) {
            respond.json(200, toolsResult(request.id(), List.of("c"), "page-3"));
          } else {
            respond.json(200, toolsResult(request.id(), List.of("d"), null));
          }
        }
        default -> respond.status(202);
      }
    });

    McpServerInfo info = McpProbe.overHttp(server.endpoint(), TIMEOUT);

    assertThat(info.tools()).containsExactly("a", "b", "c", "d");
    assertThat(server.received()).filteredOn(r -> "tools/list".equals(r.rpcMethod()))
        .extracting(r -> r.params().get("cursor")).containsExactly(null, "page-2", "page-3");
  }

  @Test
  void givesUpOnToolPagesThatNeverEnd() throws Exception {
    AtomicInteger page = new AtomicInteger();
    FakeMcpHttpServer server = http((request, respond) -> {
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> respond.json(200, initializeResult(request.id()));
        case "tools/list" -> respond.json(200,
            toolsResult(request.id(), List.of("t"), "page-" + page.incrementAndGet()));
        default -> respond.status(202);
      }
    });

    assertThatThrownBy(() -> McpProbe.overHttp(server.endpoint(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessageContaining("still had more pages after " + McpHandshake.MAX_TOOL_PAGES);
    assertThat(page).hasValue(McpHandshake.MAX_TOOL_PAGES);
  }

  @Test
  void failsAtOnceWhenInitializeIsAnsweredWithAJsonRpcError() throws Exception {
    FakeMcpHttpServer server = http((request, respond) ->
        respond.json(200, error(request.id(), -32602, "Unsupported protocol version")));

    long start = System.nanoTime();
    assertThatThrownBy(() -> McpProbe.overHttp(server.endpoint(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over HTTP at " + server.endpoint()
            + " was answered with JSON-RPC error -32602 (Unsupported protocol version)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void failsAtOnceWhenTheServerRejectsTheRequestWithAnUnaddressedError() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> respond.json(406,
        error(null, -32000, "Not Acceptable: Client must accept both application/json and text/event-stream")));

    assertThatThrownBy(() -> McpProbe.overHttp(server.endpoint(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over HTTP at " + server.endpoint() + " was answered with JSON-RPC error"
            + " -32000 (Not Acceptable: Client must accept both application/json and text/event-stream)");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void failsAtOnceWhenTheAnswerIsNotMcp() throws Exception {
    FakeMcpHttpServer server = http((request, respond) ->
        respond.send(200, "text/html", "<html><body>It works!</body></html>"));

    assertThatThrownBy(() -> McpProbe.overHttp(server.endpoint(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessageContaining("got HTTP 200 (text/html) without a JSON-RPC answer: not an MCP endpoint");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void retriesWhileTheServerAnswersWithServerErrors() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    FakeMcpHttpServer server = http((request, respond) -> {
      switch (String.valueOf(request.rpcMethod())) {
        case "initialize" -> {
          if (attempts.incrementAndGet() <= 3) {
            respond.status(503);
          } else {
            respond.json(200, initializeResult(request.id()));
          }
        }
        case "tools/list" -> respond.json(200, toolsResult(request.id(), List.of("echo"), null));
        default -> respond.status(202);
      }
    });

    McpServerInfo info = McpProbe.overHttp(server.endpoint(), TIMEOUT);

    assertThat(info.tools()).containsExactly("echo");
    assertThat(attempts).hasValue(4);
  }

  @Test
  void failsWithinTheTimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
    FakeMcpHttpServer server = http((request, respond) -> respond.hang());

    long start = System.nanoTime();
    assertThatThrownBy(() -> McpProbe.overHttp(server.endpoint(), Duration.ofSeconds(1)))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over HTTP at " + server.endpoint()
            + " did not answer within 1 s: the server accepted the connection but sent no answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void failsWithinTheTimeoutWhenNothingListens() throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + unusedPort() + "/mcp");

    long start = System.nanoTime();
    assertThatThrownBy(() -> McpProbe.overHttp(endpoint, Duration.ofSeconds(1)))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over HTTP at " + endpoint + " did not answer within 1 s: connection refused");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void keepsRetryingWhileConnectionsCloseWithoutAReply() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    toClose.add(socket);
    Thread.ofPlatform().daemon().start(() -> {
      while (!socket.isClosed()) {
        try (Socket accepted = socket.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    });
    URI endpoint = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/mcp");

    assertThatThrownBy(() -> McpProbe.overHttp(endpoint, Duration.ofSeconds(1)))
        .isInstanceOf(McpProbeException.class)
        .hasMessageStartingWith("MCP initialize over HTTP at " + endpoint
            + " did not answer within 1 s: the connection closed without an answer");
    assertThat(connections.get()).isGreaterThan(2);
  }

  @Test
  void skipsNotificationsRequestsAndNoiseBeforeTheAnswerOverStreams() throws Exception {
    FakeStdioServer server = stdio((message, out) -> {
      switch (String.valueOf(message.get("method"))) {
        case "initialize" -> {
          out.write(notification("notifications/tools/list_changed"));
          out.write("Starting default (STDIO) server...");
          out.write(serverRequest(7, "roots/list"));
          out.write(initializeResult(((Number) message.get("id")).longValue()));
        }
        case "tools/list" -> out.write(toolsResult(((Number) message.get("id")).longValue(),
            List.of("echo", "add"), null));
        default -> { }
      }
    });

    McpServerInfo info = McpProbe.overStreams(server.fromServer(), server.toServer(), TIMEOUT);

    assertThat(info).isEqualTo(new McpServerInfo("fake-server", "1.2.3", "2025-06-18", List.of("echo", "add")));
    assertThat(server.received()).extracting(m -> m.get("method"))
        .containsExactly("initialize", "notifications/initialized", "tools/list");
  }

  @Test
  void failsAtOnceWhenTheServerClosesItsOutput() throws Exception {
    FakeStdioServer server = stdio((message, out) -> out.closeOutput());

    long start = System.nanoTime();
    assertThatThrownBy(() -> McpProbe.overStreams(server.fromServer(), server.toServer(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over stdio got no answer: the server closed its output (end of stream)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void failsWithinTheTimeoutWhenTheServerStaysSilent() throws Exception {
    FakeStdioServer server = stdio((message, out) -> { });

    long start = System.nanoTime();
    assertThatThrownBy(() -> McpProbe.overStreams(server.fromServer(), server.toServer(), Duration.ofMillis(500)))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP initialize over stdio did not answer within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void failsAtOnceWhenToolsListIsAnsweredWithAJsonRpcErrorOverStreams() throws Exception {
    FakeStdioServer server = stdio((message, out) -> {
      long id = message.get("id") instanceof Number n ? n.longValue() : -1;
      switch (String.valueOf(message.get("method"))) {
        case "initialize" -> out.write(initializeResult(id));
        case "tools/list" -> out.write(error(id, -32601, "Method not found"));
        default -> { }
      }
    });

    assertThatThrownBy(() -> McpProbe.overStreams(server.fromServer(), server.toServer(), TIMEOUT))
        .isInstanceOf(McpProbeException.class)
        .hasMessage("MCP tools/list over stdio was answered with JSON-RPC error -32601 (Method not found)");
  }

  private FakeMcpHttpServer http(FakeMcpHttpServer.Script script) throws IOException {
    FakeMcpHttpServer server = new FakeMcpHttpServer(script);
    toClose.add(server);
    return server;
  }

  private FakeStdioServer stdio(FakeStdioServer.Script script) throws IOException {
    FakeStdioServer server = new FakeStdioServer(script);
    toClose.add(server);
    return server;
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
