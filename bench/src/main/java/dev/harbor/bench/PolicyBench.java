package dev.harbor.bench;

import dev.harbor.hub.importer.CatalogSources;
import dev.harbor.policy.LaunchSpecs;
import dev.harbor.policy.PolicySettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Benchmark of a Node's setup decisions, printed as Markdown on standard output (progress goes to
 * standard error). Everything happens in one temporary directory, deleted at the end.
 *
 * <ol>
 *   <li><b>Throughput</b> ({@link PolicyThroughput}): on a fresh embedded broker, SETUP commands are
 *       pre-loaded on a node's commands topic, then the node's {@code PolicyStreamService} is started
 *       and timed until every command's outcome (one Instance record each) is visible to a
 *       {@code read_committed} consumer. After a warm-up, setups spread over a few hundred catalog
 *       entries (most end as duplicates), setups each of its own entry (every one decided by policy),
 *       and the latter again with a shorter {@code commit.interval.ms}. Beside them, a plain
 *       produce-then-consume of as many records of the same size.
 *   <li><b>Latency</b> ({@link PolicyLatency}): a whole Harbor ({@code Harbor.start}, embedded broker
 *       on a free port), sequential {@code POST /v1/mcp/setup} by an operator on distinct entries, timed
 *       until the decision is visible; beside it one-record produce-to-consume round trips on the same
 *       broker. Once with Harbor's {@code commit.interval.ms} and once with a shorter one set through
 *       the service configuration {@code harbor.kafka.client.*}, and as a diagnostic once more with a
 *       shorter {@code poll.ms} too.
 * </ol>
 *
 * <p>Run from the repository root (the seed catalog is read from {@code catalog/seed}); {@code
 * bench/run.sh policy} does. System properties:
 *
 * <ul>
 *   <li>{@code harbor.bench.seed}: the seed catalog directory;
 *   <li>{@code harbor.bench.policy.commands}: commands per throughput workload, default 20000;
 *   <li>{@code harbor.bench.policy.entries}: entries the first workload spreads over, default 400;
 *   <li>{@code harbor.bench.policy.setups}: timed back-to-back REST setups per Harbor, default 300;
 *   <li>{@code harbor.bench.policy.spaced}: timed REST setups per Harbor with a pause of 150 to 250 ms
 *       before each, default 60;
 *   <li>{@code harbor.bench.policy.short-commit-ms}: the shorter commit interval, default 10; 0 skips
 *       the runs that use it;
 *   <li>{@code harbor.bench.policy.short-poll-ms}: the diagnostic latency run's {@code poll.ms} beside
 *       the shorter commit interval, default 10; 0 skips that run;
 *   <li>{@code harbor.bench.policy.parts}: {@code throughput}, {@code latency} or both (the default).
 * </ul>
 */
public final class PolicyBench {

  static final String GUARDRAIL_PROFILE = PolicySettings.DEFAULT_GUARDRAIL_PROFILE;

  private PolicyBench() {}

  public static void main(String[] args) throws Exception {
    Path seed = Path.of(System.getProperty("harbor.bench.seed", "catalog/seed")).toAbsolutePath();
    int commands = Integer.getInteger("harbor.bench.policy.commands", 20_000);
    int hotEntries = Integer.getInteger("harbor.bench.policy.entries", 400);
    int setups = Integer.getInteger("harbor.bench.policy.setups", 300);
    int spaced = Integer.getInteger("harbor.bench.policy.spaced", 60);
    int shortCommitMs = Integer.getInteger("harbor.bench.policy.short-commit-ms", 10);
    int shortPollMs = Integer.getInteger("harbor.bench.policy.short-poll-ms", 10);
    List<String> parts = List.of(System.getProperty("harbor.bench.policy.parts", "throughput,latency").split(","));
    if (commands < 1 || hotEntries < 1 || setups < 1 || spaced < 1 || shortCommitMs < 0 || shortPollMs < 0) {
      throw new IllegalArgumentException(
          "harbor.bench.policy.commands, .entries, .setups and .spaced must be positive");
    }
    Path scratch = Files.createTempDirectory("harbor-policy-bench-");
    try {
      List<String> conditions = new ArrayList<>(PolicyConditions.describe(scratch));
      List<CatalogEntry> launchable = launchableEntries(seed);
      Progress.say(launchable.size() + " launchable seed entries need no configuration");

      PolicyThroughput.Figures throughput = null;
      if (parts.contains("throughput")) {
        throughput = new PolicyThroughput(scratch.resolve("throughput"), launchable, commands, hotEntries, shortCommitMs)
            .run();
      }
      List<PolicyLatency.Figures> latency = new ArrayList<>();
      if (parts.contains("latency")) {
        latency.add(new PolicyLatency(scratch.resolve("harbor-default"), seed, launchable, setups, spaced,
            "Harbor's settings", Map.of()).run());
        if (shortCommitMs > 0) {
          latency.add(new PolicyLatency(scratch.resolve("harbor-short-commit"), seed, launchable, setups, spaced,
              "commit.interval.ms=" + shortCommitMs,
              Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(shortCommitMs))).run());
        }
        if (shortCommitMs > 0 && shortPollMs > 0) {
          latency.add(new PolicyLatency(scratch.resolve("harbor-short-poll"), seed, launchable, setups, spaced,
              "commit.interval.ms=" + shortCommitMs + ", poll.ms=" + shortPollMs + " (diagnostic)",
              Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(shortCommitMs),
                  StreamsConfig.POLL_MS_CONFIG, String.valueOf(shortPollMs))).run());
        }
      }
      conditions.add(Conditions.load("end"));
      Progress.say("done");
      System.out.print(new PolicyReport(conditions, launchable.size(), throughput, latency).render());
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * The seed's entries a setup without configuration can launch: launchable, and their launch spec
   * resolves with no values (no required parameter). Sorted by id.
   */
  static List<CatalogEntry> launchableEntries(Path seed) throws IOException {
    List<CatalogEntry> all = new ArrayList<>();
    all.addAll(CatalogSources.read(seed.resolve("docker-mcp-registry"), Instant.now()).entries());
    all.addAll(CatalogSources.read(seed.resolve("official-registry/servers.json"), Instant.now()).entries());
    List<CatalogEntry> launchable = new ArrayList<>();
    for (CatalogEntry entry : all) {
      if (!entry.launchable()) {
        continue;
      }
      try {
        LaunchSpecs.resolve(entry, Map.of(), GUARDRAIL_PROFILE);
        launchable.add(entry);
      } catch (RuntimeException e) {
        // needs configuration: a setup without values would be denied, not decided by policy
      }
    }
    launchable.sort(Comparator.comparing(CatalogEntry::id));
    if (launchable.isEmpty()) {
      throw new IllegalStateException("no launchable entry without configuration in " + seed);
    }
    return launchable;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
