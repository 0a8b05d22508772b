package dev.harbor.app;

import dev.harbor.app.HarborSettings.Role;
import dev.harbor.hub.NodeLink;
import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.health.Readiness;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Harbor: the embedded broker (unless Kafka is external), the Hub and the Node, each as its
 * own Micronaut context with its own HTTP server, in one JVM. Closing stops them in reverse order.
 */
public final class Harbor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Harbor.class);

  /** Request bodies above this are refused with 413 before they are read. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofMinutes(3);

  private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "localhost", "::1");

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final HarborSettings settings;
  private String nodeUrl;
  private String hubUrl;

  private Harbor(HarborSettings settings) {
    this.settings = settings;
  }

  public static Harbor start(HarborSettings requested) throws IOException {
    Harbor harbor = new Harbor(requested);
    try {
      harbor.startAll();
      return harbor;
    } catch (RuntimeException | IOException e) {
      harbor.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    Files.createDirectories(settings.home());
    HarborSettings effective = settings;
    if (settings.roles().contains(Role.BROKER)) {
      EmbeddedKafka broker =
          EmbeddedKafka.start(settings.home().resolve("kafka"), settings.kafkaPort());
      running.push(broker);
      effective = settings.withKafkaBootstrap(broker.bootstrapServers());
      Files.createDirectories(effective.bootstrapFile().getParent());
      Files.writeString(effective.bootstrapFile(), broker.bootstrapServers());
      running.push(() -> Files.deleteIfExists(settings.bootstrapFile()));
    }
    ApplicationContext hub = null;
    if (settings.roles().contains(Role.HUB)) {
      hub = context("hub", effective, settings.hubPort(), hubProperties(effective));
      hubUrl = hub.getBean(EmbeddedServer.class).getURL().toString();
    }
    if (settings.roles().contains(Role.NODE)) {
      ApplicationContext node =
          context(
              "node",
              effective,
              settings.nodePort(),
              nodeProperties(settings));
      nodeUrl = node.getBean(EmbeddedServer.class).getURL().toString();
      if (hub != null) {
        hub.getBean(NodeLink.class).pointAtIfUnset(URI.create(nodeUrl));
      }
    }
  }

  private ApplicationContext context(
      String environment, HarborSettings effective, int port, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(extra);
    properties.put("micronaut.application.name", "harbor-" + environment);
    properties.put("micronaut.server.host", effective.bindHost());
    properties.put("micronaut.server.port", port);
    properties.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
    // The web pages of the ui module: the Hub's catalog page and the Node's MCP page, at /ui.
    properties.put("micronaut.router.static-resources.ui.paths", List.of("classpath:harbor/ui"));
    properties.put("micronaut.router.static-resources.ui.mapping", "/ui/**");
    if (!LOOPBACK.contains(effective.bindHost())) {
      properties.put("harbor.http.allowed-hosts", List.of(effective.bindHost()));
    }
    properties.put("harbor.home", effective.home().toString());
    properties.put("harbor.kafka.bootstrap-servers", effective.kafkaBootstrap());
    properties.put("harbor.kafka.replication-factor", effective.replicationFactor());
    properties.put("harbor.kafka.min-insync-replicas", effective.minInsyncReplicas());
    ApplicationContext context =
        ApplicationContext.builder()
            .environments(environment)
            .deduceEnvironment(false)
            .properties(properties)
            .start();
    running.push(context);
    context.getBean(EmbeddedServer.class).start();
    awaitReady(environment, context);
    return context;
  }

  /** Waits until the service's read model has caught up, so it answers truthfully once announced. */
  private static void awaitReady(String environment, ApplicationContext context) {
    try {
      if (!context.getBean(Readiness.class).awaitReady(READY_TIMEOUT)) {
        LOG.warn("{} is not ready after {}; it answers 503 until it is", environment, READY_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + environment, e);
    }
  }

  private static Map<String, Object> nodeProperties(HarborSettings settings) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("harbor.node.id", settings.nodeId());
    properties.put("harbor.policy.approval-ttl", settings.approvalTtl());
    properties.put("harbor.policy.expiry-check-interval", settings.approvalCheckInterval());
    properties.put("harbor.launcher.enabled", settings.launcher());
    properties.put("harbor.launcher.probe-timeout", settings.probeTimeout());
    properties.put("harbor.launcher.secret-delivery", settings.secretDelivery());
    if (!settings.secretsDir().isBlank()) {
      properties.put("harbor.launcher.secrets-dir", settings.secretsDir());
    }
    return properties;
  }

  private static Map<String, Object> hubProperties(HarborSettings effective) {
    Map<String, Object> properties = new HashMap<>();
    List<String> seed = effective.seed().stream().map(p -> p.toAbsolutePath().toString()).toList();
    if (!seed.isEmpty()) {
      properties.put("harbor.hub.seed", seed);
    }
    if (!effective.registryUrl().isBlank()) {
      properties.put("harbor.hub.registry-url", effective.registryUrl());
    }
    if (!effective.hubNodeUrl().isBlank()) {
      properties.put("harbor.hub.node-url", effective.hubNodeUrl());
    }
    return properties;
  }

  public String nodeUrl() {
    return nodeUrl;
  }

  public String hubUrl() {
    return hubUrl;
  }

  public HarborSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", part, e.getMessage());
      }
    }
  }
}
