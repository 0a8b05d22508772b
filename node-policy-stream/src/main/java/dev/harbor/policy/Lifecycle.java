package dev.harbor.policy;

import dev.harbor.schemas.instance.InstanceStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instance lifecycle: every legal status change, what triggers it, and nothing else. Whoever
 * changes an instance's status asks this table first; a change it does not list is refused (and
 * audited as {@code transition_refused}). A new instance starts as {@link InstanceStatus#REQUESTED}
 * and leaves it at once through the setup decision. See docs/lifecycle.md for the diagram.
 */
public final class Lifecycle {

  /** What moves an instance from one status to another. */
  public enum Trigger {
    /** Policy allowed a setup: the launcher is ordered to start it. */
    SETUP_ALLOWED,
    /** Policy asked for an operator's approval of a setup. */
    APPROVAL_REQUIRED,
    /** A setup was refused: by a check, by policy, or by an operator. */
    SETUP_DENIED,
    /** An operator approved a pending setup: the launcher is ordered to start it. */
    APPROVED,
    /** Nobody answered an approval request in time. */
    APPROVAL_EXPIRED,
    /** Someone asked to remove the instance. */
    REMOVE,
    /** Someone asked to restart the instance: the launcher is ordered to start it again. */
    RESTART,
    /** The launcher reports the container running and healthy. */
    STARTED,
    /** The launcher reports the container running but unhealthy. */
    UNHEALTHY,
    /** The launcher reports that the container could not start, exited or could not be removed. */
    FAILED,
    /** The launcher reports the container gone. */
    CONTAINER_REMOVED,
    /** The launcher reports secrets an operator has yet to supply. */
    SECRETS_MISSING,
    /** An operator supplied a secret of an instance that waits for secrets: the launch is ordered again. */
    SECRETS_SUPPLIED
  }

  /** One legal transition. */
  public record Transition(InstanceStatus from, Trigger trigger, InstanceStatus to) {}

  private static final List<Transition> TABLE =
      List.of(
          t(InstanceStatus.REQUESTED, Trigger.SETUP_ALLOWED, InstanceStatus.INSTALLING),
          t(InstanceStatus.REQUESTED, Trigger.APPROVAL_REQUIRED, InstanceStatus.PENDING_APPROVAL),
          t(InstanceStatus.REQUESTED, Trigger.SETUP_DENIED, InstanceStatus.DENIED),
          t(InstanceStatus.REQUESTED, Trigger.REMOVE, InstanceStatus.REMOVED),
          t(InstanceStatus.PENDING_APPROVAL, Trigger.APPROVED, InstanceStatus.INSTALLING),
          t(InstanceStatus.PENDING_APPROVAL, Trigger.SETUP_DENIED, InstanceStatus.DENIED),
          t(InstanceStatus.PENDING_APPROVAL, Trigger.APPROVAL_EXPIRED, InstanceStatus.DENIED),
          t(InstanceStatus.PENDING_APPROVAL, Trigger.REMOVE, InstanceStatus.REMOVED),
          t(InstanceStatus.INSTALLING, Trigger.STARTED, InstanceStatus.ACTIVE),
          t(InstanceStatus.INSTALLING, Trigger.UNHEALTHY, InstanceStatus.DEGRADED),
          t(InstanceStatus.INSTALLING, Trigger.FAILED, InstanceStatus.FAILED),
          t(InstanceStatus.INSTALLING, Trigger.REMOVE, InstanceStatus.REMOVING),
          t(InstanceStatus.INSTALLING, Trigger.SECRETS_MISSING, InstanceStatus.SECRET_MISSING),
          t(InstanceStatus.SECRET_MISSING, Trigger.SECRETS_SUPPLIED, InstanceStatus.INSTALLING),
          t(InstanceStatus.SECRET_MISSING, Trigger.REMOVE, InstanceStatus.REMOVING),
          t(InstanceStatus.ACTIVE, Trigger.UNHEALTHY, InstanceStatus.DEGRADED),
          t(InstanceStatus.ACTIVE, Trigger.FAILED, InstanceStatus.FAILED),
          t(InstanceStatus.ACTIVE, Trigger.RESTART, InstanceStatus.INSTALLING),
          t(InstanceStatus.ACTIVE, Trigger.REMOVE, InstanceStatus.REMOVING),
          t(InstanceStatus.DEGRADED, Trigger.STARTED, InstanceStatus.ACTIVE),
          t(InstanceStatus.DEGRADED, Trigger.FAILED, InstanceStatus.FAILED),
          t(InstanceStatus.DEGRADED, Trigger.RESTART, InstanceStatus.INSTALLING),
          t(InstanceStatus.DEGRADED, Trigger.REMOVE, InstanceStatus.REMOVING),
          t(InstanceStatus.FAILED, Trigger.RESTART, InstanceStatus.INSTALLING),
          t(InstanceStatus.FAILED, Trigger.REMOVE, InstanceStatus.REMOVING),
          t(InstanceStatus.REMOVING, Trigger.CONTAINER_REMOVED, InstanceStatus.REMOVED),
          t(InstanceStatus.REMOVING, Trigger.FAILED, InstanceStatus.FAILED));

  private static final Map<InstanceStatus, Map<Trigger, InstanceStatus>> NEXT = index();

  /** Statuses that hold their catalog entry: a second setup of the same entry is refused meanwhile. */
  private static final Set<InstanceStatus> LIVE =
      Collections.unmodifiableSet(
          EnumSet.of(
              InstanceStatus.REQUESTED,
              InstanceStatus.PENDING_APPROVAL,
              InstanceStatus.INSTALLING,
              InstanceStatus.SECRET_MISSING,
              InstanceStatus.ACTIVE,
              InstanceStatus.DEGRADED,
              InstanceStatus.REMOVING));

  private Lifecycle() {}

  /** Every legal transition, in table order. */
  public static List<Transition> transitions() {
    return TABLE;
  }

  /** Where the trigger takes an instance in status {@code from}, or empty when it may not. */
  public static Optional<InstanceStatus> next(InstanceStatus from, Trigger trigger) {
    return Optional.ofNullable(NEXT.getOrDefault(from, Map.of()).get(trigger));
  }

  /** True when some trigger moves an instance from {@code from} to {@code to}. */
  public static boolean allowed(InstanceStatus from, InstanceStatus to) {
    return NEXT.getOrDefault(from, Map.of()).containsValue(to);
  }

  /** True for statuses nothing leaves: removed and denied. */
  public static boolean isFinal(InstanceStatus status) {
    return NEXT.getOrDefault(status, Map.of()).isEmpty();
  }

  /**
   * True while an instance holds its catalog entry (requested, pending approval, installing, secret
   * missing, active, degraded, removing): a second setup of the entry is refused as a duplicate. A failed instance
   * does not hold it, but it may restart only while no other instance does.
   */
  public static boolean isLive(InstanceStatus status) {
    return LIVE.contains(status);
  }

  private static Transition t(InstanceStatus from, Trigger trigger, InstanceStatus to) {
    return new Transition(from, trigger, to);
  }

  private static Map<InstanceStatus, Map<Trigger, InstanceStatus>> index() {
    Map<InstanceStatus, Map<Trigger, InstanceStatus>> next = new EnumMap<>(InstanceStatus.class);
    for (Transition transition : TABLE) {
      InstanceStatus previous =
          next.computeIfAbsent(transition.from(), s -> new EnumMap<>(Trigger.class))
              .put(transition.trigger(), transition.to());
      if (previous != null) {
        throw new IllegalStateException("the lifecycle lists " + transition.from() + " + "
            + transition.trigger() + " twice");
      }
    }
    next.replaceAll((status, byTrigger) -> Collections.unmodifiableMap(byTrigger));
    return Collections.unmodifiableMap(next);
  }
}
