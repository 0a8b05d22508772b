package dev.harbor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy stream on a real broker, started as the node's Micronaut bean: it is stopped while
 * commands are still arriving, more arrive while it is down, and it is started again on the same
 * state; every command still has exactly one outcome (counted with a read_committed consumer).
 */
class PolicyStreamExactlyOnceTest {

  private static final String NODE = "eos-node";
  private static final int COMMANDS = 150;
  private static final int WHILE_STOPPED = 30;
  private static final Actor OPERATOR = new Actor(CallerKind.OPERATOR, "alice", "tok-op");
  private static final Actor AGENT = new Actor(CallerKind.AGENT, "ci-bot", "tok-ci");

  @Test
  void every_command_has_exactly_one_outcome_when_the_stream_stops_mid_flow_and_starts_again(
      @TempDir Path dataDir, @TempDir Path home) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      KafkaSettings settings = KafkaSettings.local(kafka.bootstrapServers());
      List<Command> first = firstBatch();
      List<Command> approvals = new ArrayList<>();

      ApplicationContext node = startNode(kafka, home);
      try (KafkaProducer<String, CatalogEntry> catalog = producer(settings, Topics.CATALOG);
          KafkaProducer<String, Command> commands = producer(settings, Topics.commands(NODE))) {
        for (int k = 0; k < COMMANDS; k++) {
          CatalogEntry entry = TestEntries.simple(entryId(k));
          catalog.send(new ProducerRecord<>(Topics.CATALOG.name(), entry.id(), entry)).get();
        }
        List<Command> whileRunning = first.subList(0, COMMANDS - WHILE_STOPPED);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAll(commands, whileRunning));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> readCommitted(settings, Topics.instances(NODE)).size() >= 10);
        node.close();
        sending.get();
        sendAll(commands, first.subList(COMMANDS - WHILE_STOPPED, COMMANDS));

        node = startNode(kafka, home);
        for (int k = 1; k < COMMANDS; k += 3) {
          String hash = LaunchSpecs.resolve(TestEntries.simple(entryId(k)), Map.of(), "restricted").hash();
          approvals.add(command("approve-" + k, CommandType.APPROVE, OPERATOR, "i-" + k, null, Map.of("specHash", hash)));
        }
        Command marker = command("marker", CommandType.NOTICE, OPERATOR, null, null, Map.of());
        sendAll(commands, approvals);
        sendAll(commands, List.of(marker));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> readCommitted(settings, Topics.audit(NODE)).stream()
                .anyMatch(e -> "marker".equals(e.correlationId())));
      } finally {
        node.close();
      }

      List<Instance> instances = readCommitted(settings, Topics.instances(NODE));
      List<LaunchOrder> orders = readCommitted(settings, Topics.orders(NODE));
      List<AuditEvent> audit = readCommitted(settings, Topics.audit(NODE));

      Map<String, Long> instancesPerId = count(instances, Instance::id);
      Map<String, Long> ordersPerInstance = count(orders, LaunchOrder::instanceId);
      Map<String, Long> auditPerCommand = count(audit, AuditEvent::correlationId);
      for (Command command : first) {
        switch (command.type()) {
          case SETUP -> {
            boolean byOperator = command.actor().kind() == CallerKind.OPERATOR;
            assertThat(instancesPerId.get(command.instanceId())).as(command.id()).isEqualTo(byOperator ? 1L : 2L);
            assertThat(ordersPerInstance.get(command.instanceId())).as(command.id()).isEqualTo(1L);
            assertThat(auditPerCommand.get(command.id())).as(command.id()).isEqualTo(byOperator ? 3L : 2L);
          }
          case NOTICE -> assertThat(auditPerCommand.get(command.id())).as(command.id()).isEqualTo(1L);
          default -> throw new AssertionError("unexpected " + command);
        }
      }
      for (Command approval : approvals) {
        assertThat(auditPerCommand.get(approval.id())).as(approval.id()).isEqualTo(3L);
      }
      assertThat(instances).filteredOn(i -> i.status() == InstanceStatus.PENDING_APPROVAL)
          .allSatisfy(i -> assertThat(Duration.between(i.approval().requestedAt(), i.approval().expiresAt()))
              .isEqualTo(Duration.ofHours(2)));
      assertThat(orders).hasSize(2 * COMMANDS / 3);
      assertThat(audit).extracting(AuditEvent::id).doesNotHaveDuplicates();
      assertThat(orders).extracting(LaunchOrder::id).doesNotHaveDuplicates();
      assertThat(audit).filteredOn(e -> e.type() == AuditEventType.TRANSITION_REFUSED).isEmpty();
    }
  }

  /** Operator setups, agent setups (pending) and notices, in turn. */
  private static List<Command> firstBatch() {
    List<Command> commands = new ArrayList<>();
    for (int k = 0; k < COMMANDS; k++) {
      commands.add(switch (k % 3) {
        case 0 -> command("setup-" + k, CommandType.SETUP, OPERATOR, "i-" + k, entryId(k), Map.of());
        case 1 -> command("setup-" + k, CommandType.SETUP, AGENT, "i-" + k, entryId(k), Map.of());
        default -> new Command("notice-" + k, NODE, CommandType.NOTICE, Instant.now(), AGENT, null, null, null,
            Map.of(), null, AuditEventType.CATALOG_SEARCHED, Map.of("q", "query " + k));
      });
    }
    return commands;
  }

  private static Command command(
      String id, CommandType type, Actor actor, String instanceId, String catalogId, Map<String, String> details) {
    return new Command(id, NODE, type, Instant.now(), actor, instanceId, catalogId, null, Map.of(), null,
        type == CommandType.NOTICE ? AuditEventType.CATALOG_VIEWED : null, details);
  }

  private static String entryId(int k) {
    return "docker.server-" + k;
  }

  private static ApplicationContext startNode(EmbeddedKafka kafka, Path home) {
    return ApplicationContext.builder()
        .environments("node")
        .properties(Map.of(
            "harbor.home", home.toString(),
            "harbor.node.id", NODE,
            "harbor.kafka.bootstrap-servers", kafka.bootstrapServers(),
            "harbor.policy.approval-ttl", "2h"))
        .start();
  }

  private static void sendAll(KafkaProducer<String, Command> producer, List<Command> commands) {
    String topic = Topics.commands(NODE).name();
    try {
      for (Command command : commands) {
        producer.send(new ProducerRecord<>(topic, command.subject(), command)).get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("sending commands failed", e);
    }
  }

  private static <V> KafkaProducer<String, V> producer(KafkaSettings settings, Topic<String, V> topic) {
    return new KafkaProducer<>(
        settings.producerProps("eos-test-" + topic.name()), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** Every committed value of the topic, read from the start up to its last stable offset. */
  private static <V> List<V> readCommitted(KafkaSettings settings, Topic<String, V> topic) {
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
        settings.consumerProps("eos-test-reader", null), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<V> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      return values;
    }
  }

  private static <V> Map<String, Long> count(List<V> values, Function<V, String> key) {
    return values.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
  }
}
