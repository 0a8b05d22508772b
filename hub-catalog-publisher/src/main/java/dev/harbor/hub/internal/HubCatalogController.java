package dev.harbor.hub.internal;

import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.CatalogSearchParameters;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.catalog.CatalogEntry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;

/**
 * The Hub's read-only catalog API: list, search and detail, served from the Hub's view of the catalog
 * topic. Public metadata only; answers 503 until the view has caught up.
 */
@Tag(name = "catalog")
@ApiErrorResponses
@Controller("/v1/mcp/catalog")
@Requires(env = "hub")
class HubCatalogController {

  private static final Set<String> PAGE_ONLY = Set.of("page", "size");

  private final HubService hub;

  HubCatalogController(HubService hub) {
    this.hub = hub;
  }

  /** Lists the catalog, one page. */
  @PageParameters
  @Get
  Page<CatalogEntry> list(HttpRequest<?> request) {
    requireReady();
    return hub.catalog().index().search(CatalogQuery.parse(CatalogRequests.params(request, PAGE_ONLY)));
  }

  /** Searches the catalog. */
  @CatalogSearchParameters
  @PageParameters
  @Get("/search")
  Page<CatalogEntry> search(HttpRequest<?> request) {
    requireReady();
    return hub.catalog()
        .index()
        .search(CatalogQuery.parse(CatalogRequests.params(request, CatalogQuery.PARAMETERS)));
  }

  /** One catalog entry. */
  @Get("/{id}")
  CatalogEntry detail(@PathVariable String id) {
    requireReady();
    return hub.catalog()
        .index()
        .get(CatalogRequests.id(id))
        .orElseThrow(() -> new NotFoundException("catalog entry '" + id + "' not found"));
  }

  private void requireReady() {
    if (!hub.ready()) {
      throw new NotReadyException("the Hub catalog is still loading");
    }
  }
}
