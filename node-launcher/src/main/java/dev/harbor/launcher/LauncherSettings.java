package dev.harbor.launcher;

import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node's launcher runs.
 *
 * @param secretsDir where file-delivered secrets live (a tmpfs: {@code /dev/shm/harbor/<node>/secrets})
 * @param secretEnvWrapper the host file of the entrypoint wrapper that exports secrets as environment
 * @param probeTimeout how long a new server has to answer MCP initialize
 * @param reconcileInterval how often a full pass compares Docker with the desired state
 * @param dockerSecrets deliver the secrets of stdio servers as Docker Secrets (a one-replica swarm
 *     service) when the engine is a swarm manager, instead of bound files
 */
public record LauncherSettings(
    String nodeId,
    Path harborHome,
    Path secretsDir,
    Path secretEnvWrapper,
    Duration probeTimeout,
    Duration reconcileInterval,
    String dockerHost,
    boolean dockerSecrets) {

  public LauncherSettings {
    Topics.requireNodeId(nodeId);
    Objects.requireNonNull(harborHome, "harborHome");
    Objects.requireNonNull(secretsDir, "secretsDir");
    Objects.requireNonNull(secretEnvWrapper, "secretEnvWrapper");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
  }

  /** Defaults for a node: secrets on /dev/shm, 30 s to answer MCP, a full pass every 5 s. */
  public static LauncherSettings defaults(String nodeId, Path harborHome) {
    return new LauncherSettings(
        nodeId, harborHome, Path.of("/dev/shm", "harbor", nodeId, "secrets"),
        nodeDir(harborHome, nodeId).resolve("bin").resolve("secret-env"),
        Duration.ofSeconds(30), Duration.ofSeconds(5), null, false);
  }

  public LauncherSettings withSecretsDir(Path dir) {
    return new LauncherSettings(nodeId, harborHome, dir, secretEnvWrapper, probeTimeout, reconcileInterval, dockerHost, dockerSecrets);
  }

  public LauncherSettings withProbeTimeout(Duration timeout) {
    return new LauncherSettings(nodeId, harborHome, secretsDir, secretEnvWrapper, timeout, reconcileInterval, dockerHost, dockerSecrets);
  }

  public LauncherSettings withReconcileInterval(Duration interval) {
    return new LauncherSettings(nodeId, harborHome, secretsDir, secretEnvWrapper, probeTimeout, interval, dockerHost, dockerSecrets);
  }

  public LauncherSettings withDockerSecrets(boolean enabled) {
    return new LauncherSettings(nodeId, harborHome, secretsDir, secretEnvWrapper, probeTimeout, reconcileInterval,
        dockerHost, enabled);
  }

  /** The node's own directory under the Harbor home. */
  public static Path nodeDir(Path harborHome, String nodeId) {
    return harborHome.resolve("nodes").resolve(Topics.requireNodeId(nodeId));
  }

  /** The file holding the key that proves container ownership. */
  public Path ownershipKey() {
    return nodeDir(harborHome, nodeId).resolve("launcher.key");
  }
}
