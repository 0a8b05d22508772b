package dev.harbor.node.mcp;

import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.http.ApiError;
import dev.harbor.platform.http.ApiErrors;
import dev.harbor.platform.openapi.ApiErrorResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /mcp}: the node's own MCP server over the streamable HTTP transport (protocol 2025-06-18),
 * authenticated with the caller's bearer token like {@code /v1}. Each POST carries one JSON-RPC
 * message and is answered with one JSON response ({@code text/event-stream} with one event only when
 * the client does not accept JSON), or 202 for a notification. The server keeps no session and offers
 * no server-to-client stream: GET and DELETE answer 405. The {@code MCP-Protocol-Version} header is
 * checked by {@link McpProtocol}.
 */
@Tag(name = "mcp")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/mcp")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class McpController {

  /** The header a streamable HTTP client sends on every request after initialization. */
  static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

  private final McpProtocol protocol;
  private final JsonMapper json;

  McpController(JsonMapper json, CatalogTools catalogTools, InstanceTools instanceTools) {
    List<ControlTool> tools = new ArrayList<>();
    tools.add(catalogTools.search());
    tools.addAll(instanceTools.tools());
    String version = McpController.class.getPackage().getImplementationVersion();
    this.protocol = new McpProtocol(json, tools, version == null ? "development" : version);
    this.json = json;
  }

  /**
   * One JSON-RPC message to the node's MCP control server: initialize, ping, tools/list or
   * tools/call (JSON-RPC 2.0).
   */
  @ApiResponse(
      responseCode = "200",
      description = "The JSON-RPC response; a single message event when the client accepts only text/event-stream")
  @ApiResponse(responseCode = "202", description = "A notification or a response was received; no body")
  @Post(consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
  HttpResponse<?> post(HttpRequest<?> request, @Body @Nullable String body) {
    McpAnswer answer =
        protocol.handle(body, Callers.current(request), request.getHeaders().get(PROTOCOL_VERSION_HEADER));
    if (answer.body() == null) {
      return HttpResponse.status(HttpStatus.ACCEPTED);
    }
    String text = write(answer.body());
    boolean eventStream = !acceptsJson(request.getHeaders().get(HttpHeaders.ACCEPT));
    return HttpResponse.status(HttpStatus.valueOf(answer.status()))
        .contentType(eventStream ? MediaType.TEXT_EVENT_STREAM_TYPE : MediaType.APPLICATION_JSON_TYPE)
        .body(eventStream ? "event: message\ndata: " + text + "\n\n" : text);
  }

  /** Not offered: the server opens no server-to-client stream, so this answers 405. */
  @ApiResponse(
      responseCode = "405",
      description = "Always; Allow: POST",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
  @Status(HttpStatus.METHOD_NOT_ALLOWED)
  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> stream(HttpRequest<?> request) {
    Callers.current(request);
    return notAllowed();
  }

  /** Not offered: the server keeps no session, so this answers 405. */
  @ApiResponse(
      responseCode = "405",
      description = "Always; Allow: POST",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
  @Status(HttpStatus.METHOD_NOT_ALLOWED)
  @Delete(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> endSession(HttpRequest<?> request) {
    Callers.current(request);
    return notAllowed();
  }

  private static HttpResponse<?> notAllowed() {
    return ApiErrors.response(
            HttpStatus.METHOD_NOT_ALLOWED, "this MCP server answers POST only; it keeps no stream or session")
        .header(HttpHeaders.ALLOW, "POST");
  }

  /** True when the Accept header names JSON, any type, or nothing at all. */
  static boolean acceptsJson(@Nullable String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")) {
        return true;
      }
    }
    return false;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
