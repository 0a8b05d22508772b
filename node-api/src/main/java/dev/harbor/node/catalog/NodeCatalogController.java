package dev.harbor.node.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.node.NodeConfig;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.audit.AuditRecorder;
import dev.harbor.node.command.CommandResult;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.CatalogSearchParameters;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.node.CallerKind;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The node's catalog API: the mirrored Hub catalog with this node's state beside each entry, filters
 * by state (enabled, disabled, all), and enable/disable for operators (200 once the node's mirror
 * shows the change, 202 when the policy stream has not applied it within the wait). Reads are
 * audited as catalog viewed or searched.
 */
@Tag(name = "catalog")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/catalog")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class NodeCatalogController {

  private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "state");
  private static final Set<String> SEARCH_PARAMETERS = union(CatalogQuery.PARAMETERS, "state");

  private final NodeCatalog catalog;
  private final CatalogStateService states;
  private final AuditRecorder audit;
  private final String nodeId;

  NodeCatalogController(
      NodeCatalog catalog, CatalogStateService states, AuditRecorder audit, NodeConfig node) {
    this.catalog = catalog;
    this.states = states;
    this.audit = audit;
    this.nodeId = node.getId();
  }

  /** Lists the mirrored catalog, one page, each entry with this node's state of it. */
  @PageParameters
  @Parameter(name = "state", ref = "#/components/parameters/state")
  @Get
  Page<CatalogItem> list(HttpRequest<?> request) {
    Caller caller = Callers.current(request);
    Page<CatalogItem> page = query(request, LIST_PARAMETERS);
    record(caller, AuditEventType.CATALOG_VIEWED, null, "catalog listed", Map.of("total", String.valueOf(page.total())));
    return page;
  }

  /** Searches the mirrored catalog, each entry with this node's state of it. */
  @CatalogSearchParameters
  @PageParameters
  @Parameter(name = "state", ref = "#/components/parameters/state")
  @Get("/search")
  Page<CatalogItem> search(HttpRequest<?> request) {
    Caller caller = Callers.current(request);
    Page<CatalogItem> page = query(request, SEARCH_PARAMETERS);
    Map<String, String> details = new HashMap<>(CatalogRequests.params(request, SEARCH_PARAMETERS));
    details.put("total", String.valueOf(page.total()));
    record(caller, AuditEventType.CATALOG_SEARCHED, null, "catalog searched", details);
    return page;
  }

  /** One catalog entry with this node's state of it. */
  @Get("/{id}")
  CatalogItem detail(HttpRequest<?> request, @PathVariable String id) {
    Caller caller = Callers.current(request);
    requireReady();
    CatalogItem item = find(id);
    record(caller, AuditEventType.CATALOG_VIEWED, id, "catalog entry viewed", Map.of());
    return item;
  }

  /** Enables an entry on this node (operators only). */
  @Post("/{id}/enable")
  HttpResponse<CatalogItem> enable(HttpRequest<?> request, @PathVariable String id) {
    Caller caller = Callers.require(request, CallerKind.OPERATOR);
    requireReady();
    return answer(states.enable(find(id).entry().id(), caller));
  }

  /** Disables an entry on this node, with an optional reason (operators only). */
  @Post("/{id}/disable")
  HttpResponse<CatalogItem> disable(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable DisableRequest body) {
    Caller caller = Callers.require(request, CallerKind.OPERATOR);
    requireReady();
    return answer(states.disable(find(id).entry().id(), body == null ? null : body.reason(), caller));
  }

  private static HttpResponse<CatalogItem> answer(CommandResult<CatalogItem> result) {
    return HttpResponse.status(result.applied() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(result.value());
  }

  private Page<CatalogItem> query(HttpRequest<?> request, Set<String> accepted) {
    requireReady();
    Map<String, String> params = new HashMap<>(CatalogRequests.params(request, accepted));
    String state = params.remove("state");
    EnabledFilter filter = EnabledFilter.ALL;
    if (state != null && !state.isBlank()) {
      try {
        filter = Wire.parse(EnabledFilter.class, state.trim());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("state", e.getMessage());
      }
    }
    return catalog.search(CatalogQuery.parse(params), filter);
  }

  private CatalogItem find(String id) {
    return catalog
        .get(CatalogRequests.id(id))
        .orElseThrow(() -> new NotFoundException("catalog entry '" + id + "' not found"));
  }

  private void requireReady() {
    if (!catalog.ready()) {
      throw new NotReadyException("the node's catalog mirror is still catching up");
    }
  }

  private void record(
      Caller caller, AuditEventType type, @Nullable String catalogId, String message, Map<String, String> details) {
    audit.record(
        new AuditEvent(
            UUID.randomUUID().toString(), nodeId, type, Instant.now(), caller.actor(), catalogId, null, message, details));
  }

  private static Set<String> union(Set<String> base, String extra) {
    Set<String> all = new HashSet<>(base);
    all.add(extra);
    return Set.copyOf(all);
  }

  /** Body of a disable request; the reason is optional and shown to everyone who sees the entry. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record DisableRequest(@Nullable String reason) {}
}
