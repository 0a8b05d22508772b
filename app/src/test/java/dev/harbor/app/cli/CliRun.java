package dev.harbor.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One in-process run of {@code ./harbor mcp ARGS}: its exit code and what it wrote to standard
 * output and standard error.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int code, String out, String err) {

  /** Runs {@link McpCli} with {@code args} in {@code env} and captures everything. */
  public static CliRun of(Map<String, String> env, String... args) {
    return of(new ByteArrayOutputStream(), env, args);
  }

  /** Starts a run on another thread; its standard output can be read while it runs. */
  public static Running start(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return new Running(out, CompletableFuture.supplyAsync(() -> of(out, env, args)));
  }

  private static CliRun of(ByteArrayOutputStream out, Map<String, String> env, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new McpCli(env, outStream, errStream).run(args);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A run going on in the background.
   *
   * @param out its standard output so far
   * @param done completes with the run once the command returns
   */
  public record Running(ByteArrayOutputStream out, CompletableFuture<CliRun> done) {

    /** What the command wrote to standard output so far. */
    public String outSoFar() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
