package dev.harbor.app.cli;

import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.sdk.AuditFilter;
import dev.harbor.sdk.AuditPage;
import dev.harbor.sdk.CatalogSearch;
import dev.harbor.sdk.ClientConfig;
import dev.harbor.sdk.HarborClient;
import dev.harbor.sdk.InstanceFilter;
import dev.harbor.sdk.IssuedToken;
import dev.harbor.sdk.LogFilter;
import dev.harbor.sdk.Page;
import dev.harbor.sdk.SetupException;
import dev.harbor.sdk.SetupResult;
import dev.harbor.sdk.WaitOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each {@code ./harbor mcp} command does with the Node, through the Java SDK. */
final class McpCommands {

  /** Every command, in the order help lists them. */
  static final List<CommandSpec> ALL = List.of(
      CommandSpec.of("catalog search [QUERY] [--tag T] [--size N]", "search the Node's catalog"),
      CommandSpec.of("catalog show ID", "show one catalog entry and its state on this Node"),
      CommandSpec.of("enable ID", "enable an entry on this Node (operators)"),
      CommandSpec.of("disable ID --reason TEXT", "disable an entry on this Node (operators)"),
      CommandSpec.of("setup ID [--config k=v ...] [--key IDEMPOTENCY] [--wait] [--timeout 60s]",
          "ask for an instance; --wait follows it to active, prints its config"),
      CommandSpec.of("approve INSTANCE [--note TEXT]", "approve a pending setup (operators)"),
      CommandSpec.of("deny INSTANCE --note TEXT", "deny a pending setup (operators)"),
      CommandSpec.of("remove INSTANCE", "remove an instance and its container"),
      CommandSpec.of("restart INSTANCE", "restart an active, degraded or failed instance"),
      CommandSpec.of("ls [--status S] [--mine]", "list instances, newest first; --mine: only those this token requested"),
      CommandSpec.of("status INSTANCE", "show where an instance is"),
      CommandSpec.of("logs INSTANCE [--follow]", "an instance's lifecycle log; --follow until it is removed"),
      CommandSpec.of("audit [--type T] [--size N]", "show the Node's audit trail, newest first"),
      CommandSpec.of("token create --kind agent|script|operator --name NAME", "create a token (operators); its value is shown once"),
      CommandSpec.of("token revoke ID", "revoke a token (operators)"),
      CommandSpec.of("token ls", "list active tokens (operators)"),
      CommandSpec.of("config [INSTANCE] [--all] [--format claude|vscode]",
          "an instance's mcpServers JSON; --all: every active one you may see"),
      CommandSpec.of("import FILE|- [--dry-run]",
          "set up the catalog entries a Claude Desktop, Cursor or VS Code config runs"));

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final int LIST_SIZE = 200;

  private final HarborClient harbor;
  private final InputStream in;
  private final Output out;
  private final StderrLine err;

  /** Writes one line to standard error. */
  interface StderrLine {
    void println(String line);
  }

  McpCommands(HarborClient harbor, InputStream in, Output out, StderrLine err) {
    this.harbor = harbor;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs the command; returns its exit code or throws what the SDK threw. */
  int run(Args args) {
    return switch (args.spec().path()) {
      case "catalog search" -> search(args);
      case "catalog show" -> show(args);
      case "enable" -> enable(args);
      case "disable" -> disable(args);
      case "setup" -> setup(args);
      case "approve" -> instance(harbor.approve(args.required(0), null, args.value("--note").orElse(null)));
      case "deny" -> instance(harbor.deny(args.required(0), nonBlank(args, "--note")));
      case "remove" -> instance(harbor.remove(args.required(0)));
      case "restart" -> instance(harbor.restart(args.required(0)));
      case "ls" -> list(args);
      case "status" -> status(args);
      case "logs" -> logs(args);
      case "audit" -> audit(args);
      case "token create" -> createToken(args);
      case "token revoke" -> revokeToken(args);
      case "token ls" -> tokens();
      case "config" -> config(args);
      case "import" -> importConfig(args);
      default -> throw new IllegalStateException("no handler for " + args.spec().path());
    };
  }

  private int search(Args args) {
    CatalogSearch search = CatalogSearch.all();
    args.positional(0).ifPresent(search::q);
    args.value("--tag").ifPresent(search::tags);
    args.positiveInt("--size").ifPresent(search::size);
    Page<CatalogItem> page = harbor.search(search);
    out.show(page, Views.catalog(page.items()));
    return ExitCode.OK;
  }

  private int show(Args args) {
    CatalogItem item = harbor.catalogEntry(args.required(0));
    out.show(item, Views.entry(item));
    return ExitCode.OK;
  }

  private int enable(Args args) {
    CatalogItem item = harbor.enable(args.required(0));
    out.show(item, item.id() + " enabled");
    return ExitCode.OK;
  }

  private int disable(Args args) {
    CatalogItem item = harbor.disable(args.required(0), nonBlank(args, "--reason"));
    out.show(item, item.id() + " disabled: " + item.local().reason());
    return ExitCode.OK;
  }

  private int setup(Args args) {
    String catalogId = args.required(0);
    Map<String, String> config = config(args.values("--config"), args);
    String key = args.value("--key").orElse(null);
    Duration timeout = args.value("--timeout").map(text -> Durations.parse(text, args)).orElse(DEFAULT_TIMEOUT);
    if (!args.has("--wait")) {
      if (args.has("--timeout")) {
        throw args.usage("--timeout goes with --wait");
      }
      SetupAnswer answer = harbor.setup(catalogId, config, key);
      out.show(answer, Table.of("INSTANCE", "STATUS").row(answer.instanceId(),
          answer.status() == null ? "requested" : answer.status().wire()));
      return ExitCode.OK;
    }
    try {
      SetupResult result = harbor.setupAndWait(catalogId, config, key, WaitOptions.of(timeout));
      if (out.isJson()) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("instance", result.instance());
        answer.put("mcpServers", result.clientConfig().mcpServers());
        out.line(Output.toJson(answer));
      } else {
        out.line("instance " + result.instanceId() + " is active; client configuration:");
        out.line(result.clientConfig().toJson());
      }
      return ExitCode.OK;
    } catch (SetupException e) {
      if (e.instance() != null) {
        out.show(e.instance(), Views.instance(e.instance()));
      }
      throw e;
    }
  }

