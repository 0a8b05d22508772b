package dev.harbor.launcher;

import dev.harbor.launcher.probe.McpServerInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine the launcher drives. Docker ({@link DockerBackend}) is the only one; the interface keeps
 * the reconciler free of engine calls so its decisions read on their own.
 */
public interface LauncherBackend {

  /** Every container that claims Harbor's node label for {@code nodeId}, stopped ones included. */
  List<ObservedContainer> list(String nodeId) throws LaunchFailure;

  /** The container of that name, if any. */
  Optional<ObservedContainer> find(String name) throws LaunchFailure;

  /** The image ready to run: inspected, pulled first when missing. */
  ImageFacts image(String reference) throws LaunchFailure;

  /** Creates the container; returns its id. */
  String create(ContainerRequest request) throws LaunchFailure;

  /** Starts a created container. */
  void start(String containerId) throws LaunchFailure;

  /** Stops (briefly) and removes a container; a container already gone is fine. */
  void remove(String containerId) throws LaunchFailure;

  /** The container's last log lines, stdout and stderr merged, oldest first. */
  List<String> logTail(String containerId, int lines);

  /** MCP initialize and tools/list against an HTTP server. */
  McpServerInfo probeHttp(String url, Duration timeout) throws LaunchFailure;

  /** MCP initialize and tools/list through a new process started in the container. */
  McpServerInfo probeStdio(String containerId, List<String> command, Duration timeout) throws LaunchFailure;

  /** True when the engine is a swarm manager, so secrets can be delivered as Docker Secrets. */
  boolean swarmManager();

  /** Creates the instance as a one-replica swarm service whose secrets Docker mounts at /run/secrets. */
  void createService(ContainerRequest request, java.util.Map<String, byte[]> secrets) throws LaunchFailure;

  /** Removes the instance's Docker Secrets; false while a service still holds one. */
  boolean removeDockerSecrets(String nodeId, String instanceId);

  /** Instances of the node that have Docker Secrets. */
  List<String> instancesWithDockerSecrets(String nodeId);

  /** Makes sure Harbor's network without egress exists. */
  void ensureNoEgressNetwork() throws LaunchFailure;
}
