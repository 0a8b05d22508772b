package dev.harbor.node.audit;

import dev.harbor.audit.AuditPage;
import dev.harbor.audit.AuditQuery;
import dev.harbor.audit.AuditSinkService;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.node.instance.InstanceIds;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.PageParameters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/mcp/instances/{id}/logs}: one instance's lifecycle log (every audit event about it),
 * newest first, paged. Removed instances keep theirs; an id the node never had is 404.
 */
@Tag(name = "audit")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/instances/{id}/logs")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class InstanceLogsController {

  private static final Set<String> PARAMETERS = Set.of("page", "size", "types", "outcome", "text");

  private final AuditSinkService sink;
  private final NodeInstances instances;

  InstanceLogsController(AuditSinkService sink, NodeInstances instances) {
    this.sink = sink;
    this.instances = instances;
  }

  /** One instance's lifecycle log: every audit event about it, newest first, paged. */
  @PageParameters
  @Parameter(name = "types", ref = "#/components/parameters/types")
  @Parameter(name = "outcome", ref = "#/components/parameters/outcome")
  @Parameter(name = "text", ref = "#/components/parameters/text")
  @Get
  AuditPage logs(HttpRequest<?> request, @PathVariable String id) {
    Callers.current(request);
    InstanceIds.checkId(id);
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
    if (instances.get(id).isEmpty()) {
      throw new NotFoundException("instance '" + id + "' not found");
    }
    Map<String, String> params = new HashMap<>(CatalogRequests.params(request, PARAMETERS));
    params.put("instanceId", id);
    return sink.store().query(AuditQuery.parse(params));
  }
}
