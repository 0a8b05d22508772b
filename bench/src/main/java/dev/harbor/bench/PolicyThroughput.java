package dev.harbor.bench;

import dev.harbor.hub.HubCatalog;
import dev.harbor.hub.importer.ImportBatch;
import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.policy.PolicySettings;
import dev.harbor.policy.PolicyStreamService;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Sustained decisions per second of a node's policy stream: N SETUP commands are pre-loaded on the
 * node's commands topic, then {@link PolicyStreamService} is started and timed until N Instance
 * records (one per command) are visible to a {@code read_committed} consumer of the instances topic.
 * Each workload runs on its own node (own topics, own application id, fresh state) on one fresh
 * broker, after a synthetic catalog was published through the Hub's publisher: a warm-up (a quarter of
 * N, the first stream in the JVM), N setups spread over a few hundred entries (most end as duplicates),
 * N setups each of its own entry (every one decided by policy), and the same with a shorter {@code
 * commit.interval.ms} given through {@link KafkaSettings}' client overrides. Then the floor: as many
 * records of the same size produced to a topic and read back, without Kafka Streams.
 */
final class PolicyThroughput {

  /** Commands alternate between these two callers; with the default policy they decide differently. */
  static final Actor OPERATOR = new Actor(CallerKind.OPERATOR, "bench-operator", "tok-bench-operator");

  static final Actor AGENT = new Actor(CallerKind.AGENT, "bench-agent", "tok-bench-agent");

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String FLOOR_TOPIC = "harbor.bench.floor.v1";
  private static final Pattern STREAM_THREAD = Pattern.compile("-StreamThread-\\d+$");

  /**
   * One workload on its own node.
   *
   * @param label what it shows
   * @param entries distinct catalog entries the commands name
   * @param commitIntervalMs the stream's {@code commit.interval.ms}
   * @param commands SETUP commands pre-loaded
   * @param commandBytes their serialized size (keys and values)
   * @param preloadNanos producing them (idempotent producer, acks=all) until flushed
   * @param toRunningNanos from constructing the service (topic check, stream start) to RUNNING
   * @param runningToFirstNanos from RUNNING to the first outcome visible to a read_committed consumer
   * @param runningToAllNanos from RUNNING to the last (N-th) outcome visible
   * @param streamCpuNanos CPU time of the policy stream's thread from RUNNING to all visible
   * @param processCpuNanos CPU time of the whole process (broker included) in the same interval
   * @param closeNanos closing the service afterwards
   * @param decisions outcomes by status and deciding rule
   * @param instances Instance records on the instances topic
   * @param orders LaunchOrder records on the orders topic
   * @param auditEvents AuditEvent records on the audit topic
   * @param outputBytes serialized size of those three topics' records
   */
  record Workload(
      String label,
      int entries,
      int commitIntervalMs,
      int commands,
      long commandBytes,
      long preloadNanos,
      long toRunningNanos,
      long runningToFirstNanos,
      long runningToAllNanos,
      long streamCpuNanos,
      long processCpuNanos,
      long closeNanos,
      Map<String, Long> decisions,
      long instances,
      long orders,
      long auditEvents,
      long outputBytes) {

    double decisionsPerSecond() {
      return commands / (runningToAllNanos / 1e9);
    }
  }

  /**
   * The floor: the same number of records of the same sizes (the serialized commands), produced to
   * a one-partition topic with Harbor's producer settings, then read back by a plain read_committed
   * consumer.
   */
  record Floor(int records, long bytes, long produceNanos, TopicRead read) {

    long totalNanos() {
      return produceNanos + read.nanos();
    }
  }

  /** One workload to run: its commands name the first {@code entries} catalog entries in turn. */
  private record Plan(String label, String nodeId, int commands, int entries, Integer commitMs) {}

  record Figures(int catalogEntries, long catalogPublishNanos, List<Workload> workloads, Floor floor) {}

  private final Path dir;
  private final List<CatalogEntry> launchable;
  private final int commands;
  private final int hotEntries;
  private final int shortCommit;

