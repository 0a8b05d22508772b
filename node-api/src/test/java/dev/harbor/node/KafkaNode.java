package dev.harbor.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.node.mirror.ChangeFeed;
import dev.harbor.platform.http.ApiError;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A node on the shared test broker, under its own node id and home: its HTTP server on a random
 * local port, a client for its API, and direct access to its topics so a test can read the commands
 * the node sends. {@link #start} runs node-api alone, and the test plays the policy stream's part by
 * publishing its outputs; {@link #withPolicyStream} runs the node's real policy stream beside it.
 */
public final class KafkaNode implements AutoCloseable {

  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private final String nodeId;
  private final Path home;
  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<String, Command> commandReader;
  private final List<Command> commands = new ArrayList<>();
  private final Map<String, String> keys = new HashMap<>();

  private KafkaNode(Path home, Map<String, Object> extra) {
    this.nodeId = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    this.home = home;
    String bootstrap = TestBroker.bootstrapServers();
    Map<String, Object> props = new HashMap<>(Map.of(
        "harbor.home", home.toString(),
        "harbor.node.id", nodeId,
        "harbor.kafka.bootstrap-servers", bootstrap,
        "harbor.node.apply-timeout", "5s",
        "harbor.node.setup-wait", "1s",
        "micronaut.server.host", "127.0.0.1",
        "micronaut.server.port", -1,
        "micronaut.server.max-request-size", "64KB"));
    props.put("harbor.launcher.enabled", false);
    props.putAll(extra);
    this.server = ApplicationContext.run(EmbeddedServer.class, props, "node", "test");
    KafkaSettings settings = KafkaSettings.local(bootstrap);
    this.producer = new KafkaProducer<>(settings.producerProps("test-" + nodeId), new ByteArraySerializer(),
        new ByteArraySerializer());
    Topic<String, Command> topic = Topics.commands(nodeId);
    this.commandReader = new KafkaConsumer<>(settings.consumerProps("test-commands-" + nodeId, null),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    await().atMost(Duration.ofSeconds(90)).until(() -> get("/health", null).statusCode() == 200);
    commandReader.assign(List.of(new TopicPartition(topic.name(), 0)));
    commandReader.seekToBeginning(commandReader.assignment());
  }

  /** node-api alone: nothing answers its commands but the test. */
  public static KafkaNode start(Path home) {
    return new KafkaNode(home, Map.of(KafkaServicesOff.POLICY_STREAM, "off", KafkaServicesOff.AUDIT_SINK, "off"));
  }

  /** node-api with the node's policy stream and audit sink, as a node runs. */
  public static KafkaNode withPolicyStream(Path home) {
    return new KafkaNode(home, Map.of());
  }

  public String nodeId() {
    return nodeId;
  }

  public <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  public String operatorToken() {
    try {
      return Files.readString(home.resolve("operator.token")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Issues a token of the given kind and name through the API, as the operator. */
  public String issueToken(String kind, String name) {
    HttpResponse<String> response =
        post("/v1/tokens", operatorToken(), "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response.body(), Map.class).get("token").toString();
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  public HttpResponse<String> post(String path, String token, String json) {
    return send(request(path, token).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> post(String path, String token) {
    return send(request(path, token).POST(BodyPublishers.noBody()));
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The error body of a response that must have the given status. */
  public static ApiError error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return read(response.body(), ApiError.class);
  }

  public static <T> T read(String json, Class<T> type) {
    return read(json, Argument.of(type));
  }

  public static <T> T read(String json, Argument<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes catalog entries as the Hub would and waits until this node's mirror has them. */
  public void publishCatalog(CatalogEntry... entries) {
    for (CatalogEntry entry : entries) {
      publish(Topics.CATALOG, entry.id(), entry);
    }
    NodeCatalog catalog = bean(NodeCatalog.class);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> List.of(entries).stream().allMatch(e -> catalog.get(e.id()).isPresent()));
  }

  /** Publishes an instance record as the policy stream would and waits until the mirror has applied it. */
  public Instance publishInstance(Instance instance) {
    AtomicBoolean applied = new AtomicBoolean();
    try (ChangeFeed.Subscription watch = bean(NodeInstances.class)
        .subscribe((before, after) -> applied.compareAndSet(false, instance.equals(after)))) {
      publish(Topics.instances(nodeId), instance.id(), instance);
      await().atMost(Duration.ofSeconds(30)).untilTrue(applied);
    }
    return instance;
  }

  /** Publishes a catalog-entry state as the policy stream would. */
  public void publishState(CatalogEntryState state) {
    publish(Topics.catalogState(nodeId), state.catalogId(), state);
  }

  public <V> void publish(Topic<String, V> topic, String key, V value) {
    try {
      producer.send(new ProducerRecord<>(topic.name(),
          topic.keySerde().serializer().serialize(topic.name(), key),
          topic.valueSerde().serializer().serialize(topic.name(), value))).get();
    } catch (Exception e) {
      throw new IllegalStateException("publishing to " + topic.name() + " failed", e);
    }
  }

  /** Every command the node has sent so far: the commands topic read to its current end. */
  public synchronized List<Command> commands() {
    TopicPartition partition = commandReader.assignment().iterator().next();
    long end = commandReader.endOffsets(List.of(partition)).get(partition);
    while (commandReader.position(partition) < end) {
      for (ConsumerRecord<String, Command> record : commandReader.poll(Duration.ofMillis(200))) {
        commands.add(record.value());
        keys.put(record.value().id(), record.key());
      }
    }
    return List.copyOf(commands);
  }

  /**
   * Every record of this node's commands, instances and audit topics, key and value as text: what a
   * test reads to show that something never reached Kafka.
   */
  public List<String> rawRecords() {
    KafkaSettings settings = KafkaSettings.local(TestBroker.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(
        settings.consumerProps("test-raw-" + nodeId + "-" + System.nanoTime(), null),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = List.of(Topics.commands(nodeId), Topics.instances(nodeId), Topics.audit(nodeId))
          .stream().map(topic -> new TopicPartition(topic.name(), 0)).toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
      List<String> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          records.add(text(record.key()) + " " + text(record.value()));
        }
      }
      return records;
    }
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The record key a command was sent under. */
  public synchronized String keyOf(Command command) {
    commands();
    return keys.get(command.id());
  }

  /** Waits for the first command that matches, and returns it. */
  public Command awaitCommand(Predicate<Command> wanted) {
    return await().atMost(Duration.ofSeconds(30))
        .until(() -> commands().stream().filter(wanted).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  @Override
  public void close() {
    commandReader.close();
    producer.close();
    http.close();
    ApplicationContext context = server.getApplicationContext();
    server.close();
    if (context.isRunning()) {
      context.close();
    }
  }
}
