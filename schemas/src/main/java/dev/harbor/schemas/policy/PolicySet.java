package dev.harbor.schemas.policy;

import dev.harbor.schemas.node.Actor;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A node's policy: its rules in order, the version (one more at every change), and who changed it
 * when. The value of the node's compacted policy topic under the key {@link #KEY}.
 */
@Serdeable
public record PolicySet(long version, List<PolicyRule> rules, Actor updatedBy, Instant updatedAt) {

  public static final String KEY = "policy";

  public PolicySet {
    rules = rules == null ? List.of() : List.copyOf(rules);
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
