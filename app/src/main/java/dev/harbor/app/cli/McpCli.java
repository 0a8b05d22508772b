package dev.harbor.app.cli;

import dev.harbor.sdk.HarborException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./harbor mcp ...}: the Node's MCP management over its HTTP API, through the Java SDK. Reads
 * the global options ({@code --node URL}, {@code --token T}, {@code -o table|json}) wherever they
 * stand, finds the command by its words, checks its arguments, runs it and answers with an {@link
 * ExitCode}. Errors go to standard error as one line with a hint.
 */
public final class McpCli {

  private final Map<String, String> env;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private String nodeUrl = Connection.DEFAULT_NODE_URL;

  /**
   * @param env the environment ({@code HARBOR_NODE_URL}, {@code HARBOR_TOKEN}, {@code HARBOR_HOME})
   * @param out standard output
   * @param err standard error
   */
  public McpCli(Map<String, String> env, PrintStream out, PrintStream err) {
    this(env, System.in, out, err);
  }

  /**
   * @param env the environment ({@code HARBOR_NODE_URL}, {@code HARBOR_TOKEN}, {@code HARBOR_HOME})
   * @param in standard input ({@code import -})
   * @param out standard output
   * @param err standard error
   */
  public McpCli(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    this.env = env;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code args} (what follows {@code mcp}) and returns the exit code; never throws. */
  public int run(String... args) {
    try {
      return dispatch(new ArrayList<>(Arrays.asList(args)));
    } catch (UsageException e) {
      err.println("harbor mcp: " + e.getMessage() + " (" + e.hint() + ")");
      return ExitCode.USAGE;
    } catch (HarborException e) {
      err.println("harbor mcp: " + describe(e));
      return ExitCode.of(e);
    } catch (UncheckedIOException e) {
      err.println("harbor mcp: cannot reach the node at " + nodeUrl + ": " + e.getMessage());
      return ExitCode.ERROR;
    } catch (RuntimeException e) {
      err.println("harbor mcp: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return ExitCode.of(e);
    }
  }

  private int dispatch(List<String> args) {
    String node = take(args, "--node").orElse(null);
    String token = take(args, "--token").orElse(null);
    String format = take(args, "-o").or(() -> take(args, "--output")).orElse("table");
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("-o takes table or json, not '" + format + "'", null);
    }
    if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
      out.print(help());
      return ExitCode.OK;
    }
    CommandSpec spec = find(args);
    List<String> rest = args.subList(spec.path().split(" ").length, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      out.println("usage: ./harbor mcp " + spec.synopsis());
      out.println("  " + spec.summary());
      return ExitCode.OK;
    }
    Args parsed = Args.parse(spec, rest);
    Connection connection = Connection.resolve(node, token, env);
    nodeUrl = connection.nodeUrl();
    return new McpCommands(connection.client(), in, new Output(out, format.equals("json")), err::println).run(parsed);
  }

  /** The command whose words begin {@code args}. */
  static CommandSpec find(List<String> args) {
    CommandSpec best = null;
    for (CommandSpec spec : McpCommands.ALL) {
      List<String> words = List.of(spec.path().split(" "));
      if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)
          && (best == null || words.size() > best.path().split(" ").length)) {
        best = spec;
      }
    }
    if (best != null) {
      return best;
    }
    List<String> group = McpCommands.ALL.stream()
        .filter(spec -> spec.path().startsWith(args.get(0) + " "))
        .map(CommandSpec::path)
        .toList();
    if (!group.isEmpty()) {
      String sub = args.size() > 1 ? "unknown command '" + args.get(0) + " " + args.get(1) + "'" : args.get(0) + " needs a subcommand";
      throw new UsageException(sub + "; one of: " + String.join(", ", group), null);
    }
    throw new UsageException("unknown command '" + args.get(0) + "'", null);
  }

  /** Removes a global option and its value from {@code args}. */
  private static Optional<String> take(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith(name + "=")) {
        args.remove(i);
        return Optional.of(arg.substring(name.length() + 1));
      }
      if (arg.equals(name)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(name + " needs a value", null);
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String describe(HarborException e) {
    String message = e.serverMessage().orElse(e.getMessage());
    return e.status() == 0 ? message : e.error() + ": " + message;
  }

  /** {@code ./harbor mcp help}. */
  static String help() {
    StringBuilder help = new StringBuilder("""
        Usage: ./harbor mcp COMMAND [ARGS] [--node URL] [--token T] [-o table|json]

        Manage the Node's MCP servers over its HTTP API.

        Commands:
        """);
    for (CommandSpec spec : McpCommands.ALL) {
      if (spec.synopsis().length() > 50) {
        help.append("  ").append(spec.synopsis()).append('\n').append(" ".repeat(54)).append(spec.summary()).append('\n');
      } else {
        help.append("  ").append(spec.synopsis()).append(" ".repeat(Math.max(2, 52 - spec.synopsis().length())))
            .append(spec.summary()).append('\n');
      }
    }
    help.append("""

        Options:
          --node URL      the Node (default $HARBOR_NODE_URL, else http://127.0.0.1:8080)
          --token T       the bearer token (default $HARBOR_TOKEN, else $HARBOR_HOME/operator.token,
                          HARBOR_HOME default ~/.harbor)
          -o table|json   tables for people (default) or the API's JSON for scripts

        """);
    help.append(ExitCode.describe());
    help.append("\nBash completion: source <(./harbor completion bash)\nMore: docs/cli.md\n");
    return help.toString();
  }
}
