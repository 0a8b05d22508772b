package dev.harbor.bench;

import dev.harbor.hub.HubCatalog;
import dev.harbor.hub.importer.CatalogSources;
import dev.harbor.hub.importer.ImportBatch;
import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark of Harbor's catalog path, printed as Markdown on standard output (progress goes to
 * standard error). On a fresh embedded broker in a temporary directory it measures parsing the bundled
 * catalog sources, importing them through the Hub's {@link HubCatalog} publisher, a fresh Node mirror
 * catching up next to a plain consumer reading the same topic, and search latency on the Node's index.
 * It then repeats the import, catch-up and search measurements with a synthetic catalog derived from
 * the real one, on a second fresh broker. The temporary directory is deleted at the end.
 *
 * <p>Run from the repository root (the seed catalog is read from {@code catalog/seed}). System
 * properties: {@code harbor.bench.seed} (seed directory), {@code harbor.bench.synthetic} (synthetic
 * entries, default 100000), {@code harbor.bench.runs} (runs of each parse and catch-up measurement, default 3).
 */
public final class CatalogBench {

  /** One catalog source read: the batch, the first (cold) parse and later (warm) parses. */
  record Parsed(String source, ImportBatch batch, long coldNanos, Samples warm) {}

  /**
   * One import through the Hub's publisher.
   *
   * @param viewStartNanos the Hub's view started and ready on the empty topic
   * @param publishNanos each batch's publish, including the wait for the Hub's view to apply it
   * @param prepareNanos work done before publishing (deriving the synthetic entries), or 0
   */
  record Import(long viewStartNanos, List<Long> publishNanos, int published, long prepareNanos) {

    long totalPublishNanos() {
      return publishNanos.stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SEARCH_WARMUP = Duration.ofSeconds(3);
  private static final Duration SEARCH_BUDGET = Duration.ofSeconds(30);

  private final Path seed;
  private final int syntheticSize;
  private final int runs;
  private final Path scratch;

  private CatalogBench(Path seed, int syntheticSize, int runs, Path scratch) {
    this.seed = seed;
    this.syntheticSize = syntheticSize;
    this.runs = runs;
    this.scratch = scratch;
  }

  public static void main(String[] args) throws Exception {
    Path seed = Path.of(System.getProperty("harbor.bench.seed", "catalog/seed")).toAbsolutePath();
    int syntheticSize = Integer.getInteger("harbor.bench.synthetic", 100_000);
    int runs = Integer.getInteger("harbor.bench.runs", 3);
    if (syntheticSize < 1 || runs < 1) {
      throw new IllegalArgumentException(
          "harbor.bench.synthetic and harbor.bench.runs must be positive");
    }
    Path scratch = Files.createTempDirectory("harbor-bench-");
    try {
      System.out.print(new CatalogBench(seed, syntheticSize, runs, scratch).run());
    } finally {
      deleteTree(scratch);
    }
  }

  private String run() throws IOException, InterruptedException {
    List<String> conditions = new ArrayList<>(Conditions.describe(scratch, runs, syntheticSize));
    Parsed docker = parse("docker-mcp-registry/", seed.resolve("docker-mcp-registry"));
    Parsed official =
        parse("official-registry/servers.json", seed.resolve("official-registry/servers.json"));
    List<CatalogEntry> real = new ArrayList<>(docker.batch().entries());
    real.addAll(official.batch().entries());
    QueryMix mix = QueryMix.from(real);
    SearchBench search = new SearchBench(SEARCH_WARMUP, SEARCH_BUDGET);

    Import realImport;
    NodeMeasurement.Figures realNode;
    try (EmbeddedKafka broker = startBroker("real")) {
      KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers());
      realImport = importBatches(settings, "real", List.of(docker.batch(), official.batch()), 0);
      realNode =
          new NodeMeasurement(settings, scratch.resolve("real"), runs).measure("real", mix, search);
    }

    Import syntheticImport;
    NodeMeasurement.Figures syntheticNode;
    try (EmbeddedKafka broker = startBroker("synthetic")) {
      KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers());
      syntheticImport = importSynthetic(settings, real);
      syntheticNode =
          new NodeMeasurement(settings, scratch.resolve("synthetic"), runs)
              .measure("synthetic", mix, search);
    }
    conditions.add(Conditions.load("end"));
    Progress.say("done");
    return new Report(
            conditions, mix, docker, official, realImport, realNode, syntheticImport, syntheticNode)
        .render();
  }

  private Parsed parse(String label, Path source) throws IOException {
    Progress.say("parsing " + label);
    long start = System.nanoTime();
    ImportBatch batch = CatalogSources.read(source, Instant.now());
    long cold = System.nanoTime() - start;
    long[] warm = new long[runs];
    for (int run = 0; run < runs; run++) {
      start = System.nanoTime();
      CatalogSources.read(source, Instant.now());
      warm[run] = System.nanoTime() - start;
    }
    return new Parsed(label, batch, cold, new Samples(warm));
  }

  private EmbeddedKafka startBroker(String label) {
    Progress.say(label + ": starting a fresh embedded broker");
    EmbeddedKafka broker = EmbeddedKafka.start(scratch.resolve("kafka-" + label), 0);
    new TopicProvisioner(KafkaSettings.local(broker.bootstrapServers())).ensure(Topics.hubTopics());
    return broker;
  }

  private Import importSynthetic(KafkaSettings settings, List<CatalogEntry> real)
      throws InterruptedException {
    Progress.say("synthetic: deriving " + syntheticSize + " entries");
    long start = System.nanoTime();
    List<CatalogEntry> entries = SyntheticCatalog.derive(real, syntheticSize);
    long derive = System.nanoTime() - start;
    ImportBatch batch =
        new ImportBatch(
            SourceFormat.OFFICIAL_REGISTRY, "harbor-bench:synthetic", false, entries, List.of());
    return importBatches(settings, "synthetic", List.of(batch), derive);
  }

  /** Starts a Hub view on the empty topic, publishes each batch in turn, then stops the Hub. */
  private Import importBatches(
      KafkaSettings settings, String label, List<ImportBatch> batches, long prepareNanos)
      throws InterruptedException {
    Progress.say(label + ": importing through the Hub's publisher");
    Path stateDir = scratch.resolve(label).resolve("hub");
    long start = System.nanoTime();
    try (HubCatalog hub =
        new HubCatalog("harbor-bench-" + label + "-hub", settings, stateDir, Clock.systemUTC()).start()) {
      if (!hub.awaitReady(TIMEOUT)) {
        throw new IllegalStateException("the Hub's catalog view was not ready within " + TIMEOUT);
      }
      long viewStart = System.nanoTime() - start;
      List<Long> publish = new ArrayList<>();
      int published = 0;
      for (ImportBatch batch : batches) {
        long batchStart = System.nanoTime();
        published += hub.publisher().publish(batch).published();
        publish.add(System.nanoTime() - batchStart);
      }
      return new Import(viewStart, publish, published, prepareNanos);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
