package dev.harbor.launcher;

import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchOrder;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the node wants, as the launcher last read it: every instance (from the compacted instances
 * topic) and the order in force for each (from the compacted orders topic). The two topics are read
 * separately, so for a moment an instance may be ahead of or behind its order; the reconciler acts
 * only when they agree.
 */
public final class DesiredState {

  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final Map<String, LaunchOrder> orders = new ConcurrentHashMap<>();
  private volatile boolean caughtUp;

  public void put(Instance instance) {
    instances.put(instance.id(), instance);
  }

  public void put(LaunchOrder order) {
    orders.put(order.instanceId(), order);
  }

  public Optional<Instance> instance(String id) {
    return Optional.ofNullable(instances.get(id));
  }

  public Optional<LaunchOrder> order(String instanceId) {
    return Optional.ofNullable(orders.get(instanceId));
  }

  /** Every instance id the node knows, from either topic. */
  public Set<String> instanceIds() {
    Set<String> ids = new HashSet<>(instances.keySet());
    ids.addAll(orders.keySet());
    return ids;
  }

  /** True once both topics were read up to where they ended when the launcher started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  void markCaughtUp() {
    caughtUp = true;
  }
}
