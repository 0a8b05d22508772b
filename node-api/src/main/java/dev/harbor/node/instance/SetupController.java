package dev.harbor.node.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.schemas.api.SetupAnswer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/**
 * {@code POST /v1/mcp/setup}: any caller asks for an instance of a catalog entry. Always answered 202
 * (the node's policy stream decides, maybe after an operator's approval) with the instance id and
 * where to follow it, also in {@code Location}.
 */
@Tag(name = "instances")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/setup")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class SetupController {

  private final SetupService setups;

  SetupController(SetupService setups) {
    this.setups = setups;
  }

  /** Body of a setup request; unknown fields are refused. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record SetupRequest(
      @Nullable String catalogId, @Nullable Map<String, String> config, @Nullable String idempotencyKey) {}

  /**
   * Asks for an instance of a catalog entry. Always 202, with the instance id and where to follow
   * it.
   */
  @ApiResponse(
      responseCode = "202",
      description = "Accepted; Location is the status URL",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = SetupAnswer.class)))
  @Post
  HttpResponse<SetupAnswer> setup(HttpRequest<?> request, @Body SetupRequest body) {
    SetupAnswer accepted =
        setups.setup(body.catalogId(), body.config(), body.idempotencyKey(), Callers.current(request));
    return HttpResponse.<SetupAnswer>status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, accepted.statusUrl())
        .body(accepted);
  }
}
