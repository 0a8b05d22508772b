package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import dev.harbor.launcher.LauncherSettings;
import dev.harbor.launcher.Ownership;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-environment wrapper end to end, on a real broker and the real Docker engine: a server
 * that reads its secret only from an environment variable gets the operator's value there, while the
 * container's configuration (what {@code docker inspect} shows) holds only the file path. Further
 * tests run the wrapper Harbor installed directly in the scratch test image, to pin down how it
 * exports values and how it exits. Everything a test makes carries the test node's labels and is
 * swept at the end, even after a failure.
 */
class SecretEnvIT {

  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(90);
  private static final String SECRET = "test.env_token";
  private static final String VARIABLE = "TEST_ENV_TOKEN";
  private static final String WRAPPER = "/run/harbor/secret-env";
  private static final String NODE = "/usr/local/bin/node";
  /** Lists every process of the container but the lister itself: pid, argv and environment. */
  private static final String LIST_PROCESSES = """
      const fs = require('fs');
      const found = [];
      for (const pid of fs.readdirSync('/proc')) {
        if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
        const read = (name) => {
          try { return fs.readFileSync('/proc/' + pid + '/' + name, 'utf8').split('\\0').filter(Boolean); }
          catch (e) { return null; }
        };
        const args = read('cmdline');
        if (args !== null && args.length > 0) found.push({pid: Number(pid), args, env: read('environ')});
      }
      process.stdout.write(JSON.stringify(found));
      """;
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir static Path home;
  static LaunchingNode node;
  static String nodeId;
  static String directNode;
  static Path secretsDir;
  static Path directSecrets;
  static DockerClient docker;
  static Api operator;
  static Api agent;

