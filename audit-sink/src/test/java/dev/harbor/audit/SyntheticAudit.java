package dev.harbor.audit;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic-looking audit events for tests and the benchmark: instances set up from
 * catalog entries, agents, scripts and operators acting on them, the node acting as SYSTEM, every
 * event type, and times that are roughly but not strictly in production order (events about
 * different subjects overtake each other, as they do across partitions).
 */
public final class SyntheticAudit {

  /** Sorts like the store answers: newest first, ties by id. */
  public static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::at).reversed().thenComparing(AuditEvent::id);

  private static final AuditEventType[] CATALOG_USE = {
    AuditEventType.CATALOG_VIEWED, AuditEventType.CATALOG_SEARCHED
  };
  private static final AuditEventType[] NODE_LEVEL = {
    AuditEventType.TOKEN_CREATED, AuditEventType.TOKEN_REVOKED, AuditEventType.POLICY_CHANGED
  };
  private static final AuditEventType[] ENTRY_LEVEL = {
    AuditEventType.ENTRY_ENABLED, AuditEventType.ENTRY_DISABLED
  };
  private static final AuditEventType[] INSTANCE_LEVEL = {
    AuditEventType.SETUP_REQUESTED, AuditEventType.SETUP_APPROVED, AuditEventType.SETUP_DENIED,
    AuditEventType.SETUP_STARTED, AuditEventType.SECRET_LINKED, AuditEventType.SECRET_MISSING,
    AuditEventType.LAUNCH_SUCCEEDED, AuditEventType.LAUNCH_FAILED, AuditEventType.STATUS_CHANGED,
    AuditEventType.STATUS_CHANGED, AuditEventType.STATUS_CHANGED, AuditEventType.REMOVE_REQUESTED,
    AuditEventType.REMOVE_SUCCEEDED, AuditEventType.REMOVE_FAILED,
    AuditEventType.INSTANCE_RESTART_REQUESTED, AuditEventType.TRANSITION_REFUSED
  };
  private static final String[] WORDS = {
    "github", "postgres", "quota", "approval", "timeout", "registry", "network", "Jira", "slack", "vault"
  };

  private final String nodeId;
  private final int instances;
  private final int actors;
  private final int catalogIds;
  private final Instant start;
  private final Duration step;
  private final SplittableRandom random;

  /**
   * @param step the average time between two events; each event is jittered by up to 20 steps
   */
  public SyntheticAudit(
      String nodeId, long seed, int instances, int actors, int catalogIds, Instant start, Duration step) {
    this.nodeId = nodeId;
    this.instances = instances;
    this.actors = actors;
    this.catalogIds = catalogIds;
    this.start = start;
    this.step = step;
    this.random = new SplittableRandom(seed);
  }

  /** The next {@code count} events, numbered from {@code first}. */
  public List<AuditEvent> events(int first, int count) {
    List<AuditEvent> events = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      events.add(event(i));
    }
    return events;
  }

  /** The event numbered {@code n}. */
  public AuditEvent event(int n) {
    long jitter = random.nextLong(-20, 21) * step.toNanos();
    Instant at = start.plusNanos(n * step.toNanos() + jitter);
    Actor actor = actor(random.nextInt(actors));
    int instance = random.nextInt(instances);
    String instanceId = instanceId(instance);
    String catalogId = catalogId(instance % catalogIds);
    String word = WORDS[random.nextInt(WORDS.length)];
    double kind = random.nextDouble();
    AuditEventType type;
    if (kind < 0.35) {
      type = CATALOG_USE[random.nextInt(CATALOG_USE.length)];
      instanceId = null;
      catalogId = type == AuditEventType.CATALOG_VIEWED ? catalogId : null;
    } else if (kind < 0.40) {
      type = NODE_LEVEL[random.nextInt(NODE_LEVEL.length)];
      instanceId = null;
      catalogId = null;
    } else if (kind < 0.45) {
      type = ENTRY_LEVEL[random.nextInt(ENTRY_LEVEL.length)];
      instanceId = null;
    } else {
      type = INSTANCE_LEVEL[random.nextInt(INSTANCE_LEVEL.length)];
    }
    AuditOutcome outcome = outcome(type);
    Map<String, String> details = new LinkedHashMap<>();
    String reason = null;
    if (type == AuditEventType.CATALOG_SEARCHED) {
      details.put("q", word + " server");
    } else if (type == AuditEventType.STATUS_CHANGED) {
      details.put("from", "installing");
      details.put("to", random.nextBoolean() ? "active" : "failed");
    }
    if (outcome == AuditOutcome.DENIED || outcome == AuditOutcome.FAILED) {
      reason = "refused: " + word + " rule " + random.nextInt(40);
    }
    String subject = instanceId != null ? "instance " + instanceId : catalogId != null ? catalogId : "node " + nodeId;
    String message = type.wire().replace('_', ' ') + " for " + subject + " by " + actor.name() + ".";
    return new AuditEvent(
        String.format("ev-%09d", n),
        nodeId,
        type,
        at,
        actor,
        catalogId,
        instanceId,
        message,
        details,
        type.wire().startsWith("catalog") ? "catalog." + type.wire().substring(8) : "mcp.setup",
        outcome,
        reason,
        "cmd-" + (n / 3));
  }

  /** The id of instance number {@code index} (0 to instances - 1). */
  public static String instanceId(int index) {
    return String.format("i-%020x", (long) index * 2654435761L);
  }

  /** The catalog id of catalog entry number {@code index} (0 to catalogIds - 1). */
  public static String catalogId(int index) {
    return "docker.server-" + index;
  }

  /** Actor number {@code index} (0 to actors - 1); number 0 is the node itself. */
  public Actor actor(int index) {
    if (index == 0) {
      return new Actor(CallerKind.SYSTEM, nodeId, null);
    }
    CallerKind kind = index % 10 == 1 ? CallerKind.OPERATOR : index % 10 < 5 ? CallerKind.SCRIPT : CallerKind.AGENT;
    return new Actor(kind, kind.wire() + "-" + index, "tok_" + index);
  }

  private AuditOutcome outcome(AuditEventType type) {
    double r = random.nextDouble();
    if (type == AuditEventType.SETUP_DENIED) {
      return AuditOutcome.DENIED;
    }
    if (type == AuditEventType.SETUP_REQUESTED && r < 0.3) {
      return AuditOutcome.PENDING;
    }
    if (type == AuditEventType.STATUS_CHANGED && r < 0.2) {
      return null;
    }
    return r < 0.8 ? AuditOutcome.SUCCEEDED : r < 0.9 ? AuditOutcome.FAILED : AuditOutcome.DENIED;
  }
}
