package dev.harbor.node.audit;

import dev.harbor.audit.AuditPage;
import dev.harbor.audit.AuditQuery;
import dev.harbor.audit.AuditSinkService;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.platform.openapi.PageParameters;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node's audit trail, as the audit sink materialised it: filtered, newest first, paged. Any
 * caller may read it; replaying it from offset 0 into fresh stores is an operator's call.
 */
@Tag(name = "audit")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/audit")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

  private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(5);

  private final AuditSinkService sink;

  AuditController(AuditSinkService sink) {
    this.sink = sink;
  }

  /** The node's audit trail, filtered, newest first, paged. */
  @PageParameters
  @Parameter(name = "instanceId", ref = "#/components/parameters/instanceId")
  @Parameter(name = "actorName", ref = "#/components/parameters/actorName")
  @Parameter(name = "actorKind", ref = "#/components/parameters/actorKind")
  @Parameter(name = "catalogId", ref = "#/components/parameters/catalogId")
  @Parameter(name = "types", ref = "#/components/parameters/types")
  @Parameter(name = "outcome", ref = "#/components/parameters/outcome")
  @Parameter(name = "from", ref = "#/components/parameters/from")
  @Parameter(name = "to", ref = "#/components/parameters/to")
  @Parameter(name = "text", ref = "#/components/parameters/text")
  @Get
  AuditPage query(HttpRequest<?> request) {
    Callers.current(request);
    Map<String, String> params = CatalogRequests.params(request, AuditQuery.PARAMETERS);
    return sink.store().query(AuditQuery.parse(params));
  }

  /**
   * Rebuilds the audit store from the start of the audit topic, then switches over (operators only).
   */
  @Post("/replay")
  HttpResponse<Replayed> replay(HttpRequest<?> request) throws InterruptedException {
    Callers.require(request, CallerKind.OPERATOR);
    long started = System.nanoTime();
    try {
      sink.store().replay().get(REPLAY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("audit replay failed", e.getCause());
    } catch (TimeoutException e) {
      throw new dev.harbor.platform.http.NotReadyException("the audit replay is still running");
    }
    return HttpResponse.ok(new Replayed(Duration.ofNanos(System.nanoTime() - started).toMillis()));
  }

  /** The answer to a replay: how long rebuilding took. */
  @Serdeable
  record Replayed(long millis) {}
}
