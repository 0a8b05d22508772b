package dev.harbor.app;

import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code ./harbor} needs to start, read from the environment with safe local defaults.
 * Pointing Harbor at an external Kafka cluster is {@code HARBOR_KAFKA_BOOTSTRAP} (no embedded broker
 * is started then); running the Hub and a Node as separate processes is {@code HARBOR_ROLES}.
 */
public record HarborSettings(
    Path home,
    Set<Role> roles,
    String kafkaBootstrap,
    int kafkaPort,
    short replicationFactor,
    int minInsyncReplicas,
    String nodeId,
    String bindHost,
    int nodePort,
    int hubPort,
    List<Path> seed,
    String registryUrl,
    String hubNodeUrl,
    String approvalTtl,
    String approvalCheckInterval,
    boolean launcher,
    String secretsDir,
    String probeTimeout,
    String secretDelivery) {

  /** The parts one process can run. */
  public enum Role {
    BROKER,
    HUB,
    NODE
  }

  public static HarborSettings fromEnvironment(Map<String, String> env) {
    Path home =
        Path.of(env.getOrDefault("HARBOR_HOME", Path.of(System.getProperty("user.home"), ".harbor").toString()))
            .toAbsolutePath();
    String bootstrap = env.getOrDefault("HARBOR_KAFKA_BOOTSTRAP", "");
    Set<Role> roles = roles(env.get("HARBOR_ROLES"), bootstrap.isBlank());
    if (roles.contains(Role.BROKER) && !bootstrap.isBlank()) {
      throw new IllegalArgumentException(
          "HARBOR_KAFKA_BOOTSTRAP points at an external cluster; drop 'broker' from HARBOR_ROLES");
    }
    List<Path> seed =
        Arrays.stream(env.getOrDefault("HARBOR_SEED", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .toList();
    return new HarborSettings(
        home,
        roles,
        bootstrap,
        port(env, "HARBOR_KAFKA_PORT", 9092),
        (short) port(env, "HARBOR_KAFKA_REPLICATION_FACTOR", 1),
        port(env, "HARBOR_KAFKA_MIN_INSYNC_REPLICAS", 1),
        Topics.requireNodeId(env.getOrDefault("HARBOR_NODE_ID", "default")),
        env.getOrDefault("HARBOR_BIND", "127.0.0.1"),
        port(env, "HARBOR_NODE_PORT", 8080),
        port(env, "HARBOR_HUB_PORT", 8081),
        seed,
        env.getOrDefault("HARBOR_REGISTRY_URL", ""),
        env.getOrDefault("HARBOR_HUB_NODE_URL", ""),
        env.getOrDefault("HARBOR_APPROVAL_TTL", "24h"),
        env.getOrDefault("HARBOR_APPROVAL_CHECK_INTERVAL", "30s"),
        switch (env.getOrDefault("HARBOR_LAUNCHER", "on").trim().toLowerCase(java.util.Locale.ROOT)) {
          case "on", "true", "yes", "1" -> true;
          case "off", "false", "no", "0" -> false;
          default -> throw new IllegalArgumentException("HARBOR_LAUNCHER: expected on or off");
        },
        env.getOrDefault("HARBOR_SECRETS_DIR", ""),
        env.getOrDefault("HARBOR_PROBE_TIMEOUT", "30s"),
        env.getOrDefault("HARBOR_SECRET_DELIVERY", "files"));
  }

  public HarborSettings withKafkaBootstrap(String bootstrap) {
    return new HarborSettings(
        home, roles, bootstrap, kafkaPort, replicationFactor, minInsyncReplicas, nodeId, bindHost,
        nodePort, hubPort, seed, registryUrl, hubNodeUrl, approvalTtl, approvalCheckInterval, launcher, secretsDir, probeTimeout, secretDelivery);
  }

  /** Where the running system records the bootstrap servers for one-off commands such as imports. */
  public Path bootstrapFile() {
    return home.resolve("run").resolve("kafka-bootstrap");
  }

  private static Set<Role> roles(String value, boolean embedded) {
    if (value == null || value.isBlank()) {
      return embedded ? EnumSet.allOf(Role.class) : EnumSet.of(Role.HUB, Role.NODE);
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : value.split(",")) {
      try {
        roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "HARBOR_ROLES: unknown role '" + name.trim() + "', expected broker, hub and/or node");
      }
    }
    return roles;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a number: '" + value + "'");
    }
  }
}