  @BeforeAll
  static void start() throws IOException {
    node = LaunchingNode.start(home, "env", Map.of(),
        TestCatalog.everythingWithEnvSecret("test.everything-env-secret", SECRET, VARIABLE));
    nodeId = node.nodeId;
    secretsDir = node.secretsDir;
    docker = node.docker;
    operator = node.operator;
    agent = node.caller("agent", "env-secret-bot");
    directNode = nodeId + "-direct";
    directSecrets = Path.of("/dev/shm", "harbor-tests", directNode);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      DockerTestSupport.sweep(docker, directNode, directSecrets);
    }
  }

  @Test
  void aServerReadingItsSecretFromTheEnvironmentGetsTheValueWhichDockerInspectNeverShows() {
    String canary = "canary-" + HexFormat.of().formatHex(new byte[] {9, 8, 7, 6, (byte) System.nanoTime()});
    String id = node.setupAndApprove(agent, "test.everything-env-secret");
    node.awaitStatus(id, "secret_missing", ACTIVE_WITHIN);

    Api.Reply supplied = operator.put("/v1/mcp/instances/" + id + "/secrets/" + SECRET,
        "{\"value\":\"" + canary + "\"}");

    assertThat(supplied.status()).as(supplied.body()).isEqualTo(202);
    node.awaitStatus(id, "active", ACTIVE_WITHIN);
    InspectContainerResponse container = node.containerOf(id);

    List<Map<String, Object>> processes = processesIn(container.getId());
    List<Map<String, Object>> servers = processes.stream()
        .filter(p -> args(p).contains("/app/dist/everything.mjs") && NODE.equals(args(p).get(0)))
        .toList();
    assertThat(servers).as("the server processes among %s", processes).hasSize(1);
    assertThat(env(servers.get(0)))
        .as("the server's environment")
        .contains(VARIABLE + "=" + canary)
        .noneMatch(variable -> variable.startsWith("HARBOR_SECRET_ENV="));
    assertThat(processes)
        .as("the wrapper replaced itself with the server and stays nowhere")
        .noneMatch(p -> WRAPPER.equals(args(p).get(0)));
    assertThat(processes)
        .as("no process but the server holds the value")
        .filteredOn(p -> p != servers.get(0))
        .noneMatch(p -> String.valueOf(p.get("env")).contains(canary));

    InspectContainerResponse inspected = docker.inspectContainerCmd(container.getId()).exec();
    assertThat(inspected.toString()).doesNotContain(canary);
    assertThat(inspected.getConfig().getEnv())
        .contains("HARBOR_SECRET_ENV=" + VARIABLE + "=/run/secrets/" + SECRET)
        .noneMatch(variable -> variable.contains(canary));
    assertThat(inspected.getConfig().getEntrypoint())
        .startsWith(WRAPPER, "--", NODE, "--import", "/app/sigterm.mjs", "/app/dist/everything.mjs");
    assertThat(inspected.getConfig().getCmd()).containsExactly("streamableHttp");
    assertThat(inspected.getHostConfig().getBinds())
        .anySatisfy(bind -> {
          assertThat(bind.getVolume().getPath()).isEqualTo(WRAPPER);
          assertThat(bind.getAccessMode()).isEqualTo(AccessMode.ro);
          assertThat(bind.getPath()).isEqualTo(wrapperOnHost().toString());
        })
        .anySatisfy(bind -> {
          assertThat(bind.getVolume().getPath()).isEqualTo("/run/secrets/" + SECRET);
          assertThat(bind.getAccessMode()).isEqualTo(AccessMode.ro);
        });
    assertThat(containerLogs(container.getId())).doesNotContain(canary);
    assertThat(operator.get("/v1/mcp/instances/" + id).body()).doesNotContain(canary);

    node.removeAndAwaitNoContainer(agent, id);
    assertThat(secretsDir.resolve(id)).doesNotExist();
  }

  @Test
  void harborInstalledTheWrapperReadOnlyForEveryone() throws IOException {
    Path wrapper = wrapperOnHost();

    assertThat(wrapper).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapper))).isEqualTo("r-xr-xr-x");
  }

  @Test
  void theWrapperExportsFileContentsVerbatimButForOneTrailingNewline() throws IOException {
    Path lines = secretFile("lines", "first line\nsecond line\n\n");
    Path odd = secretFile("odd", "a,b=c d;$(id) `id` \"quoted\"");
    Path empty = secretFile("empty", "");

    Run run = runWrapper(
        Map.of(lines, "/run/secrets/lines", odd, "/run/secrets/odd", empty, "/run/secrets/empty"),
        "LINES=/run/secrets/lines,ODD=/run/secrets/odd,EMPTY=/run/secrets/empty",
        NODE, "-e", "process.stdout.write(JSON.stringify(process.env))");

    assertThat(run.status()).as(run.stderr()).isZero();
    Map<String, Object> env = json(run.stdout(), Argument.mapOf(String.class, Object.class));
    assertThat(env)
        .containsEntry("LINES", "first line\nsecond line\n")
        .containsEntry("ODD", "a,b=c d;$(id) `id` \"quoted\"")
        .containsEntry("EMPTY", "")
        .doesNotContainKey("HARBOR_SECRET_ENV")
        .containsKey("PATH");
  }

  @Test
  void theWrapperFindsTheCommandOnThePathAndPassesItsArgumentsUntouched() throws IOException {
    Path token = secretFile("token", "t0ken\n");

    Run run = runWrapper(Map.of(token, "/run/secrets/token"), "TOKEN=/run/secrets/token",
        "node", "-e", "process.stdout.write(JSON.stringify(process.argv.slice(1)))", "a b", "; c", "");

    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(json(run.stdout(), Argument.listOf(String.class))).containsExactly("a b", "; c", "");
  }

  @Test
  void theCommandsOwnExitStatusIsTheContainers() throws IOException {
    Path token = secretFile("token", "t0ken");

    Run run = runWrapper(Map.of(token, "/run/secrets/token"), "TOKEN=/run/secrets/token", NODE, "-e", "process.exit(3)");

    assertThat(run.status()).as(run.stderr()).isEqualTo(3);
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void theWrapperExitsLikeAShellWhenTheCommandCannotRunAndNeverFallsBackToOne() throws IOException {
    Path token = secretFile("token", "t0ken");
    Path text = secretFile("text", "echo this is no program\n");
    Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("r-xr-xr-x"));
    Map<Path, String> binds = Map.of(token, "/run/secrets/token", text, "/opt/not-a-program");

    Run missing = runWrapper(binds, "TOKEN=/run/secrets/token", "no-such-command");
    Run notExecutable = runWrapper(binds, "TOKEN=/run/secrets/token", "/app/sigterm.mjs");
    Run directory = runWrapper(binds, "TOKEN=/run/secrets/token", "/app");
    Run noInterpreter = runWrapper(binds, "TOKEN=/run/secrets/token", "/app/dist/everything.mjs");
    Run noFormat = runWrapper(binds, "TOKEN=/run/secrets/token", "/opt/not-a-program");

    assertThat(missing.status()).isEqualTo(127);
    assertThat(missing.stderr()).isEqualTo("secret-env: cannot run no-such-command: No such file or directory\n");
    assertThat(notExecutable.status()).isEqualTo(126);
    assertThat(notExecutable.stderr()).isEqualTo("secret-env: cannot run /app/sigterm.mjs: Permission denied\n");
    assertThat(directory.status()).isEqualTo(126);
    assertThat(directory.stderr()).isEqualTo("secret-env: cannot run /app: Permission denied\n");
    assertThat(noInterpreter.status()).as("#!/usr/bin/env is missing from the scratch image").isEqualTo(126);
    assertThat(noInterpreter.stderr()).isEqualTo("secret-env: cannot run /app/dist/everything.mjs: "
        + "the interpreter or dynamic loader it names does not exist\n");
    assertThat(noFormat.status()).isEqualTo(126);
    assertThat(noFormat.stderr()).isEqualTo("secret-env: cannot run /opt/not-a-program: Exec format error\n");
  }

  @Test
  void theWrapperRefusesAnOversizedOrUnreadableSecretWithoutShowingIt() throws IOException {
    String marker = "oversized-" + HexFormat.of().formatHex(new byte[] {(byte) System.nanoTime(), 5});
    Path big = secretFile("big", marker + "x".repeat(64 * 1024));
    Path locked = secretFile("locked", marker);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--------"));

    Run oversized = runWrapper(Map.of(big, "/run/secrets/big"), "BIG=/run/secrets/big", NODE, "-e", "");
    Run unreadable = runWrapper(Map.of(locked, "/run/secrets/locked"), "LOCKED=/run/secrets/locked", NODE, "-e", "");

    assertThat(oversized.status()).isEqualTo(125);
    assertThat(oversized.stderr()).isEqualTo("secret-env: BIG: /run/secrets/big is larger than 65536 bytes\n");
    assertThat(unreadable.status()).isEqualTo(125);
    assertThat(unreadable.stderr())
        .isEqualTo("secret-env: LOCKED: cannot open /run/secrets/locked: Permission denied\n");
    assertThat(oversized.stdout() + unreadable.stdout()).doesNotContain(marker);
  }

  // helpers

  private static Path wrapperOnHost() {
    return LauncherSettings.defaults(nodeId, home).secretEnvWrapper();
  }

  /** A secret file outside Harbor's own store, readable by the container's user. */
  private static Path secretFile(String name, String value) throws IOException {
    Path dir = Files.createDirectories(directSecrets.resolve(String.valueOf(RUNS.incrementAndGet())));
    Path file = Files.writeString(dir.resolve(name), value);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    return file;
  }

  /**
   * Runs the installed wrapper as the entrypoint of a locked-down container of the test image (as
   * PID 1, without Docker's init), with the files bound read-only, and waits for it to end.
   */
  private static Run runWrapper(Map<Path, String> files, String mapping, String... command) {
    List<Bind> binds = new ArrayList<>();
    binds.add(new Bind(wrapperOnHost().toString(), new Volume(WRAPPER), AccessMode.ro));
    files.forEach((host, inside) -> binds.add(new Bind(host.toString(), new Volume(inside), AccessMode.ro)));
    String id = docker.createContainerCmd(DockerTestSupport.IMAGE + ":" + DockerTestSupport.TAG)
        .withName("harbor-" + directNode + "-" + RUNS.incrementAndGet())
        .withLabels(Map.of(Ownership.NODE, directNode))
        .withUser("65534:65534")
        .withEnv("HARBOR_SECRET_ENV=" + mapping)
        .withEntrypoint(WRAPPER, "--")
        .withCmd(command)
        .withHostConfig(HostConfig.newHostConfig()
            .withBinds(binds)
            .withNetworkMode("none")
            .withReadonlyRootfs(true)
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges:true")))
        .exec().getId();
    try {
      docker.startContainerCmd(id).exec();
      int status = docker.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      collectLogs(id, out, err);
      return new Run(status, out.toString(), err.toString());
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  private record Run(int status, String stdout, String stderr) {}

  private static String containerLogs(String containerId) {
    StringBuilder all = new StringBuilder();
    collectLogs(containerId, all, all);
    return all.toString();
  }

  private static void collectLogs(String containerId, StringBuilder out, StringBuilder err) {
    try {
      boolean done = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
              (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
            }
          }).awaitCompletion(20, TimeUnit.SECONDS);
      assertThat(done).as("logs of %s read within 20 s", containerId).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static List<Map<String, Object>> processesIn(String containerId) {
    String listing = DockerTestSupport.execInside(docker, containerId, NODE, "-e", LIST_PROCESSES);
    return json(listing, Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> args(Map<String, Object> process) {
    return (List<String>) process.get("args");
  }

  @SuppressWarnings("unchecked")
  private static List<String> env(Map<String, Object> process) {
    Object env = process.get("env");
    assertThat(env).as("environment of process %s is readable", process.get("pid")).isNotNull();
    return (List<String>) env;
  }

  private static <T> T json(String text, Argument<T> type) {
    try {
      return ObjectMapper.getDefault().readValue(text, type);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

}
