package dev.harbor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wrapper program's refusals, run on the build machine: every one exits 125 before the command
 * runs, with a message naming the variable or path. Exporting real secret files needs
 * /run/secrets, which only a container has: SecretEnvIT covers that.
 */
class SecretEnvProgramTest {

  @TempDir Path dir;
  private Path program;

  @BeforeEach
  void install() {
    program = dir.resolve("secret-env");
    SecretEnvWrapper.install(program);
  }

  @Test
  void withoutTheSeparatorItPrintsUsage() throws Exception {
    Run run = run("TOKEN=/run/secrets/token", "true");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).startsWith("secret-env: usage:");
  }

  @Test
  void withoutACommandItPrintsUsage() throws Exception {
    Run run = run("TOKEN=/run/secrets/token", "--");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).startsWith("secret-env: usage:");
  }

  @Test
  void withoutTheMappingItRefusesToRunTheCommand() throws Exception {
    Path marker = dir.resolve("ran");

    Run run = run(null, "--", "/usr/bin/touch", marker.toString());

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).isEqualTo("secret-env: HARBOR_SECRET_ENV is not set\n");
    assertThat(marker).doesNotExist();
  }

  @Test
  void anEmptyMappingIsRefused() throws Exception {
    assertThat(run("", "--", "true").stderr()).isEqualTo("secret-env: HARBOR_SECRET_ENV is not set\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1TOKEN", "TO-KEN", "TO KEN", "HARBOR_SECRET_ENV"})
  void anUnacceptableVariableNameIsRefusedByName(String name) throws Exception {
    Run run = run(name + "=/run/secrets/token", "--", "true");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).isEqualTo("secret-env: '" + name + "' is not an acceptable environment variable name\n");
  }

  @Test
  void anOverlongVariableNameIsRefused() throws Exception {
    assertThat(run("A".repeat(129) + "=/run/secrets/token", "--", "true").status()).isEqualTo(125);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "/run/secrets/", "/run/secrets/../../etc/shadow", "/run/secrets/a..b",
      "run/secrets/token", "/run/secretsX/token"})
  void aPathOutsideRunSecretsIsRefusedNamingVariableAndPath(String path) throws Exception {
    Run run = run("TOKEN=" + path, "--", "true");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).isEqualTo(
        "secret-env: TOKEN: path '" + path + "' must start with /run/secrets/ and contain no '..'\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TOKEN", "TOKEN=/run/secrets/a,", ",TOKEN=/run/secrets/a", "A=/run/secrets/a,,B=/run/secrets/b"})
  void aMalformedMappingIsRefused(String mapping) throws Exception {
    Run run = run(mapping, "--", "true");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).startsWith("secret-env: HARBOR_SECRET_ENV ");
  }

  @Test
  void aVariableNamedTwiceIsRefused() throws Exception {
    Run run = run("TOKEN=/run/secrets/a,TOKEN=/run/secrets/b", "--", "true");

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).isEqualTo("secret-env: TOKEN is named twice in HARBOR_SECRET_ENV\n");
  }

  @Test
  void aMissingSecretFileIsNamedWithItsVariableAndTheCommandDoesNotRun() throws Exception {
    Path marker = dir.resolve("ran");

    Run run = run("TOKEN=/run/secrets/harbor-test-absent", "--", "/usr/bin/touch", marker.toString());

    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr())
        .isEqualTo("secret-env: TOKEN: cannot open /run/secrets/harbor-test-absent: No such file or directory\n");
    assertThat(marker).doesNotExist();
  }

  private Run run(String mapping, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(program.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    if (mapping != null) {
      builder.environment().put("HARBOR_SECRET_ENV", mapping);
    }
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the wrapper ends").isTrue();
    return new Run(process.exitValue(), stderr);
  }

  private record Run(int status, String stderr) {}
}
