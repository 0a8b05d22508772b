package dev.harbor.node.instance;

import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.api.ApprovalItem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;

/** {@code GET /v1/mcp/approvals}: the setups waiting for an operator's approval, the longest-waiting first, paged. */
@Tag(name = "instances")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/approvals")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApprovalController {

  private final NodeInstances instances;

  ApprovalController(NodeInstances instances) {
    this.instances = instances;
  }

  /** The setups waiting for an operator's approval, the longest-waiting first, one page. */
  @PageParameters
  @Get
  Page<ApprovalItem> pending(HttpRequest<?> request) {
    Callers.current(request);
    Map<String, String> params = CatalogRequests.params(request, Page.PARAMETERS);
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
    return Page.slice(
        instances.pendingApprovals().stream().map(ApprovalItem::of).flatMap(Optional::stream).toList(), params);
  }
}
