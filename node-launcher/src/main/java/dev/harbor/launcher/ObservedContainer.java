package dev.harbor.launcher;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * A container as Docker reports it: identity, labels, run state, and the facts the launcher checks
 * for drift (published port, memory, process and CPU limits).
 *
 * @param state Docker's state: created, running, restarting, paused, exited or dead
 * @param hostPort the 127.0.0.1 port its first published port is bound to, or 0
 */
public record ObservedContainer(
    String id,
    String name,
    Map<String, String> labels,
    String state,
    int exitCode,
    boolean oomKilled,
    int restartCount,
    @Nullable String imageId,
    int hostPort,
    long memoryBytes,
    long pidsLimit,
    long nanoCpus) {

  public ObservedContainer {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public boolean running() {
    return "running".equals(state);
  }

  public boolean restarting() {
    return "restarting".equals(state);
  }

  public boolean stopped() {
    return "exited".equals(state) || "dead".equals(state);
  }

  public String instanceId() {
    return labels.get(Ownership.INSTANCE);
  }
}
