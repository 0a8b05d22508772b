package dev.harbor.node.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.identity.Callers;
import dev.harbor.platform.catalog.CatalogRequests;
import dev.harbor.platform.http.ApiErrors;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.policy.InvalidPolicyException;
import dev.harbor.policy.PolicyEngine;
import dev.harbor.policy.SetupChecks;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/**
 * The node's policy over HTTP: read it (any caller), replace its rules (operators), and ask what
 * would happen if a caller asked for an entry (dry run: the checks that come before policy, then the
 * rule that would decide), without changing anything.
 */
@Tag(name = "policy")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/policy")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class PolicyController {

  private final NodePolicy policy;
  private final NodeCatalog catalog;

  PolicyController(NodePolicy policy, NodeCatalog catalog) {
    this.policy = policy;
    this.catalog = catalog;
  }

  /** The policy in force: its rules, tried in order, the first match deciding. */
  @Get
  PolicySet read(HttpRequest<?> request) {
    Callers.current(request);
    return policy.current();
  }

  /** Replaces the policy's rules with a complete new list (operators only). */
  @Put
  PolicySet replace(HttpRequest<?> request, @Body ReplaceRequest body) {
    Caller operator = Callers.require(request, CallerKind.OPERATOR);
    List<PolicyRule> rules = ApiErrors.requireField(body.rules(), "rules");
    try {
      return policy.replace(rules, operator);
    } catch (InvalidPolicyException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
  }

  /** What would happen if a caller asked for an entry, without changing anything. */
  @Post("/dry-run")
  DryRun dryRun(HttpRequest<?> request, @Body DryRunRequest body) {
    Caller caller = Callers.current(request);
    String catalogId = CatalogRequests.id(ApiErrors.requireField(body.catalogId(), "catalogId"));
    PolicyAction action = body.action() == null ? PolicyAction.MCP_SETUP : wire(PolicyAction.class, body.action(), "action");
    CallerKind kind = body.callerKind() == null ? caller.kind() : wire(CallerKind.class, body.callerKind(), "callerKind");
    String name = body.callerName() == null ? caller.name() : body.callerName();
    if (caller.kind() != CallerKind.OPERATOR && (kind != caller.kind() || !name.equals(caller.name()))) {
      throw new dev.harbor.platform.http.ForbiddenException("only operators may ask on behalf of another caller");
    }
    if (!catalog.ready()) {
      throw new NotReadyException("the node's catalog mirror is still catching up");
    }
    CatalogItem item =
        catalog.get(catalogId).orElseThrow(() -> new NotFoundException("catalog entry '" + catalogId + "' not found"));
    Decision decision = decide(action, kind, name, item);
    return new DryRun(action.wire(), kind.wire(), name, catalogId, decision);
  }

  private Decision decide(PolicyAction action, CallerKind kind, String name, CatalogItem item) {
    Instant now = Instant.now();
    CatalogEntry entry = item.entry();
    if (action == PolicyAction.MCP_SETUP) {
      if (!item.local().enabled()) {
        String by = item.local().changedBy() == null ? "an operator" : item.local().changedBy().name();
        String reason = item.local().reason() == null ? "" : ": " + item.local().reason();
        return new Decision(PolicyEffect.DENY, SetupChecks.NODE_STATE, "catalog entry disabled on this node by " + by + reason, now);
      }
      if (!entry.launchable()) {
        return new Decision(PolicyEffect.DENY, SetupChecks.CATALOG, entry.notLaunchableReason(), now);
      }
    }
    return PolicyEngine.decide(action, kind, name, entry, policy.current(), now);
  }

  private static <E extends Enum<E> & Wire> E wire(Class<E> type, String value, String field) {
    try {
      return Wire.parse(type, value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, e.getMessage());
    }
  }

  /** Body of {@code PUT /v1/mcp/policy}: the complete new rule list, in order. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record ReplaceRequest(@Nullable List<PolicyRule> rules) {}

  /**
   * Body of {@code POST /v1/mcp/policy/dry-run}; caller kind and name default to the caller's own.
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record DryRunRequest(
      @Nullable String catalogId, @Nullable String action, @Nullable String callerKind, @Nullable String callerName) {}

  /** What would happen: the request as evaluated and the decision, with the rule that made it. */
  @Serdeable
  record DryRun(String action, String callerKind, String callerName, String catalogId, Decision decision) {}
}
