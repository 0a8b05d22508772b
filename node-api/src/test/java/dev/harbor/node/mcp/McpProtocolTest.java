package dev.harbor.node.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.ForbiddenException;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.serde.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON-RPC handling of the node's MCP server, with stand-in tools and no server around it. */
class McpProtocolTest {

  private static final Caller AGENT = new Caller("t1", CallerKind.AGENT, "bot");

  private final McpProtocol protocol = new McpProtocol(ObjectMapper.getDefault(), List.of(
      new ControlTool("greet", "Greets.",
          InputSchemas.object(Map.of("name", InputSchemas.string("Who."), "times", InputSchemas.integer("How often.", 1, 3),
              "tags", InputSchemas.stringMap("Labels.")), List.of("name")),
          (arguments, caller) -> {
            arguments.number("times");
            arguments.stringMap("tags");
            return Map.of("greeting", "hello " + arguments.requiredText("name") + " from " + caller.name());
          }),
      new ControlTool("refuse", "Refuses.", InputSchemas.object(Map.of(), List.of()),
          (arguments, caller) -> {
            throw new ForbiddenException("agents may not do this");
          }),
      new ControlTool("crash", "Fails.", InputSchemas.object(Map.of(), List.of()),
          (arguments, caller) -> {
            throw new IllegalStateException("secret internals");
          })), "test");

  @Test
  void initializeNegotiatesTheProtocolVersionAndOffersTools() {
    Map<String, Object> result = result(request(1, "initialize", "{\"protocolVersion\":\"2025-06-18\"}"));
    assertThat(result).containsEntry("protocolVersion", "2025-06-18");
    assertThat(result.get("capabilities")).isEqualTo(Map.of("tools", Map.of("listChanged", false)));
    assertThat(map(result.get("serverInfo"))).containsEntry("name", "harbor-node").containsEntry("version", "test");

    assertThat(result(request(2, "initialize", "{\"protocolVersion\":\"2025-03-26\"}")))
        .containsEntry("protocolVersion", "2025-03-26");
    assertThat(result(request(3, "initialize", "{\"protocolVersion\":\"1999-01-01\"}")))
        .containsEntry("protocolVersion", McpProtocol.PROTOCOL_VERSION);
  }

  @Test
  void pingAndToolsListAnswerWithTheRequestsId() {
    McpAnswer ping = protocol.handle(request("abc", "ping", null), AGENT, null);
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.body()).containsEntry("id", "abc").containsEntry("result", Map.of());

