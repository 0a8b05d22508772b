package dev.harbor.launcher.secrets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Where operators' secret values wait for their instance's container, outside Kafka and outside
 * every store Harbor replicates. Values go in and reach a container; they never come back out through
 * an API, except to the launcher's log redaction.
 */
public interface SecretStore {

  /** Stores (or replaces) the value of one secret of an instance. */
  void put(String instanceId, String name, byte[] value);

  /** Names of the instance's secrets that are stored. */
  Set<String> names(String instanceId);

  /** Secret name to the host file a container binds read-only at /run/secrets/NAME. */
  Map<String, Path> files(String instanceId, Set<String> names);

  /**
   * Makes the instance's secret files readable by the user its container runs as: owned by that uid
   * and gid with mode 0400, or mode 0444 when the user is a name rather than numbers (only the
   * container sees the file; its directory on the host stays 0700).
   */
  void grant(String instanceId, String containerUser);

  /** The stored value of one secret, read only to hand it to Docker as a Docker Secret. */
  java.util.Optional<byte[]> value(String instanceId, String name);

  /** The stored values of the instance, for redacting its container's log lines. */
  Set<String> valuesForRedaction(String instanceId);

  /** Deletes every secret of the instance; nothing is left behind. */
  void deleteAll(String instanceId);

  /** Instances that have secrets stored. */
  Set<String> instances();
}
