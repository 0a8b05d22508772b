package dev.harbor.node.mcp;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.audit.AuditRecorder;
import dev.harbor.node.catalog.EnabledFilter;
import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code search_catalog} tool: the node's catalog search, as {@code GET /v1/mcp/catalog/search}
 * serves it, audited the same way (catalog searched).
 */
@Singleton
@Requires(env = "node")
final class CatalogTools {

  static final int DEFAULT_SIZE = 20;

  private final NodeCatalog catalog;
  private final AuditRecorder audit;
  private final String nodeId;

  CatalogTools(NodeCatalog catalog, AuditRecorder audit, NodeConfig node) {
    this.catalog = catalog;
    this.audit = audit;
    this.nodeId = node.getId();
  }

  ControlTool search() {
    return new ControlTool(
        "search_catalog",
        "Search the catalog of MCP servers this Harbor node can set up. Answers each entry's catalog id"
            + " (for request_setup), name, description, transport and whether this node has it enabled.",
        InputSchemas.object(
            Map.of(
                "query", InputSchemas.string("Free text over name, description and tags; omit to list all."),
                "size", InputSchemas.integer("How many entries at most.", 1, CatalogQuery.MAX_SIZE)),
            List.of()),
        this::search);
  }

  private Map<String, Object> search(ToolArguments arguments, Caller caller) {
    Map<String, String> params = new HashMap<>();
    String query = arguments.text("query");
    if (query != null) {
      params.put("q", query);
    }
    Integer size = arguments.number("size");
    params.put("size", String.valueOf(size == null ? DEFAULT_SIZE : size));
    CatalogQuery parsed = CatalogQuery.parse(params);
    if (!catalog.ready()) {
      throw new NotReadyException("the node's catalog mirror is still catching up");
    }
    Page<CatalogItem> page = catalog.search(parsed, EnabledFilter.ALL);
    Map<String, String> details = new HashMap<>(params);
    details.put("total", String.valueOf(page.total()));
    details.put("via", "mcp");
    audit.record(new AuditEvent(UUID.randomUUID().toString(), nodeId, AuditEventType.CATALOG_SEARCHED,
        Instant.now(), caller.actor(), null, null, "catalog searched", details));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("entries", page.items().stream().map(CatalogTools::summary).toList());
    answer.put("total", page.total());
    return answer;
  }

  private static Map<String, Object> summary(CatalogItem item) {
    CatalogEntry entry = item.entry();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("catalogId", entry.id());
    summary.put("name", entry.name());
    if (entry.description() != null) {
      summary.put("description", entry.description());
    }
    summary.put("transport", entry.transport().wire());
    summary.put("enabled", item.local().enabled());
    return summary;
  }
}
