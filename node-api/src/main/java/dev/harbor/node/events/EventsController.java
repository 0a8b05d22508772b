package dev.harbor.node.events;

import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.reactivestreams.Publisher;

/** {@code GET /v1/mcp/events}: any caller follows the node's instance, approval and catalog-state changes. */
@Tag(name = "events")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/events")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsController {

  private final NodeEvents events;

  EventsController(NodeEvents events) {
    this.events = events;
  }

  /**
   * Follows the node's instance, approval and catalog-state changes as Server-Sent Events, from now
   * on.
   */
  @ApiResponse(
      responseCode = "200",
      description = "Server-Sent Events named instance, approval and catalog-state, each with its record as"
          + " JSON data; opens with a ': connected' comment, then a ': keep-alive' comment every 15 s",
      content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(type = "string")))
  @Get
  @Produces(MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<Object>> follow(HttpRequest<?> request) {
    Callers.current(request);
    CatalogRequests.params(request, Set.of());
    if (!events.ready()) {
      throw new NotReadyException("the node's mirrors are still catching up");
    }
    return events.stream();
  }
}
