package dev.harbor.app;

import dev.harbor.app.cli.Completion;
import dev.harbor.app.cli.McpCli;
import dev.harbor.hub.HubCatalog;
import dev.harbor.hub.ImportReport;
import dev.harbor.hub.importer.CatalogSources;
import dev.harbor.platform.kafka.KafkaSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The {@code ./harbor} command line: {@code up}, {@code hub import PATH}, {@code mcp ...} (see {@link
 * McpCli}), {@code completion bash} and {@code help}.
 */
public final class HarborMain {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final Map<String, String> env;
  private final PrintStream out;

  HarborMain(Map<String, String> env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  public static void main(String[] args) {
    int status;
    try {
      status = new HarborMain(System.getenv(), System.out).run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("harbor: " + e.getMessage());
      status = 2;
    } catch (Exception e) {
      System.err.println("harbor: " + e.getMessage());
      status = 1;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  int run(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    return switch (command) {
      case "up" -> up();
      case "hub" -> hub(Arrays.copyOfRange(args, 1, args.length));
      case "mcp" -> new McpCli(env, out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
      case "completion" -> completion(Arrays.copyOfRange(args, 1, args.length));
      case "help", "--help", "-h" -> help();
      default -> throw new IllegalArgumentException("unknown command '" + command + "'; see ./harbor help");
    };
  }

  private int up() throws IOException, InterruptedException {
    HarborSettings settings = HarborSettings.fromEnvironment(env);
    Harbor harbor = Harbor.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("harbor: stopping");
                  harbor.close();
                  stopped.countDown();
                }));
    out.println();
    out.println("Harbor is up (data in " + settings.home() + ")");
    if (harbor.nodeUrl() != null) {
      out.println("  Node:  " + harbor.nodeUrl() + "  (web page: " + harbor.nodeUrl() + "/ui)");
      out.println("  Operator token: " + settings.home().resolve("operator.token"));
    }
    if (harbor.hubUrl() != null) {
      out.println("  Hub:   " + harbor.hubUrl() + "  (web page: " + harbor.hubUrl() + "/ui)");
    }
    out.println("  Kafka: " + (settings.kafkaBootstrap().isBlank() ? "embedded, " + readBootstrap(settings) : settings.kafkaBootstrap()));
    out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }

  private int hub(String[] args) throws Exception {
    if (args.length != 2 || !args[0].equals("import")) {
      throw new IllegalArgumentException("usage: ./harbor hub import PATH");
    }
    Path source = Path.of(args[1]);
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("no such file or directory: " + source);
    }
    HarborSettings settings = HarborSettings.fromEnvironment(env);
    String bootstrap = settings.kafkaBootstrap().isBlank() ? readBootstrap(settings) : settings.kafkaBootstrap();
    Path stateDir = Files.createTempDirectory("harbor-import");
    try (HubCatalog catalog =
        new HubCatalog(
                "harbor-hub-import-" + UUID.randomUUID(),
                new KafkaSettings(bootstrap, settings.replicationFactor(), settings.minInsyncReplicas(), Map.of()),
                stateDir,
                Clock.systemUTC())
            .start()) {
      if (!catalog.awaitReady(READY_TIMEOUT)) {
        throw new IllegalStateException("could not read the catalog topic at " + bootstrap + " within " + READY_TIMEOUT);
      }
      ImportReport report = catalog.publisher().publish(CatalogSources.read(source, Clock.systemUTC().instant()));
      out.println(report.describe());
      return 0;
    } finally {
      deleteTree(stateDir);
    }
  }

  private int completion(String[] args) {
    if (args.length != 1 || !args[0].equals("bash")) {
      throw new IllegalArgumentException("usage: ./harbor completion bash (then: source <(./harbor completion bash))");
    }
    out.print(Completion.bash());
    return 0;
  }

  private int help() {
    out.println(
        """
        Usage: ./harbor COMMAND

        Commands:
          up                 start Harbor: embedded Kafka, the Hub (seeded with the bundled catalog) and the Node
          test               run the full test suite (unit and integration, on a real broker)
          bench              run the catalog benchmark (import, mirror catch-up, search latency)
          hub import PATH    import one more catalog source into the running Hub: a directory in Docker's
                             registry layout (servers/NAME/server.yaml) or an official-registry listing (.json)
          mcp COMMAND        manage the Node's MCP servers: catalog, setup, approvals, instances, tokens
                             (./harbor mcp help lists the commands and exit codes; docs/cli.md)
          completion bash    print a bash completion script: source <(./harbor completion bash)
          help               show this help

        Environment (all optional):
          HARBOR_HOME                  data directory (default ~/.harbor)
          HARBOR_KAFKA_BOOTSTRAP       use this Kafka cluster instead of the embedded broker
          HARBOR_KAFKA_PORT            embedded broker port (default 9092)
          HARBOR_KAFKA_REPLICATION_FACTOR, HARBOR_KAFKA_MIN_INSYNC_REPLICAS   topic settings (default 1, 1)
          HARBOR_ROLES                 which parts this process runs: broker,hub,node (default: all)
          HARBOR_NODE_ID               this node's id (default 'default')
          HARBOR_NODE_PORT, HARBOR_HUB_PORT   HTTP ports (default 8080, 8081)
          HARBOR_BIND                  address the HTTP servers bind to (default 127.0.0.1)
          HARBOR_SEED                  comma-separated catalog sources the Hub imports at start
          HARBOR_REGISTRY_URL          an MCP registry (official API shape) the Hub syncs from at start
          HARBOR_HUB_NODE_URL          the Node the Hub's catalog page links to (default: this process's Node)
          HARBOR_APPROVAL_TTL          how long a setup waits for approval before it is denied (default 24h)
          HARBOR_APPROVAL_CHECK_INTERVAL   how often expired approvals are looked for (default 30s)
        """);
    return 0;
  }

  private static String readBootstrap(HarborSettings settings) throws IOException {
    Path file = settings.bootstrapFile();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "Harbor does not seem to be running (" + file + " is missing): start it with ./harbor up,"
              + " or set HARBOR_KAFKA_BOOTSTRAP");
    }
    return Files.readString(file).trim();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