    List<?> tools = (List<?>) result(request(4, "tools/list", null)).get("tools");
    assertThat(tools).extracting(t -> map(t).get("name")).containsExactly("greet", "refuse", "crash");
    assertThat(map(map(tools.get(0)).get("inputSchema"))).containsEntry("type", "object")
        .containsEntry("required", List.of("name")).containsEntry("additionalProperties", false);
  }

  @Test
  void theProtocolVersionHeaderIsCheckedAfterInitializationOnly() {
    McpAnswer initialize = protocol.handle(
        request(1, "initialize", "{\"protocolVersion\":\"2025-11-25\"}"), AGENT, "2025-11-25");
    assertThat(initialize.status()).isEqualTo(200);
    assertThat(map(initialize.body().get("result"))).containsEntry("protocolVersion", McpProtocol.PROTOCOL_VERSION);

    McpAnswer unknown = protocol.handle(request(2, "tools/list", null), AGENT, "2025-11-25");
    assertError(unknown, 400, -32600);
    assertThat(unknown.body()).containsEntry("id", 2);
    assertThat((String) map(unknown.body().get("error")).get("message"))
        .contains("MCP-Protocol-Version", "2025-11-25", "2025-03-26, 2025-06-18");
    assertError(protocol.handle(request(3, "ping", null), AGENT, "\u0000" + "x".repeat(100)), 400, -32600);

    for (String spoken : List.of("2025-06-18", "2025-03-26")) {
      assertThat(protocol.handle(request(4, "tools/list", null), AGENT, spoken).status()).as(spoken).isEqualTo(200);
    }
    assertThat(protocol.handle(request(5, "tools/list", null), AGENT, null).status()).isEqualTo(200);
  }

  @Test
  void notificationsAndResponsesAreAcceptedWithoutABody() {
    McpAnswer initialized = protocol.handle("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", AGENT, null);
    assertThat(initialized).isEqualTo(McpAnswer.accepted());
    McpAnswer response = protocol.handle("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}", AGENT, null);
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).isNull();
  }

  @Test
  void malformedMessagesAreProtocolErrors() {
    assertError(protocol.handle("{not json", AGENT, null), 400, -32700);
    assertError(protocol.handle("", AGENT, null), 400, -32700);
    assertError(protocol.handle("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", AGENT, null), 400, -32600);
    assertError(protocol.handle("{\"id\":1,\"method\":\"ping\"}", AGENT, null), 400, -32600);
    assertError(protocol.handle("{\"jsonrpc\":\"2.0\",\"id\":1}", AGENT, null), 400, -32600);
    assertError(protocol.handle("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", AGENT, null), 400, -32600);
    assertError(protocol.handle(request(1, "resources/list", null), AGENT, null), 200, -32601);
    assertError(protocol.handle(request(1, "tools/call", "{\"name\":\"approve\"}"), AGENT, null), 200, -32602);
    assertError(protocol.handle(request(1, "tools/call", "{}"), AGENT, null), 200, -32602);
    assertError(protocol.handle(request(1, "tools/list", "[1]"), AGENT, null), 200, -32602);
  }

  @Test
  void aToolAnswersItsValueAsTextAndStructuredContentForTheCaller() {
    Map<String, Object> result = result(call("greet", "{\"name\":\"ada\",\"times\":2,\"tags\":{\"a\":\"b\"}}"));
    assertThat(result).containsEntry("isError", false)
        .containsEntry("structuredContent", Map.of("greeting", "hello ada from bot"));
    assertThat(text(result)).isEqualTo("{\"greeting\":\"hello ada from bot\"}");
  }

  @Test
  void badArgumentsAndRefusalsAreToolErrorsWithTheReason() {
    assertToolError(call("greet", "{}"), "name: missing required argument 'name'");
    assertToolError(call("greet", "{\"name\":3}"), "name: must be a string");
    assertToolError(call("greet", "{\"name\":\"ada\",\"times\":1.5}"), "times: must be a whole number");
    assertToolError(call("greet", "{\"name\":\"ada\",\"tags\":{\"a\":1}}"), "tags: value of 'a' must be a string");
    assertToolError(call("greet", "{\"name\":\"ada\",\"tags\":[]}"), "tags: must be an object of string values");
    assertThat(text(result(call("greet", "{\"name\":\"ada\",\"approve\":true}")))).startsWith("approve: unknown argument");
    assertToolError(request(1, "tools/call", "{\"name\":\"greet\",\"arguments\":\"ada\"}"), "arguments must be an object");
    assertToolError(call("refuse", "{}"), "agents may not do this");
    assertToolError(call("crash", "{}"), "the tool failed: IllegalStateException");
  }

  @Test
  void aRefusalNamesItsFieldWhenItHasOne() {
    assertThat(McpProtocol.reason(new BadRequestException("catalogId", "not a catalog id")))
        .isEqualTo("catalogId: not a catalog id");
    assertThat(McpProtocol.reason(new ForbiddenException("no"))).isEqualTo("no");
  }

  @Test
  void jsonIsAnsweredWheneverTheClientAcceptsIt() {
    assertThat(McpController.acceptsJson(null)).isTrue();
    assertThat(McpController.acceptsJson("application/json, text/event-stream")).isTrue();
    assertThat(McpController.acceptsJson("text/event-stream;q=1, */*;q=0.1")).isTrue();
    assertThat(McpController.acceptsJson("text/event-stream")).isFalse();
  }

  private void assertToolError(String message, String reason) {
    Map<String, Object> result = result(message);
    assertThat(result).containsEntry("isError", true);
    assertThat(text(result)).isEqualTo(reason);
  }

  private static void assertError(McpAnswer answer, int status, int code) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(map(answer.body().get("error"))).containsEntry("code", code);
  }

  private Map<String, Object> result(String message) {
    McpAnswer answer = protocol.handle(message, AGENT, null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).containsEntry("jsonrpc", "2.0").doesNotContainKey("error");
    return map(answer.body().get("result"));
  }

  private static String call(String tool, String arguments) {
    return request(9, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
  }

  private static String request(Object id, String method, String params) {
    String quotedId = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
    return "{\"jsonrpc\":\"2.0\",\"id\":" + quotedId + ",\"method\":\"" + method + "\""
        + (params == null ? "" : ",\"params\":" + params) + "}";
  }

  private static String text(Map<String, Object> result) {
    return (String) map(((List<?>) result.get("content")).get(0)).get("text");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
