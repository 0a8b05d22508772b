package dev.harbor.bench;

import dev.harbor.app.Harbor;
import dev.harbor.app.HarborSettings;
import dev.harbor.hub.HubCatalog;
import dev.harbor.hub.importer.ImportBatch;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Setup latency through the REST API of a whole running Harbor: {@code Harbor.start} with the embedded
 * broker on a free port, the Hub seeded with the bundled catalog, the Node; then sequential {@code POST
 * /v1/mcp/setup} by the operator, each on a catalog entry of its own, timed from before the request to
 * the moment the decision is visible: in the setup answer when the node decided within its wait (it
 * normally does), otherwise when {@code GET /v1/mcp/instances/{id}} first shows a decided status. Beside
 * it, one-record produce-to-consume round trips on the same broker.
 *
 * <p>With overrides, Harbor runs with {@code harbor.kafka.client[commit.interval.ms]} and the like
 * (the service configuration's client overrides, given as system properties while Harbor starts),
 * which every Kafka client of the Hub and the Node receives; Kafka Streams applications (the policy
 * stream, the mirrors, the audit sink) use it, the other clients ignore it. The key goes in brackets:
 * {@code harbor.kafka.client.commit.interval.ms} would bind as nested maps and never reach the client.
 */
final class PolicyLatency {

  static final int WARMUP = 30;
  static final long SLOW_MS = 50;
  static final int SPACED_PAUSE_MS = 150;
  static final int SPACED_JITTER_MS = 100;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final long POLL_NANOS = 1_000_000;

  /**
   * @param label the column's heading: which settings this run had
   * @param commitIntervalMs the stream's commit.interval.ms in this run
   * @param pollMs the stream's poll.ms in this run
   * @param startNanos Harbor.start until the Hub and the Node answer /health with 200
   * @param setups the timed back-to-back setups (each sent as soon as the previous one was decided)
   * @param slowSetups how many of them took longer than {@link #SLOW_MS}
   * @param spaced the timed spaced setups (each after a pause of 150 to 250 ms: the stream is idle)
   * @param slowSpaced how many of them took longer than {@link #SLOW_MS}
   * @param decidedInAnswer how many setup answers already carried the decision
   * @param statuses the decided statuses, by status and rule
   * @param plain one-record round trips, idempotent producer
   * @param transactional one-record round trips, one transaction per record
   */
  record Figures(
      String label,
      int commitIntervalMs,
      long pollMs,
      long startNanos,
      int realEntries,
      int syntheticEntries,
      Latency setups,
      int slowSetups,
      Latency spaced,
      int slowSpaced,
      int decidedInAnswer,
      Map<String, Long> statuses,
      Latency plain,
      Latency transactional,
      int payloadBytes) {}

  private final Path dir;
  private final Path seed;
  private final List<CatalogEntry> launchable;
  private final int setups;
  private final int spaced;
  private final String label;
  private final Map<String, String> overrides;

  /**
   * @param label the column's heading
   * @param overrides Kafka client settings given to Harbor as {@code harbor.kafka.client[<key>]}
   *     system properties while it starts; empty for Harbor's own settings
   */
  PolicyLatency(Path dir, Path seed, List<CatalogEntry> launchable, int setups, int spaced, String label,
      Map<String, String> overrides) {
    this.dir = dir;
    this.seed = seed;
    this.launchable = launchable;
    this.setups = setups;
    this.spaced = spaced;
    this.label = label;
    this.overrides = Map.copyOf(overrides);
  }

  /** The system property that reaches {@code HarborConfig.Kafka.client} with a dotted Kafka key intact. */
  static String clientOverride(String key) {
    return "harbor.kafka.client[" + key + "]";
  }

  Figures run() throws Exception {
    String label = "latency (" + this.label + ")";
    Map<String, String> env = new HashMap<>();
    env.put("HARBOR_HOME", dir.resolve("home").toString());
    env.put("HARBOR_KAFKA_PORT", "0");
    env.put("HARBOR_NODE_PORT", "-1");
    env.put("HARBOR_HUB_PORT", "-1");
    env.put("HARBOR_SEED", seed.resolve("docker-mcp-registry") + "," + seed.resolve("official-registry/servers.json"));
    Progress.say(label + ": starting Harbor");
    long start = System.nanoTime();
    Harbor harbor;
    overrides.forEach((key, value) -> System.setProperty(clientOverride(key), value));
    try {
      harbor = Harbor.start(HarborSettings.fromEnvironment(env));
    } finally {
      overrides.keySet().forEach(key -> System.clearProperty(clientOverride(key)));
    }
    try {
      PolicyApi hub = new PolicyApi(harbor.hubUrl(), null);
      PolicyApi anonymousNode = new PolicyApi(harbor.nodeUrl(), null);
      awaitStatus(hub, "/health", 200);
      awaitStatus(anonymousNode, "/health", 200);
      long started = System.nanoTime() - start;
      PolicyApi operator =
          new PolicyApi(harbor.nodeUrl(), Files.readString(dir.resolve("home/operator.token")).trim());
      KafkaSettings kafka = KafkaSettings.local(Files.readString(harbor.settings().bootstrapFile()).trim());

      int needed = WARMUP + setups + spaced;
      List<CatalogEntry> entries = new ArrayList<>(launchable.subList(0, Math.min(needed, launchable.size())));
      List<CatalogEntry> synthetic =
          needed > entries.size() ? SyntheticCatalog.derive(launchable, needed - entries.size()) : List.of();
      if (!synthetic.isEmpty()) {
        Progress.say(label + ": importing " + synthetic.size() + " synthetic launchable entries into the Hub");
        publish(kafka, synthetic);
        entries.addAll(synthetic);
      }
      Progress.say(label + ": waiting until the Node's mirror has the " + entries.size() + " entries");
      for (CatalogEntry entry : entries) {
        awaitStatus(operator, "/v1/mcp/catalog/" + entry.id(), 200);
      }

      Progress.say(label + ": " + WARMUP + " warm-up and " + setups + " timed back-to-back setups");
      long[] nanos = new long[setups];
      long[] spacedNanos = new long[spaced];
      int decidedInAnswer = 0;
      Map<String, Long> statuses = new TreeMap<>();
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < needed; i++) {
        if (i == WARMUP + setups) {
          Progress.say(label + ": " + spaced + " spaced setups");
        }
        if (i >= WARMUP + setups) {
          Thread.sleep(SPACED_PAUSE_MS + random.nextInt(SPACED_JITTER_MS));
        }
        Setup setup = setup(operator, entries.get(i).id());
        if (i >= WARMUP) {
          if (i < WARMUP + setups) {
            nanos[i - WARMUP] = setup.nanos();
          } else {
            spacedNanos[i - WARMUP - setups] = setup.nanos();
          }
          decidedInAnswer += setup.inAnswer() ? 1 : 0;
          statuses.merge(setup.status() + " (" + setup.rule() + ")", 1L, Long::sum);
        }
      }
      Latency setupLatency = Latency.of(nanos);
      Latency spacedLatency = Latency.of(spacedNanos);
      Progress.say(label + ": back-to-back p50 " + Format.latency(setupLatency.p50()) + ", p99 "
          + Format.latency(setupLatency.p99()) + "; spaced p50 " + Format.latency(spacedLatency.p50())
          + ", max " + Format.latency(spacedLatency.max()));

      int payload = commandSize(entries.get(0).id());
      Progress.say(label + ": one-record round trips on the same broker");
      Latency plain = PolicyRoundTrip.measure(kafka, "harbor.bench.roundtrip.plain.v1", false, payload, WARMUP, setups);
      Latency transactional =
          PolicyRoundTrip.measure(kafka, "harbor.bench.roundtrip.tx.v1", true, payload, WARMUP, setups);
      int effective = overrides.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
          ? Integer.parseInt(overrides.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
          : PolicyThroughput.commitInterval(kafka);
      long pollMs = overrides.containsKey(StreamsConfig.POLL_MS_CONFIG)
          ? Long.parseLong(overrides.get(StreamsConfig.POLL_MS_CONFIG))
          : new StreamsConfig(kafka.streamsProps("bench", dir)).getLong(StreamsConfig.POLL_MS_CONFIG);
      return new Figures(this.label, effective, pollMs, started, Math.min(needed, launchable.size()),
          synthetic.size(), setupLatency, slow(nanos), spacedLatency, slow(spacedNanos), decidedInAnswer,
          statuses, plain, transactional, payload);
    } finally {
      Progress.say(label + ": stopping Harbor");
      harbor.close();
    }
  }

  private static int slow(long[] nanos) {
    return (int) Arrays.stream(nanos).filter(n -> n > SLOW_MS * 1_000_000).count();
  }

  record Setup(long nanos, boolean inAnswer, String status, String rule) {}

  /** One setup, timed until its decision is visible. */
  @SuppressWarnings("unchecked")
  private static Setup setup(PolicyApi operator, String catalogId) throws InterruptedException {
    long start = System.nanoTime();
    PolicyApi.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"" + catalogId + "\"}");
    long answered = System.nanoTime();
    if (reply.status() != 202) {
      throw new IllegalStateException("setup of " + catalogId + " answered " + reply.status() + ": " + reply.body());
    }
    Map<String, Object> body = reply.json();
    if (decided(body)) {
      return new Setup(answered - start, true, (String) body.get("status"),
          String.valueOf(((Map<String, Object>) body.get("decision")).get("rule")));
    }
    String path = "/v1/mcp/instances/" + body.get("instanceId");
    long deadline = start + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      PolicyApi.Reply instance = operator.get(path);
      long seen = System.nanoTime();
      if (instance.status() == 200) {
        Map<String, Object> json = instance.json();
        if (decided(json)) {
          return new Setup(seen - start, false, (String) json.get("status"),
              String.valueOf(((Map<String, Object>) json.get("decision")).get("rule")));
        }
      }
      Thread.sleep(Duration.ofNanos(POLL_NANOS));
    }
    throw new IllegalStateException("setup of " + catalogId + " was not decided within " + TIMEOUT);
  }

  private static boolean decided(Map<String, Object> json) {
    Object status = json.get("status");
    return status != null && !"requested".equals(status) && json.get("decision") != null;
  }

  /** The serialized size of a setup command like the ones node-api sends, for the round trips. */
  private static int commandSize(String catalogId) {
    Topic<String, Command> topic = Topics.commands("default");
    Command command = new Command("0b0e6a3c-5f7e-4b1e-9a3c-1f2e3d4c5b6a", "default", CommandType.SETUP,
        Instant.now(), PolicyThroughput.OPERATOR, "i-0123456789abcdef0123", catalogId, null, Map.of(), null,
        null, Map.of());
    return topic.valueSerde().serializer().serialize(topic.name(), command).length;
  }

  private void publish(KafkaSettings kafka, List<CatalogEntry> entries) throws InterruptedException {
    ImportBatch batch =
        new ImportBatch(SourceFormat.OFFICIAL_REGISTRY, "harbor-bench:latency", false, entries, List.of());
    try (HubCatalog hub = new HubCatalog("harbor-bench-latency-import", kafka, dir.resolve("import"),
        Clock.systemUTC()).start()) {
      if (!hub.awaitReady(TIMEOUT)) {
        throw new IllegalStateException("the import's catalog view was not ready within " + TIMEOUT);
      }
      hub.publisher().publish(batch);
    }
  }

  private static void awaitStatus(PolicyApi api, String path, int status) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (api.get(path).status() != status) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " did not answer " + status + " within " + TIMEOUT);
      }
      Thread.sleep(50);
    }
  }
}
