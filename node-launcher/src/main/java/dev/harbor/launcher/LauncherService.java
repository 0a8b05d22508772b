package dev.harbor.launcher;

import dev.harbor.launcher.secrets.FileSecretStore;
import dev.harbor.launcher.secrets.SecretStore;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node's launcher ({@link NodeLauncher} over a {@link DockerBackend}) with the node's
 * context, unless {@code harbor.launcher.enabled} is false. Starting installs the
 * secret-environment wrapper ({@link SecretEnvWrapper}) for servers that read secrets from their
 * environment. Secrets are delivered as files from
 * {@code harbor.launcher.secrets-dir} (default {@code /dev/shm/harbor/<node>/secrets}); a new server
 * has {@code harbor.launcher.probe-timeout} (default 30s) to answer MCP; {@code
 * harbor.launcher.docker-host} points at another engine than the local socket; {@code
 * harbor.launcher.secret-delivery} is {@code files} (default) or {@code docker-secrets}.
 */
@Singleton
@Context
@Requires(env = "node")
@Requires(property = "harbor.launcher.enabled", notEquals = "false")
public class LauncherService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LauncherService.class);

  private final DockerBackend backend;
  private final SecretStore secrets;
  private final NodeLauncher launcher;
  private final Producer<String, LauncherEvent> producer;

  @Inject
  public LauncherService(
      @Value("${harbor.node.id:default}") String nodeId,
      HarborConfig harbor,
      KafkaSettings kafka,
      TopicProvisioner provisioner,
      @Nullable @Value("${harbor.launcher.secrets-dir:}") String secretsDir,
      @Value("${harbor.launcher.probe-timeout:30s}") Duration probeTimeout,
      @Nullable @Value("${harbor.launcher.docker-host:}") String dockerHost,
      @Value("${harbor.launcher.secret-delivery:files}") String secretDelivery) {
    this(settings(nodeId, harbor.getHome(), secretsDir, probeTimeout, dockerHost)
            .withDockerSecrets(dockerSecrets(secretDelivery)), kafka, provisioner,
        LaunchStepListener.NONE);
  }

  /** Starts a launcher without a Micronaut context. */
  public LauncherService(
      LauncherSettings settings, KafkaSettings kafka, TopicProvisioner provisioner, LaunchStepListener steps) {
    provisioner.ensure(Topics.nodeTopics(settings.nodeId()));
    if (SecretEnvWrapper.install(settings.secretEnvWrapper())) {
      LOG.info("secret-environment wrapper installed at {}", settings.secretEnvWrapper());
    }
    this.backend = new DockerBackend(DockerBackend.connect(settings.dockerHost()), settings.dockerHost());
    this.secrets = new FileSecretStore(settings.secretsDir());
    Topic<String, LauncherEvent> events = Topics.launcherEvents(settings.nodeId());
    this.producer = new KafkaProducer<>(
        kafka.producerProps("harbor-node-" + settings.nodeId() + "-launcher"),
        events.keySerde().serializer(), events.valueSerde().serializer());
    Ownership ownership = Ownership.load(settings.nodeId(), settings.ownershipKey());
    Reconciler reconciler = new Reconciler(ownership, backend, secrets,
        new LauncherReports(producer, settings.nodeId()), settings, steps, Clock.systemUTC());
    Map<String, Object> consumerProps =
        new HashMap<>(kafka.consumerProps("harbor-node-" + settings.nodeId() + "-launcher", null));
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
        new TopicValues(Topics.instances(settings.nodeId()), Topics.orders(settings.nodeId())));
    this.launcher = new NodeLauncher(consumer, reconciler, settings).start();
    LOG.info("launcher of node {} started (secrets in {}, MCP probe timeout {})",
        settings.nodeId(), settings.secretsDir(), settings.probeTimeout());
  }

  private static boolean dockerSecrets(String delivery) {
    return switch (delivery.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "files" -> false;
      case "docker-secrets" -> true;
      default -> throw new IllegalArgumentException(
          "harbor.launcher.secret-delivery: expected files or docker-secrets, got '" + delivery + "'");
    };
  }

  private static LauncherSettings settings(
      String nodeId, Path home, String secretsDir, Duration probeTimeout, String dockerHost) {
    LauncherSettings defaults = LauncherSettings.defaults(nodeId, home).withProbeTimeout(probeTimeout);
    if (secretsDir != null && !secretsDir.isBlank()) {
      defaults = defaults.withSecretsDir(Path.of(secretsDir));
    }
    return new LauncherSettings(defaults.nodeId(), defaults.harborHome(), defaults.secretsDir(),
        defaults.secretEnvWrapper(), defaults.probeTimeout(), defaults.reconcileInterval(),
        dockerHost == null || dockerHost.isBlank() ? null : dockerHost, false);
  }

  /** Where operators' secret values are kept for this node's containers. */
  public SecretStore secrets() {
    return secrets;
  }

  public NodeLauncher launcher() {
    return launcher;
  }

  @PreDestroy
  @Override
  public void close() {
    launcher.close();
    producer.close(Duration.ofSeconds(5));
    try {
      backend.close();
    } catch (java.io.IOException e) {
      LOG.debug("closing the Docker client", e);
    }
  }
}
