package dev.harbor.node.clientconfig;

import dev.harbor.node.identity.Caller;
import dev.harbor.node.identity.Callers;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.http.QueryParams;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ConfigImportAnswer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/mcp/config}: the client configuration of the running instances the caller may see, in
 * Claude Desktop's and Cursor's shape or VS Code's ({@code GET}), and the import of a pasted client
 * configuration as setup requests for the catalog entries it runs ({@code POST /import}).
 */
@Tag(name = "client-config")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/config")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientConfigController {

  private final ClientConfigExport export;
  private final ConfigImporter importer;
  private final NodeInstances instances;

  ClientConfigController(ClientConfigExport export, ConfigImporter importer, NodeInstances instances) {
    this.export = export;
    this.importer = importer;
    this.instances = instances;
  }

  /** The merged client configuration of the running instances the caller may see. */
  @Parameter(name = "format", ref = "#/components/parameters/clientFormat")
  @Get
  Map<String, Object> export(HttpRequest<?> request) {
    Caller caller = Callers.current(request);
    Map<String, String> params = CatalogRequests.params(request, Set.of("format"));
    ClientFormat format = QueryParams.wire(params.get("format"), "format", ClientFormat.class);
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
    return export.export(caller, format == null ? ClientFormat.CLAUDE : format);
  }

  /** Imports a pasted Claude Desktop, Cursor or VS Code configuration as setup requests. */
  @Parameter(name = "dryRun", ref = "#/components/parameters/dryRun")
  @Post(uri = "/import", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  ConfigImportAnswer importConfig(HttpRequest<?> request, @Body @Nullable String body) {
    Caller caller = Callers.current(request);
    Map<String, String> params = CatalogRequests.params(request, Set.of("dryRun"));
    boolean queryDryRun = QueryParams.flag(params.get("dryRun"), "dryRun");
    PastedConfig paste = PastedConfig.parse(body);
    return importer.importConfig(paste, queryDryRun || paste.dryRun(), caller);
  }
}
