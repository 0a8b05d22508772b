package dev.harbor.node.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.command.CommandResult;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.api.InstanceStatusView;
import dev.harbor.schemas.instance.Instance;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/**
 * {@code /v1/mcp/instances}: the node's instances as its mirror shows them (any caller), and the
 * actions on one: remove and restart (any caller; agents and scripts only their own), approve and
 * deny (operators). An action answers 200 with the instance once it shows the command's effect, 202
 * with the instance as it is when the policy stream has not acted within the wait.
 */
@Tag(name = "instances")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/instances")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class InstanceController {

  private final NodeInstances instances;
  private final InstanceCommands actions;

  InstanceController(NodeInstances instances, InstanceCommands actions) {
    this.instances = instances;
    this.actions = actions;
  }

  /** Body of an approval; both fields optional, unknown fields refused. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record ApproveRequest(@Nullable String specHash, @Nullable String note) {}

  /** Body of a denial; unknown fields refused. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record DenyRequest(@Nullable String note) {}

  /** The node's instances, newest first, paged and filtered. */
  @PageParameters
  @Parameter(name = "status", ref = "#/components/parameters/instanceStatus")
  @Parameter(name = "catalogId", ref = "#/components/parameters/catalogId")
  @Parameter(name = "requestedByKind", ref = "#/components/parameters/requestedByKind")
  @Parameter(name = "requestedByName", ref = "#/components/parameters/requestedByName")
  @Parameter(name = "mine", ref = "#/components/parameters/mine")
  @Get
  Page<Instance> list(HttpRequest<?> request) {
    Caller caller = Callers.current(request);
    Map<String, String> params = CatalogRequests.params(request, InstanceQuery.PARAMETERS);
    InstanceQuery query = InstanceQuery.parse(params);
    if (InstanceQuery.mine(params)) {
      query = query.requestedBy(caller.kind(), caller.name());
    }
    requireReady();
    return instances.list(query);
  }

  /** One instance; once active, with the client configuration to connect to it. */
  @Get("/{id}")
  InstanceDetail detail(HttpRequest<?> request, @PathVariable String id) {
    Callers.current(request);
    return InstanceDetail.of(find(id));
  }

  /** The short form of an instance, to poll after a setup. */
  @Get("/{id}/status")
  InstanceStatusView status(HttpRequest<?> request, @PathVariable String id) {
    Callers.current(request);
    return InstanceStatusView.of(find(id));
  }

  /** Removes an instance; agents and scripts may remove only their own. */
  @Post("/{id}/remove")
  HttpResponse<Instance> remove(HttpRequest<?> request, @PathVariable String id) {
    return answer(actions.remove(id, Callers.current(request)));
  }

  /** Restarts an instance; agents and scripts may restart only their own. */
  @Post("/{id}/restart")
  HttpResponse<Instance> restart(HttpRequest<?> request, @PathVariable String id) {
    return answer(actions.restart(id, Callers.current(request)));
  }

  /** Approves a pending setup, optionally pinning the launch spec it approves (operators only). */
  @Post("/{id}/approve")
  HttpResponse<Instance> approve(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable ApproveRequest body) {
    Caller caller = Callers.current(request);
    ApproveRequest approval = body == null ? new ApproveRequest(null, null) : body;
    return answer(actions.approve(id, caller, approval.specHash(), approval.note()));
  }

  /** Denies a pending setup (operators only). */
  @Post("/{id}/deny")
  HttpResponse<Instance> deny(HttpRequest<?> request, @PathVariable String id, @Body @Nullable DenyRequest body) {
    Caller caller = Callers.current(request);
    return answer(actions.deny(id, caller, body == null ? null : body.note()));
  }

  private Instance find(String id) {
    String checked = InstanceIds.checkId(id);
    requireReady();
    return instances.get(checked).orElseThrow(() -> new NotFoundException("instance '" + checked + "' not found"));
  }

  private void requireReady() {
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
  }

  private static HttpResponse<Instance> answer(CommandResult<Instance> result) {
    return HttpResponse.status(result.applied() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(result.value());
  }
}
