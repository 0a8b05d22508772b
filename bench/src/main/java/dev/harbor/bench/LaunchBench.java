package dev.harbor.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.harbor.app.Harbor;
import dev.harbor.app.HarborSettings;
import dev.harbor.launcher.DockerBackend;
import dev.harbor.launcher.Ownership;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Benchmark of setup-to-active time: how long an MCP server takes from the request until it answers,
 * through Harbor and, side by side in the same run, with a plain {@code docker run -d} of the same
 * image under the same hardening. Markdown on standard output, progress on standard error.
 *
 * <p>One Harbor starts in this JVM ({@code Harbor.start}: embedded broker on a free port, Hub, Node,
 * launcher on, a node id of its own); one catalog entry for the local reference server over
 * streamable HTTP is published on the catalog topic. Then, after one warm-up of each, N rounds each
 * run:
 *
 * <ol>
 *   <li><b>Harbor</b> ({@link LaunchThroughHarbor}): the operator posts {@code /v1/mcp/setup} (the
 *       default policy allows an operator's setup without approval), and {@code GET
 *       /v1/mcp/instances/{id}} is polled every 20 ms until it reads {@code active}; then the instance
 *       is removed and the benchmark waits for {@code removed} and for its container to be gone.
 *   <li><b>Plain Docker</b> ({@link LaunchPlainDocker}): docker-java creates and starts the same image
 *       with the hardening Harbor gives it, reads the host port back, and {@link
 *       dev.harbor.launcher.probe.McpProbe#overHttp} (Harbor's own probe: initialize, then tools/list)
 *       is retried until the server answers; then the container is stopped and removed. It runs on
 *       Docker's default bridge, as {@code docker run -d} without {@code --network} does.
 *   <li>Diagnostics, each a plain launch like the above but for one thing: {@code no-egress} runs it
 *       on a bridge network without IP masquerading that the benchmark makes for itself, like Harbor's
 *       {@code harbor-no-egress}, to tell the network's share of Harbor's extra time; {@code
 *       fine-polling} posts a bare initialize every 20 ms instead of the probe, whose backoff (50 ms
 *       doubling to 500 ms) otherwise decides when a ready server is noticed.
 * </ol>
 *
 * <p>Every container and the network the benchmark makes itself carry the label {@code
 * harbor.bench=launch}; the containers Harbor makes carry the bench node's id ({@code
 * dev.harbor.node}). All of them are swept at the end, even after a failure; nothing else on the
 * engine is touched (Harbor's shared {@code harbor-no-egress} network, made when missing, is left).
 * Run from the repository root; {@code bench/run.sh launch} does. System properties:
 *
 * <ul>
 *   <li>{@code harbor.bench.launch.runs}: timed rounds, default 10;
 *   <li>{@code harbor.bench.launch.image}: the image, default {@code harbor-test/mcp-everything:2026.8.31};
 *   <li>{@code harbor.bench.launch.diagnostics}: which diagnostic plain launches to add to each round,
 *       comma-separated, default {@code no-egress,fine-polling}; empty for none.
 * </ul>
 */
public final class LaunchBench {

  static final String BENCH_LABEL = "harbor.bench";
  static final String BENCH_LABEL_VALUE = "launch";
  static final String CATALOG_ID = "bench.everything-http";
  static final int CONTAINER_PORT = 3001;
  static final List<String> ARGS = List.of("streamableHttp");
  static final Duration POLL = Duration.ofMillis(20);
  static final Duration TIMEOUT = Duration.ofMinutes(2);
  static final String NO_EGRESS = "no-egress";
  static final String FINE_POLLING = "fine-polling";

  private LaunchBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("harbor.bench.launch.runs", 10);
    String image = System.getProperty("harbor.bench.launch.image", "harbor-test/mcp-everything:2026.8.31");
    if (runs < 1) {
      throw new IllegalArgumentException("harbor.bench.launch.runs must be positive");
    }
    List<String> diagnosticNames = List.of(
        System.getProperty("harbor.bench.launch.diagnostics", NO_EGRESS + "," + FINE_POLLING).split(","))
        .stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    for (String name : diagnosticNames) {
      if (!name.equals(NO_EGRESS) && !name.equals(FINE_POLLING)) {
        throw new IllegalArgumentException("harbor.bench.launch.diagnostics: unknown '" + name + "', expected "
            + NO_EGRESS + " and/or " + FINE_POLLING);
      }
    }
    String nodeId = "bench-" + HexFormat.of().formatHex(randomBytes());
    String network = "harbor-bench-no-egress-" + nodeId;
    Path scratch = Files.createTempDirectory("harbor-launch-bench-");
    Path secrets = Path.of("/dev/shm", "harbor-bench", nodeId);
    DockerClient docker = DockerBackend.connect(null);
    Thread sweeper = new Thread(() -> sweep(docker, nodeId, network), "harbor-bench-sweep");
    Runtime.getRuntime().addShutdownHook(sweeper);
    Harbor harbor = null;
    try {
      docker.pingCmd().exec();
      try {
        docker.inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        throw new IllegalStateException("image " + image + " is missing; scripts/build-test-images.sh builds it", e);
      }
      List<String> conditions = new ArrayList<>(LaunchConditions.describe(docker, image, nodeId, runs,
          diagnosticNames.contains(NO_EGRESS) ? network : null,
          diagnosticNames.contains(NO_EGRESS) || diagnosticNames.contains(FINE_POLLING)));

      Map<String, String> env = new HashMap<>();
      env.put("HARBOR_HOME", scratch.resolve("home").toString());
      env.put("HARBOR_KAFKA_PORT", "0");
      env.put("HARBOR_NODE_PORT", "-1");
      env.put("HARBOR_HUB_PORT", "-1");
      env.put("HARBOR_LAUNCHER", "on");
      env.put("HARBOR_NODE_ID", nodeId);
      env.put("HARBOR_SECRETS_DIR", secrets.toString());
      Progress.say("starting Harbor (node " + nodeId + ", launcher on)");
      long start = System.nanoTime();
      harbor = Harbor.start(HarborSettings.fromEnvironment(env));
      PolicyApi hub = new PolicyApi(harbor.hubUrl(), null);
      PolicyApi anonymous = new PolicyApi(harbor.nodeUrl(), null);
      awaitStatus(hub, "/health", 200);
      awaitStatus(anonymous, "/health", 200);
      long started = System.nanoTime() - start;
      Progress.say("Harbor answers /health after " + Format.millis(started));
      PolicyApi operator =
          new PolicyApi(harbor.nodeUrl(), Files.readString(scratch.resolve("home/operator.token")).trim());
      KafkaSettings kafka = KafkaSettings.local(Files.readString(harbor.settings().bootstrapFile()).trim());
      publish(kafka, entry(image));
      awaitStatus(operator, "/v1/mcp/catalog/" + CATALOG_ID, 200);
      Progress.say("catalog entry " + CATALOG_ID + " (" + image + ", streamable HTTP on " + CONTAINER_PORT
          + ") is in the Node's catalog");

      LaunchThroughHarbor throughHarbor = new LaunchThroughHarbor(operator, docker, kafka, nodeId);
      LaunchPlainDocker plain = new LaunchPlainDocker(docker, image, nodeId, null, false);
      List<LaunchReport.Diagnostic> diagnostics = new ArrayList<>();
      List<LaunchPlainDocker> diagnosticLaunches = new ArrayList<>();
      if (diagnosticNames.contains(NO_EGRESS)) {
        createNetwork(docker, network);
        diagnostics.add(new LaunchReport.Diagnostic(
            "plain Docker on a no-egress bridge of its own, like Harbor's", "on a no-egress bridge", true,
            new ArrayList<>()));
        diagnosticLaunches.add(new LaunchPlainDocker(docker, image, nodeId, network, false));
      }
      if (diagnosticNames.contains(FINE_POLLING)) {
        diagnostics.add(new LaunchReport.Diagnostic(
            "plain Docker until the first initialize answer, polled every " + POLL.toMillis()
                + " ms (no tools/list)",
            "initialize polled every " + POLL.toMillis() + " ms", false, new ArrayList<>()));
        diagnosticLaunches.add(new LaunchPlainDocker(docker, image, nodeId, null, true));
      }
      Progress.say("warm-up: one launch of each kind");
      LaunchThroughHarbor.Run harborWarmUp = throughHarbor.run();
      Progress.say("warm-up through Harbor: " + Format.millis(harborWarmUp.totalNanos()));
      LaunchPlainDocker.Run plainWarmUp = plain.run(0);
      Progress.say("warm-up plain Docker: " + Format.millis(plainWarmUp.totalNanos()));
      for (int d = 0; d < diagnostics.size(); d++) {
        LaunchPlainDocker.Run warmUp = diagnosticLaunches.get(d).run(0);
        Progress.say("warm-up " + diagnostics.get(d).label() + ": " + Format.millis(warmUp.totalNanos()));
      }

      List<LaunchThroughHarbor.Run> harborRuns = new ArrayList<>();
      List<LaunchPlainDocker.Run> plainRuns = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        LaunchThroughHarbor.Run h = throughHarbor.run();
        harborRuns.add(h);
        LaunchPlainDocker.Run p = plain.run(i);
        plainRuns.add(p);
        StringBuilder more = new StringBuilder();
        for (int d = 0; d < diagnostics.size(); d++) {
          LaunchPlainDocker.Run run = diagnosticLaunches.get(d).run(i);
          diagnostics.get(d).runs().add(run);
          more.append("; ").append(diagnostics.get(d).shortLabel()).append(' ')
              .append(Format.millis(run.totalNanos()));
        }
        Progress.say("round " + i + "/" + runs + ": Harbor " + Format.millis(h.totalNanos()) + ", plain Docker "
            + Format.millis(p.totalNanos()) + more);
      }
      conditions.add("Harbor.start until the Hub and the Node answer /health: " + Format.millis(started)
          + " (not part of any figure below)");
      conditions.add(Conditions.load("end"));
      Progress.say("done");
      System.out.print(new LaunchReport(conditions, harborRuns, plainRuns, diagnostics).render());
    } finally {
      if (harbor != null) {
        Progress.say("stopping Harbor");
        harbor.close();
      }
      sweep(docker, nodeId, network);
      try {
        Runtime.getRuntime().removeShutdownHook(sweeper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      PolicyBench.deleteTree(secrets);
      PolicyBench.deleteTree(scratch);
      docker.close();
    }
  }

  /** The catalog entry: the reference server over streamable HTTP on 3001, no network of its own. */
  static CatalogEntry entry(String image) {
    int colon = image.lastIndexOf(':');
    String repository = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    String slug = CATALOG_ID.substring(CATALOG_ID.indexOf('.') + 1);
    return new CatalogEntry(
        CATALOG_ID, slug, "Bench " + slug, "The MCP reference server, built locally, for the launch benchmark",
        "harbor-bench", List.of("test"), "devops", null, null, null, repository, tag, null,
        Transport.STREAMABLE_HTTP, LauncherKind.DOCKER, true, null, List.of(), ARGS, List.of(), List.of(),
        List.of(), List.of(new PortSpec("http", CONTAINER_PORT, "tcp")), List.of(),
        new NetworkSpec(NetworkMode.NONE, List.of()), null, List.of(), null, List.of(), "1.0", List.of(),
        EntryStatus.AVAILABLE, Visibility.PUBLIC,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "harbor-bench", slug, null, "MIT"), now, now);
  }

  /** Publishes the entry on the catalog topic as the Hub would. */
  private static void publish(KafkaSettings kafka, CatalogEntry entry) throws IOException, InterruptedException {
    try (KafkaProducer<String, CatalogEntry> producer = new KafkaProducer<>(
        kafka.producerProps("harbor-bench-launch-catalog"), Topics.CATALOG.keySerde().serializer(),
        Topics.CATALOG.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.CATALOG.name(), entry.id(), entry)).get();
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  /**
   * A network like the one Harbor puts HTTP servers on whose entry asks for no network ({@code
   * harbor-no-egress}: a bridge without IP masquerading), but the benchmark's own, labelled and removed
   * at the end.
   */
  private static void createNetwork(DockerClient docker, String name) {
    docker.createNetworkCmd()
        .withName(name)
        .withDriver("bridge")
        .withOptions(Map.of("com.docker.network.bridge.enable_ip_masquerade", "false"))
        .withLabels(Map.of(BENCH_LABEL, BENCH_LABEL_VALUE))
        .exec();
  }

  /**
   * Removes every container the benchmark made (label {@code harbor.bench=launch}) and every one
   * Harbor made for the bench node, running or not, then the benchmark's own network.
   */
  static void sweep(DockerClient docker, String nodeId, String network) {
    List<Container> mine = new ArrayList<>();
    try {
      mine.addAll(docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(BENCH_LABEL, BENCH_LABEL_VALUE)).exec());
      mine.addAll(docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec());
    } catch (RuntimeException e) {
      System.err.println("bench: could not list containers to sweep: " + e.getMessage());
      return;
    }
    for (Container container : mine) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        Progress.say("swept container " + String.join(",", container.getNames()));
      } catch (NotFoundException gone) {
        // removed meanwhile
      } catch (RuntimeException e) {
        System.err.println("bench: could not remove container " + container.getId() + ": " + e.getMessage());
      }
    }
    try {
      boolean exists = docker.listNetworksCmd().withNameFilter(network).exec().stream()
          .anyMatch(n -> network.equals(n.getName()) && n.getLabels() != null
              && BENCH_LABEL_VALUE.equals(n.getLabels().get(BENCH_LABEL)));
      if (exists) {
        docker.removeNetworkCmd(network).exec();
        Progress.say("removed network " + network);
      }
    } catch (RuntimeException e) {
      System.err.println("bench: could not remove network " + network + ": " + e.getMessage());
    }
  }

  static void awaitStatus(PolicyApi api, String path, int status) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (api.get(path).status() != status) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " did not answer " + status + " within " + TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[3];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
