package dev.harbor.launcher;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker Secrets delivery: a one-replica swarm service per instance whose secrets Docker itself
 * mounts at {@code /run/secrets/NAME}. The service is created with a raw Engine API request because
 * docker-java's typed model has no capability drop or process limit for services; secrets and
 * removal use the typed client. Secret names derive from the instance and the order, so a new order
 * never collides with secrets a running service still holds.
 */
final class SwarmServices {

  /** Label Docker puts on a service's task containers. */
  static final String SERVICE_LABEL = "com.docker.swarm.service.name";

  /**
   * The swarm network of services whose entry asks for no network: an internal overlay, so the
   * server reaches nothing outside (swarm services cannot join Docker's {@code none} network).
   */
  static final String NO_EGRESS_NETWORK = "harbor-swarm-no-egress";

  /** Label on Docker secrets naming the secret as the catalog does. */
  static final String SECRET_LABEL = "dev.harbor.secret";

  private final DockerClient docker;
  private final DockerHttpClient http;

  SwarmServices(DockerClient docker, String dockerHost) {
    this.docker = docker;
    DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (dockerHost != null && !dockerHost.isBlank()) {
      builder.withDockerHost(dockerHost);
    }
    DockerClientConfig config = builder.build();
    this.http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofMinutes(1))
        .build();
  }

  /** True when the engine is a swarm manager, so it can hold Docker Secrets. */
  boolean manager() {
    try {
      var swarm = docker.infoCmd().exec().getSwarm();
      return swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Creates the instance's Docker secrets and its one-replica service; returns the service id. */
  String create(ContainerRequest request, Map<String, byte[]> secrets) throws LaunchFailure {
    String instance = request.labels().get(Ownership.INSTANCE);
    String order = request.labels().get(Ownership.ORDER);
    List<Map<String, Object>> references = new ArrayList<>();
    String[] user = request.user().split(":");
    for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
      String dockerName = secretName(instance, order, secret.getKey());
      String id = existingSecret(dockerName);
      if (id == null) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Ownership.MANAGED_BY, Ownership.OWNER);
        labels.put(Ownership.NODE, request.labels().get(Ownership.NODE));
        labels.put(Ownership.INSTANCE, instance);
        labels.put(SECRET_LABEL, secret.getKey());
        id = docker.createSecretCmd(new SecretSpec()
                .withName(dockerName)
                .withLabels(labels)
                .withData(new String(secret.getValue(), StandardCharsets.UTF_8)))
            .exec().getId();
      }
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("Name", secret.getKey());
      file.put("UID", user[0].matches("\\d+") ? user[0] : "0");
      file.put("GID", user.length > 1 && user[1].matches("\\d+") ? user[1] : file.get("UID"));
      file.put("Mode", 0400);
      references.add(Map.of("File", file, "SecretID", id, "SecretName", dockerName));
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("Image", request.image());
    container.put("Labels", request.labels());
    if (request.entrypoint() != null) {
      container.put("Command", request.entrypoint());
    }
    if (!request.cmd().isEmpty()) {
      container.put("Args", request.cmd());
    }
    container.put("Env", request.env());
    container.put("User", request.user());
    container.put("ReadOnly", true);
    container.put("Init", true);
    container.put("OpenStdin", request.stdio());
    container.put("CapabilityDrop", List.of("ALL"));
    container.put("Secrets", references);
    List<Map<String, Object>> mounts = new ArrayList<>();
    request.profile().tmpfs().forEach((target, options) -> mounts.add(Map.of(
        "Type", "tmpfs", "Target", target, "TmpfsOptions", Map.of("SizeBytes", tmpfsBytes(options)))));
    container.put("Mounts", mounts);
    GuardrailProfile profile = request.profile();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("Name", request.name());
    spec.put("Labels", request.labels());
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("ContainerSpec", container);
    task.put("Resources", Map.of("Limits", Map.of(
        "MemoryBytes", profile.memoryBytes(), "NanoCPUs", profile.nanoCpus(), "Pids", profile.pidsLimit())));
    task.put("RestartPolicy", Map.of("Condition", "on-failure", "MaxAttempts", profile.restartLimit()));
    if (!"bridge".equals(request.network())) {
      ensureNoEgressNetwork();
      task.put("Networks", List.of(Map.of("Target", NO_EGRESS_NETWORK)));
    }
    spec.put("TaskTemplate", task);
    spec.put("Mode", Map.of("Replicated", Map.of("Replicas", 1)));
    byte[] body;
    try {
      body = ObjectMapper.getDefault().writeValueAsBytes(spec);
    } catch (IOException e) {
      throw new LaunchFailure("cannot write the service spec: " + e.getMessage(), e);
    }
    DockerHttpClient.Request post = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.POST)
        .path("/services/create")
        .putHeader("Content-Type", "application/json")
        .body(new ByteArrayInputStream(body))
        .build();
    try (DockerHttpClient.Response response = http.execute(post)) {
      String answer = read(response.getBody());
      if (response.getStatusCode() == 409) {
        throw new LaunchFailure("a service named " + request.name() + " exists already");
      }
      if (response.getStatusCode() >= 300) {
        throw new LaunchFailure("Docker refused to create the service: " + DockerBackend.plain(new Exception(answer)));
      }
      Object id = ObjectMapper.getDefault().readValue(answer, Map.class).get("ID");
      return String.valueOf(id);
    } catch (IOException | RuntimeException e) {
      throw new LaunchFailure("Docker could not create the service: " + e.getMessage(), e);
    }
  }

  private void ensureNoEgressNetwork() {
    boolean exists = docker.listNetworksCmd().withNameFilter(NO_EGRESS_NETWORK).exec().stream()
        .anyMatch(n -> NO_EGRESS_NETWORK.equals(n.getName()));
    if (!exists) {
      try {
        docker.createNetworkCmd()
            .withName(NO_EGRESS_NETWORK)
            .withDriver("overlay")
            .withInternal(true)
            .withLabels(Map.of(Ownership.MANAGED_BY, Ownership.OWNER))
            .exec();
      } catch (com.github.dockerjava.api.exception.ConflictException raced) {
        // made meanwhile
      }
    }
  }

  /** Removes the service (its task containers go with it, asynchronously). */
  void removeService(String name) {
    try {
      docker.removeServiceCmd(name).exec();
    } catch (NotFoundException gone) {
      // removed already
    }
  }

  /** True while a service of that name exists. */
  boolean serviceExists(String name) {
    List<Service> services = docker.listServicesCmd().withNameFilter(List.of(name)).exec();
    return services.stream().anyMatch(s -> s.getSpec() != null && name.equals(s.getSpec().getName()));
  }

  /** Removes the instance's Docker secrets that no service holds any more; true when none is left. */
  boolean removeSecrets(String nodeId, String instanceId) {
    boolean all = true;
    for (Secret secret : docker.listSecretsCmd()
        .withLabelFilter(Map.of(Ownership.NODE, nodeId, Ownership.INSTANCE, instanceId)).exec()) {
      try {
        docker.removeSecretCmd(secret.getId()).exec();
      } catch (NotFoundException gone) {
        // removed meanwhile
      } catch (RuntimeException inUse) {
        all = false;
      }
    }
    return all;
  }

  /** Instances of the node that have Docker secrets. */
  List<String> instancesWithSecrets(String nodeId) {
    return docker.listSecretsCmd().withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec().stream()
        .map(s -> s.getSpec() == null || s.getSpec().getLabels() == null ? null
            : s.getSpec().getLabels().get(Ownership.INSTANCE))
        .filter(id -> id != null)
        .distinct()
        .toList();
  }

  private String existingSecret(String name) {
    return docker.listSecretsCmd().withNameFilter(List.of(name)).exec().stream()
        .filter(s -> s.getSpec() != null && name.equals(s.getSpec().getName()))
        .map(Secret::getId)
        .findFirst()
        .orElse(null);
  }

  /** {@code harbor-<instance>-<12 hex of the order and secret name>}: unique per order, at most 64 characters. */
  static String secretName(String instanceId, String orderId, String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((orderId + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      String name = "harbor-" + instanceId + "-" + HexFormat.of().formatHex(digest, 0, 6);
      return name.length() <= 64 ? name : name.substring(name.length() - 64);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long tmpfsBytes(String options) {
    for (String option : options.split(",")) {
      if (option.startsWith("size=")) {
        String size = option.substring(5).toLowerCase(java.util.Locale.ROOT);
        long unit = size.endsWith("g") ? 1L << 30 : size.endsWith("m") ? 1L << 20 : size.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(size.replaceAll("[^0-9]", "")) * unit;
      }
    }
    return 64L << 20;
  }

  private static String read(InputStream body) throws IOException {
    return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
  }
}
