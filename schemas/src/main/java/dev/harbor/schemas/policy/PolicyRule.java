package dev.harbor.schemas.policy;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * One policy rule. It matches a request when every condition it sets matches (an empty list or a
 * null means "any"): the action, the caller's kind, the caller's name (a glob with {@code *} and
 * {@code ?}), and the catalog entry's id (globs), tags (any of), publisher (any of), whether it needs
 * secrets, and transport (any of). Rules are tried in order; the first that matches decides.
 */
@Serdeable
public record PolicyRule(
    String id,
    @Nullable String description,
    List<PolicyAction> actions,
    List<CallerKind> callerKinds,
    @Nullable String callerName,
    List<String> catalogIds,
    List<String> tags,
    List<String> publishers,
    @Nullable Boolean needsSecrets,
    List<Transport> transports,
    PolicyEffect effect,
    @Nullable String reason) {

  public PolicyRule {
    Require.text(id, "id");
    Objects.requireNonNull(effect, "effect");
    actions = actions == null ? List.of() : List.copyOf(actions);
    callerKinds = callerKinds == null ? List.of() : List.copyOf(callerKinds);
    catalogIds = catalogIds == null ? List.of() : List.copyOf(catalogIds);
    tags = tags == null ? List.of() : List.copyOf(tags);
    publishers = publishers == null ? List.of() : List.copyOf(publishers);
    transports = transports == null ? List.of() : List.copyOf(transports);
  }
}
