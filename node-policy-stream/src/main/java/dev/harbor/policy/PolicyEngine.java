package dev.harbor.policy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a node's policy says about one request. Rules are tried in order and the first whose
 * every condition matches decides; when none does, the request is denied by the rule {@value
 * #DEFAULT_DENY}. Pure and stateless.
 *
 * <p>Matching: an empty list or an absent value matches anything. {@code callerName} and {@code
 * catalogIds} are globs ({@code *}, {@code ?}; case-sensitive). {@code tags} and {@code publishers}
 * match when the entry has any of them (ignoring case). {@code needsSecrets} compares with whether
 * the entry declares any secret. A rule with any catalog condition never matches a request that
 * concerns no catalog entry ({@code entry} null).
 */
public final class PolicyEngine {

  /** The rule id of the decision made when no rule matches. */
  public static final String DEFAULT_DENY = "default-deny";

  private PolicyEngine() {}

  /** {@link #decide(PolicyAction, CallerKind, String, CatalogEntry, PolicySet, Instant)} stamped now. */
  public static Decision decide(
      PolicyAction action,
      CallerKind callerKind,
      String callerName,
      @Nullable CatalogEntry entry,
      PolicySet policy) {
    return decide(action, callerKind, callerName, entry, policy, Instant.now());
  }

  /**
   * The decision of the first matching rule, or a {@link #DEFAULT_DENY} denial.
   *
   * @param entry the catalog entry the request concerns, or null when it concerns none
   * @param at the decision's time
   */
  public static Decision decide(
      PolicyAction action,
      CallerKind callerKind,
      String callerName,
      @Nullable CatalogEntry entry,
      PolicySet policy,
      Instant at) {
    Objects.requireNonNull(at, "at");
    return firstMatch(action, callerKind, callerName, entry, policy)
        .map(rule -> new Decision(rule.effect(), rule.id(), reason(rule), at))
        .orElseGet(
            () ->
                new Decision(
                    PolicyEffect.DENY,
                    DEFAULT_DENY,
                    "no policy rule allows " + action.wire() + " for " + callerKind.wire() + " '"
                        + callerName + "'",
                    at));
  }

  /** The first rule that matches the request, if any. */
  public static Optional<PolicyRule> firstMatch(
      PolicyAction action,
      CallerKind callerKind,
      String callerName,
      @Nullable CatalogEntry entry,
      PolicySet policy) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(callerKind, "callerKind");
    Objects.requireNonNull(callerName, "callerName");
    return policy.rules().stream()
        .filter(rule -> matches(rule, action, callerKind, callerName, entry))
        .findFirst();
  }

  /** True when every condition the rule sets holds for the request. */
  public static boolean matches(
      PolicyRule rule,
      PolicyAction action,
      CallerKind callerKind,
      String callerName,
      @Nullable CatalogEntry entry) {
    return (rule.actions().isEmpty() || rule.actions().contains(action))
        && (rule.callerKinds().isEmpty() || rule.callerKinds().contains(callerKind))
        && (rule.callerName() == null || Glob.matches(rule.callerName(), callerName))
        && matchesEntry(rule, entry);
  }

  private static boolean matchesEntry(PolicyRule rule, @Nullable CatalogEntry entry) {
    if (!hasCatalogConditions(rule)) {
      return true;
    }
    if (entry == null) {
      return false;
    }
    return (rule.catalogIds().isEmpty()
            || rule.catalogIds().stream().anyMatch(glob -> Glob.matches(glob, entry.id())))
        && (rule.tags().isEmpty() || anyEqualIgnoringCase(rule.tags(), entry.tags()))
        && (rule.publishers().isEmpty()
            || (entry.publisher() != null
                && anyEqualIgnoringCase(rule.publishers(), List.of(entry.publisher()))))
        && (rule.needsSecrets() == null || rule.needsSecrets() == !entry.secrets().isEmpty())
        && (rule.transports().isEmpty() || rule.transports().contains(entry.transport()));
  }

  private static boolean hasCatalogConditions(PolicyRule rule) {
    return !rule.catalogIds().isEmpty()
        || !rule.tags().isEmpty()
        || !rule.publishers().isEmpty()
        || rule.needsSecrets() != null
        || !rule.transports().isEmpty();
  }

  private static boolean anyEqualIgnoringCase(List<String> wanted, List<String> present) {
    for (String value : present) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (wanted.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).equals(lower))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String reason(PolicyRule rule) {
    if (rule.reason() != null) {
      return rule.reason();
    }
    return switch (rule.effect()) {
      case ALLOW -> null;
      case DENY -> "denied by policy rule '" + rule.id() + "'";
      case REQUIRE_APPROVAL -> "policy rule '" + rule.id() + "' requires an operator's approval";
    };
  }
}