  private int instance(Instance instance) {
    out.show(instance, Views.instance(instance));
    return ExitCode.OK;
  }

  private int list(Args args) {
    InstanceFilter filter = InstanceFilter.all().size(LIST_SIZE);
    args.value("--status").ifPresent(status -> filter.status(parse(args, "--status", () -> InstanceStatus.of(status))));
    if (args.has("--mine")) {
      filter.mine();
    }
    Page<Instance> page = harbor.instances(filter);
    out.show(page, Views.instances(page.items()));
    return ExitCode.OK;
  }

  private int status(Args args) {
    var view = harbor.status(args.required(0));
    out.show(view, Views.status(view));
    return ExitCode.OK;
  }

  private int logs(Args args) {
    String instanceId = args.required(0);
    if (args.has("--follow")) {
      return new LogFollower(harbor, out).follow(instanceId);
    }
    AuditPage page = harbor.instanceLogs(instanceId, LogFilter.all().size(LIST_SIZE));
    out.show(page, Views.events(page.items().reversed()));
    return ExitCode.OK;
  }

  private int audit(Args args) {
    AuditFilter filter = AuditFilter.all();
    args.value("--type").ifPresent(type -> filter.types(parse(args, "--type", () -> AuditEventType.of(type))));
    args.positiveInt("--size").ifPresent(filter::size);
    AuditPage page = harbor.audit(filter);
    out.show(page, Views.events(page.items()));
    return ExitCode.OK;
  }

  private int createToken(Args args) {
    String kindText = args.value("--kind").orElseThrow();
    CallerKind kind = parse(args, "--kind", () -> CallerKind.of(kindText));
    IssuedToken token = harbor.createToken(kind, nonBlank(args, "--name"));
    out.show(token, Table.of("ID", "KIND", "NAME", "TOKEN").row(token.id(), token.kind(), token.name(), token.token()));
    if (!out.isJson()) {
      err.println("harbor mcp: the token's value is shown this once; keep it now");
    }
    return ExitCode.OK;
  }

  private int revokeToken(Args args) {
    String id = args.required(0);
    harbor.revokeToken(id);
    out.show(Map.of("id", id, "revoked", true), "token " + id + " revoked");
    return ExitCode.OK;
  }

  private int tokens() {
    var tokens = harbor.tokens();
    out.show(tokens, Views.tokens(tokens));
    return ExitCode.OK;
  }

  private int config(Args args) {
    boolean all = args.has("--all");
    if (all == args.positional(0).isPresent()) {
      throw args.usage("config needs an INSTANCE or --all, not " + (all ? "both" : "neither"));
    }
    String formatText = args.value("--format").orElse(ClientFormat.CLAUDE.wire());
    ClientFormat format = parse(args, "--format", () -> ClientFormat.of(formatText));
    ClientConfig config = all ? harbor.clientConfig(format)
        : harbor.instance(args.required(0)).clientConfig()
            .orElseThrow(() -> new NoConfigException("instance " + args.required(0) + " is not running: no client configuration yet"));
    out.line(config.toJson(format));
    return ExitCode.OK;
  }

  private int importConfig(Args args) {
    String source = args.required(0);
    String paste;
    try {
      paste = source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(source), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw args.usage("cannot read " + (source.equals("-") ? "standard input" : source) + ": " + e.getMessage());
    }
    ConfigImportAnswer answer = harbor.importConfig(paste, args.has("--dry-run"));
    out.show(answer, Views.imported(answer.servers()));
    return ImportExit.of(answer);
  }

  private static Map<String, String> config(List<String> pairs, Args args) {
    if (pairs.isEmpty()) {
      return null;
    }
    Map<String, String> config = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw args.usage("--config takes key=value, not '" + pair + "'");
      }
      config.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return config;
  }

  private static String nonBlank(Args args, String flag) {
    String value = args.value(flag).orElseThrow();
    if (value.isBlank()) {
      throw args.usage(flag + " must not be blank");
    }
    return value;
  }

  private static <T> T parse(Args args, String flag, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw args.usage(flag + ": " + e.getMessage());
    }
  }

  /** An instance without a client configuration: not running (yet). */
  static final class NoConfigException extends RuntimeException {
    NoConfigException(String message) {
      super(message);
    }
  }
}