  /**
   * @param commands SETUP commands per workload
   * @param hotEntries entries the first workload spreads its commands over
   * @param shortCommit the commit.interval.ms of the last workload; 0 leaves that workload out
   */
  PolicyThroughput(Path dir, List<CatalogEntry> launchable, int commands, int hotEntries, int shortCommit) {
    this.dir = dir;
    this.launchable = launchable;
    this.commands = commands;
    this.hotEntries = hotEntries;
    this.shortCommit = shortCommit;
  }

  Figures run() throws Exception {
    Progress.say("throughput: starting a fresh embedded broker");
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers());
      TopicProvisioner provisioner = new TopicProvisioner(settings);
      provisioner.ensure(Topics.hubTopics());

      int catalogSize = Math.max(commands, hotEntries);
      List<CatalogEntry> catalog = SyntheticCatalog.derive(launchable, catalogSize);
      Progress.say("throughput: publishing " + catalogSize + " synthetic launchable entries");
      long publishNanos = publish(settings, catalog);

      int hot = Math.min(hotEntries, catalogSize);
      int warmup = Math.max(1, commands / 4);
      List<Plan> plans = new ArrayList<>();
      plans.add(new Plan("warm-up: each setup on its own entry, first stream in the JVM", "bench-warmup",
          warmup, warmup, null));
      plans.add(new Plan("setups over " + Format.count(hot) + " entries", "bench-hot", commands, hot, null));
      plans.add(new Plan("each setup on its own entry", "bench-distinct", commands, commands, null));
      if (shortCommit > 0) {
        plans.add(new Plan("each setup on its own entry, commit.interval.ms=" + shortCommit,
            "bench-distinct-short", commands, commands, shortCommit));
      }
      List<Workload> workloads = new ArrayList<>();
      byte[][] floorPayloads = null;
      for (Plan plan : plans) {
        List<Command> batch = setups(plan.nodeId(), plan.commands(), catalog.subList(0, plan.entries()));
        byte[][] payloads = serialize(Topics.commands(plan.nodeId()), batch);
        if (plan.nodeId().equals("bench-distinct")) {
          floorPayloads = payloads;
        }
        KafkaSettings streamSettings =
            plan.commitMs() == null
                ? settings
                : new KafkaSettings(settings.bootstrapServers(), (short) 1, 1,
                    Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(plan.commitMs())));
        workloads.add(workload(plan.label(), plan.nodeId(), plan.entries(), settings, streamSettings,
            provisioner, batch, payloads));
      }
      Floor floor = floor(settings, floorPayloads);
      return new Figures(catalogSize, publishNanos, workloads, floor);
    }
  }

  private long publish(KafkaSettings settings, List<CatalogEntry> catalog) throws InterruptedException {
    ImportBatch batch =
        new ImportBatch(SourceFormat.OFFICIAL_REGISTRY, "harbor-bench:policy", false, catalog, List.of());
    try (HubCatalog hub =
        new HubCatalog("harbor-bench-policy-hub", settings, dir.resolve("hub"), Clock.systemUTC()).start()) {
      if (!hub.awaitReady(TIMEOUT)) {
        throw new IllegalStateException("the Hub's catalog view was not ready within " + TIMEOUT);
      }
      long start = System.nanoTime();
      hub.publisher().publish(batch);
      return System.nanoTime() - start;
    }
  }

  /**
   * N setups over the given entries, in turn (command k names entry k mod size), alternating operator
   * and agent; every command names a new instance id.
   */
  private static List<Command> setups(String nodeId, int count, List<CatalogEntry> entries) {
    SplittableRandom random = new SplittableRandom(nodeId.hashCode());
    Instant now = Instant.now();
    List<Command> batch = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String instanceId = "i-" + String.format("%08x%012x", k, random.nextLong() & 0xffffffffffffL);
      Actor actor = k % 2 == 0 ? OPERATOR : AGENT;
      CatalogEntry entry = entries.get(k % entries.size());
      batch.add(new Command(String.format("bench-%s-%06d", nodeId, k), nodeId, CommandType.SETUP,
          now.plusMillis(k / 100), actor, instanceId, entry.id(), null, Map.of(), null, null, Map.of()));
    }
    return batch;
  }

  /** Keys and values as the commands topic's serdes write them: payloads[2k] key, [2k+1] value. */
  private static byte[][] serialize(Topic<String, Command> topic, List<Command> batch) {
    byte[][] payloads = new byte[batch.size() * 2][];
    Serializer<String> keys = topic.keySerde().serializer();
    Serializer<Command> values = topic.valueSerde().serializer();
    for (int k = 0; k < batch.size(); k++) {
      Command command = batch.get(k);
      payloads[2 * k] = keys.serialize(topic.name(), command.subject());
      payloads[2 * k + 1] = values.serialize(topic.name(), command);
    }
    return payloads;
  }

  private Workload workload(
      String label, String nodeId, int entries, KafkaSettings settings, KafkaSettings streamSettings,
      TopicProvisioner provisioner, List<Command> batch, byte[][] payloads) throws Exception {
    Progress.say("throughput: " + label + ": pre-loading " + batch.size() + " SETUP commands");
    provisioner.ensure(Topics.nodeTopics(nodeId));
    String commandsTopic = Topics.commands(nodeId).name();
    long preload = produce(settings, commandsTopic, payloads);
    long commandBytes = bytes(payloads);

    Path home = dir.resolve("home");
    OutcomeCounter counter = new OutcomeCounter(settings, Topics.instances(nodeId).name(), batch.size());
    Thread reader = Thread.ofPlatform().name("bench-outcome-reader").start(counter);
    counter.awaitAssigned();
    System.gc();
    Progress.say("throughput: " + label + ": starting the policy stream");
    long start = System.nanoTime();
    PolicyStreamService service =
        new PolicyStreamService(nodeId, home, streamSettings, provisioner, PolicySettings.defaults());
    long running;
    long closeNanos;
    long streamCpu;
    long processCpu;
    try {
      if (!service.awaitReady(TIMEOUT)) {
        throw new IllegalStateException("the policy stream did not run within " + TIMEOUT + ": " + service.state());
      }
      running = System.nanoTime();
      long[] streamThreads = streamThreads(PolicyStreamService.applicationId(nodeId));
      long streamCpuAtStart = cpu(streamThreads);
      long processCpuAtStart = processCpu();
      if (!counter.awaitAll(TIMEOUT)) {
        throw new IllegalStateException(
            "only " + counter.count() + " of " + batch.size() + " outcomes within " + TIMEOUT);
      }
      streamCpu = cpu(streamThreads) - streamCpuAtStart;
      processCpu = processCpu() - processCpuAtStart;
    } finally {
      long closing = System.nanoTime();
      service.close();
      closeNanos = System.nanoTime() - closing;
      counter.stop();
      reader.join();
    }
    Progress.say(String.format(java.util.Locale.ROOT, "throughput: %s: %d outcomes in %s after RUNNING",
        label, counter.count(), Format.millis(counter.allAt() - running)));

    Map<String, Long> decisions = new TreeMap<>();
    Topic<String, Instance> instances = Topics.instances(nodeId);
    TopicRead instanceRead = TopicRead.read(settings, instances.name(), instances.keySerde().deserializer(),
        instances.valueSerde().deserializer(), r -> decisions.merge(decision(r.value()), 1L, Long::sum), TIMEOUT);
    TopicRead orderRead = rawRead(settings, Topics.orders(nodeId).name());
    TopicRead auditRead = rawRead(settings, Topics.audit(nodeId).name());
    return new Workload(label, entries, commitInterval(streamSettings), batch.size(), commandBytes, preload,
        running - start, counter.firstAt() - running, counter.allAt() - running, streamCpu, processCpu,
        closeNanos, decisions,
        instanceRead.records(), orderRead.records(), auditRead.records(),
        instanceRead.bytes() + orderRead.bytes() + auditRead.bytes());
  }

  /** The ids of a Kafka Streams application's stream threads ({@code <application id>-<uuid>-StreamThread-<n>}). */
  private static long[] streamThreads(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] ids = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(Objects::nonNull)
        .filter(t -> t.getThreadName().startsWith(applicationId + "-")
            && STREAM_THREAD.matcher(t.getThreadName()).find())
        .mapToLong(ThreadInfo::getThreadId)
        .toArray();
    if (ids.length == 0) {
      throw new IllegalStateException("no stream thread of " + applicationId + " found");
    }
    return ids;
  }

  private static long cpu(long[] threadIds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threadIds) {
      total += Math.max(0, threads.getThreadCpuTime(id));
    }
    return total;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static int commitInterval(KafkaSettings settings) {
    Object value = settings.streamsProps("x", Path.of(".")).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    return Integer.parseInt(String.valueOf(value));
  }

  private static String decision(Instance instance) {
    String rule = instance.decision() == null ? "no decision" : instance.decision().rule();
    return instance.status().wire() + " (" + rule + ")";
  }

  private static TopicRead rawRead(KafkaSettings settings, String topic) {
    return TopicRead.read(settings, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), r -> {}, TIMEOUT);
  }

  private Floor floor(KafkaSettings settings, byte[][] payloads) throws Exception {
    Progress.say("throughput: floor: produce then consume " + payloads.length / 2 + " records");
    try (Admin admin = Admin.create(settings.adminProps())) {
      admin.createTopics(List.of(new NewTopic(FLOOR_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    System.gc();
    long produce = produce(settings, FLOOR_TOPIC, payloads);
    TopicRead read = rawRead(settings, FLOOR_TOPIC);
    if (read.records() != payloads.length / 2) {
      throw new IllegalStateException("floor read " + read.records() + " of " + payloads.length / 2 + " records");
    }
    return new Floor(payloads.length / 2, bytes(payloads), produce, read);
  }

  /** Sends every record with Harbor's producer settings, then flushes; the time from first send to flushed. */
  private static long produce(KafkaSettings settings, String topic, byte[][] payloads) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        settings.producerProps("harbor-bench-producer"), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.partitionsFor(topic);
      AtomicLong failures = new AtomicLong();
      long start = System.nanoTime();
      for (int k = 0; k < payloads.length; k += 2) {
        producer.send(new ProducerRecord<>(topic, payloads[k], payloads[k + 1]), (m, e) -> {
          if (e != null) {
            failures.incrementAndGet();
          }
        });
      }
      producer.flush();
      long nanos = System.nanoTime() - start;
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " records to " + topic + " failed");
      }
      return nanos;
    }
  }

  private static long bytes(byte[][] payloads) {
    long total = 0;
    for (byte[] payload : payloads) {
      total += payload.length;
    }
    return total;
  }

  /** Counts records on a topic as a read_committed consumer sees them, noting when the first and the N-th arrived. */
  private static final class OutcomeCounter implements Runnable {

    private final KafkaSettings settings;
    private final String topic;
    private final long target;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long firstAt;
    private volatile long allAt;
    private volatile RuntimeException failure;

    OutcomeCounter(KafkaSettings settings, String topic, long target) {
      this.settings = settings;
      this.topic = topic;
      this.target = target;
    }

    @Override
    public void run() {
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
          settings.consumerProps("harbor-bench-outcomes", null), new ByteArrayDeserializer(),
          new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(consumer::position);
        assigned.countDown();
        while (!stopped.get() && count.get() < target) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
          if (!records.isEmpty()) {
            long now = System.nanoTime();
            if (count.get() == 0) {
              firstAt = now;
            }
            if (count.addAndGet(records.count()) >= target) {
              allAt = now;
              all.countDown();
            }
          }
        }
      } catch (RuntimeException e) {
        failure = e;
        assigned.countDown();
        all.countDown();
      }
    }

    void awaitAssigned() throws InterruptedException {
      if (!assigned.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || failure != null) {
        throw new IllegalStateException("the outcome reader did not start", failure);
      }
    }

    boolean awaitAll(Duration timeout) throws InterruptedException {
      boolean done = all.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (failure != null) {
        throw new IllegalStateException("the outcome reader failed", failure);
      }
      return done && count.get() >= target;
    }

    void stop() {
      stopped.set(true);
    }

    long count() {
      return count.get();
    }

    long firstAt() {
      return firstAt;
    }

    long allAt() {
      return allAt;
    }
  }
}
