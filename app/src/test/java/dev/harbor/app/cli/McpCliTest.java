package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.sdk.BadRequestException;
import dev.harbor.sdk.ConflictException;
import dev.harbor.sdk.ForbiddenException;
import dev.harbor.sdk.HarborException;
import dev.harbor.sdk.NotFoundException;
import dev.harbor.sdk.UnauthorizedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harbor mcp} without a Node: help, argument checks (each a one-line error with a usage
 * hint and exit code 2), the connection settings, and the exit codes of the SDK's errors.
 */
class McpCliTest {

  /** Nothing listens on port 1: a Node that cannot be reached. */
  private static final Map<String, String> NO_NODE =
      Map.of("HARBOR_NODE_URL", "http://127.0.0.1:1", "HARBOR_TOKEN", "hbr_x_y");

  @TempDir Path home;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    CliRun run = CliRun.of(NO_NODE, "help");
    assertThat(run.code()).isZero();
    McpCommands.ALL.forEach(spec -> assertThat(run.out()).contains(spec.synopsis()));
    assertThat(run.out()).contains("6  pending approval", "10 conflict", "source <(./harbor completion bash)");
    assertThat(CliRun.of(NO_NODE).out()).isEqualTo(run.out());
    CliRun commandHelp = CliRun.of(NO_NODE, "deny", "--help");
    assertThat(commandHelp.code()).isZero();
    assertThat(commandHelp.out()).startsWith("usage: ./harbor mcp deny INSTANCE --note TEXT\n");
  }

  @Test
  void badArgumentsExitWithTwoAndOneLineWithAHint() {
    assertUsage(CliRun.of(NO_NODE, "frobnicate"), "harbor mcp: unknown command 'frobnicate' (see ./harbor mcp help)");
    assertUsage(CliRun.of(NO_NODE, "catalog"), "harbor mcp: catalog needs a subcommand; one of: catalog search, catalog show (see ./harbor mcp help)");
    assertUsage(CliRun.of(NO_NODE, "token", "burn"), "harbor mcp: unknown command 'token burn'; one of: token create, token revoke, token ls (see ./harbor mcp help)");
    assertUsage(CliRun.of(NO_NODE, "catalog", "show"), "harbor mcp: catalog show needs ID (usage: ./harbor mcp catalog show ID)");
    assertUsage(CliRun.of(NO_NODE, "disable", "test.x"), "harbor mcp: disable needs --reason TEXT (usage: ./harbor mcp disable ID --reason TEXT)");
    assertUsage(CliRun.of(NO_NODE, "deny", "i-1", "--note", " "), "harbor mcp: --note must not be blank (usage: ./harbor mcp deny INSTANCE --note TEXT)");
    assertUsage(CliRun.of(NO_NODE, "ls", "-o", "yaml"), "harbor mcp: -o takes table or json, not 'yaml' (see ./harbor mcp help)");
    assertUsage(CliRun.of(NO_NODE, "ls", "--status", "sleeping"), null);
    assertUsage(CliRun.of(NO_NODE, "audit", "--type", "nothing"), null);
    assertUsage(CliRun.of(NO_NODE, "audit", "--size", "-3"), "harbor mcp: --size must be a positive number, not '-3' (usage: ./harbor mcp audit [--type T] [--size N])");
    assertUsage(CliRun.of(NO_NODE, "token", "create", "--kind", "robot", "--name", "n"), null);
    assertUsage(CliRun.of(NO_NODE, "token", "create", "--kind", "agent"), null);
    assertUsage(CliRun.of(NO_NODE, "setup", "test.x", "--config", "novalue"), null);
    assertUsage(CliRun.of(NO_NODE, "setup", "test.x", "--timeout", "10s"), "harbor mcp: --timeout goes with --wait (usage: ./harbor mcp setup ID [--config k=v ...] [--key IDEMPOTENCY] [--wait] [--timeout 60s])");
    assertUsage(CliRun.of(NO_NODE, "setup", "test.x", "--wait", "--timeout", "soon"), null);
    assertUsage(CliRun.of(NO_NODE, "config"), "harbor mcp: config needs an INSTANCE or --all, not neither (usage: ./harbor mcp config [INSTANCE] [--all] [--format claude|vscode])");
    assertUsage(CliRun.of(NO_NODE, "config", "i-1", "--all"), null);
    assertUsage(CliRun.of(NO_NODE, "status", "i-1", "--node"), "harbor mcp: --node needs a value (see ./harbor mcp help)");
    assertUsage(CliRun.of(NO_NODE, "status", "i-1", "--node", "ftp://x"), null);
  }

  @Test
  void aNodeThatCannotBeReachedExitsWithOne() {
    CliRun run = CliRun.of(NO_NODE, "ls");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).startsWith("harbor mcp: cannot reach the node at http://127.0.0.1:1: ").doesNotContain("\n\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withoutATokenTheOperatorTokenFileIsReadAndItsAbsenceExitsWithFour() throws Exception {
    Map<String, String> env = Map.of("HARBOR_HOME", home.toString(), "HARBOR_NODE_URL", "http://127.0.0.1:1");
    CliRun run = CliRun.of(env, "ls");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.FORBIDDEN);
    assertThat(run.err()).startsWith("harbor mcp: no token: pass --token, set HARBOR_TOKEN");
    Files.writeString(home.resolve("operator.token"), "hbr_op_secret\n");
    assertThat(Connection.resolve(null, null, env)).isEqualTo(new Connection("http://127.0.0.1:1", "hbr_op_secret"));
    assertThat(Connection.resolve("http://node:9", "hbr_a_b", env)).isEqualTo(new Connection("http://node:9", "hbr_a_b"));
    assertThat(Connection.resolve(null, null, Map.of("HARBOR_TOKEN", "hbr_t_t")))
        .isEqualTo(new Connection(Connection.DEFAULT_NODE_URL, "hbr_t_t"));
  }

  @Test
  void theSdksErrorsMapToTheDocumentedExitCodes() {
    assertThat(ExitCode.of(new UsageException("x", null))).isEqualTo(2);
    assertThat(ExitCode.of(new BadRequestException("bad_request", "size", "x"))).isEqualTo(2);
    assertThat(ExitCode.of(new NotFoundException("not_found", null, "x"))).isEqualTo(3);
    assertThat(ExitCode.of(new ForbiddenException("forbidden", null, "x"))).isEqualTo(4);
    assertThat(ExitCode.of(new UnauthorizedException("unauthorized", null, "x"))).isEqualTo(4);
    assertThat(ExitCode.of(new ConflictException("conflict", null, "x"))).isEqualTo(10);
    assertThat(ExitCode.of(new HarborException(500, "internal", null, "x"))).isEqualTo(1);
    assertThat(ExitCode.of(new IllegalStateException("x"))).isEqualTo(1);
  }

  @Test
  void docsCliMdShowsEveryCommandAndEveryExitCode() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("docs/cli.md"))) {
      dir = dir.getParent();
    }
    String docs = Files.readString(dir.resolve("docs/cli.md"));
    McpCommands.ALL.forEach(spec -> assertThat(docs).as(spec.path()).contains("$ ./harbor mcp " + spec.path()));
    for (int code = 0; code <= 10; code++) {
      assertThat(docs).contains("| " + code + " | ");
    }
    assertThat(docs).contains("source <(./harbor completion bash)");
  }

  private static void assertUsage(CliRun run, String expectedErr) {
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).as(run.toString()).startsWith("harbor mcp: ").endsWith(")\n").hasLineCount(1);
    if (expectedErr != null) {
      assertThat(run.err()).isEqualTo(expectedErr + "\n");
    }
  }
}
