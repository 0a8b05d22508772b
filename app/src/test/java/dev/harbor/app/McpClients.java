package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** Clients of the official MCP Java SDK for the tests: to Harbor's control tools or to a managed server. */
final class McpClients {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private McpClients() {}

  /** A streamable HTTP client of the MCP endpoint at {@code url}, sending these headers with each request. */
  static McpSyncClient http(String url, Map<String, String> headers) {
    URI uri = URI.create(url);
    HttpRequest.Builder requests = HttpRequest.newBuilder();
    headers.forEach(requests::header);
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
            .endpoint(uri.getPath())
            .requestBuilder(requests)
            .build();
    return McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT).build();
  }

  /** A client of a node's control tools at {@code /mcp}, with this bearer token. */
  static McpSyncClient control(String nodeUrl, String token) {
    return http(nodeUrl + "/mcp", Map.of("Authorization", "Bearer " + token));
  }

  /**
   * Connects straight to a managed reference server at {@code url}, as an agent does with the client
   * configuration Harbor returned, and calls its {@code echo} tool; checks the answer and returns
   * the server's name.
   */
  static String echoThrough(String url, String message) {
    try (McpSyncClient direct = http(url, Map.of())) {
      String server = direct.initialize().serverInfo().name();
      McpSchema.CallToolResult echoed = direct.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", message)));
      assertThat(echoed.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(((McpSchema.TextContent) echoed.content().get(0)).text()).contains(message);
      return server;
    }
  }
}
