package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion script, loaded into a real bash and asked as bash asks it. */
class CompletionTest {

  @Test
  void itCompletesCommandsSubcommandsFlagsAndFlagValues() throws Exception {
    assertThat(complete("./harbor", "")).contains("up", "mcp", "completion");
    assertThat(complete("./harbor", "mcp", "")).contains("catalog", "setup", "token", "config", "help");
    assertThat(complete("./harbor", "mcp", "ca")).isEqualTo("catalog");
    assertThat(complete("./harbor", "mcp", "token", "")).isEqualTo("create revoke ls");
    assertThat(complete("./harbor", "mcp", "setup", "test.x", "--")).contains("--config", "--key", "--wait", "--timeout", "--node");
    assertThat(complete("./harbor", "mcp", "token", "create", "--kind", "")).isEqualTo("agent script operator");
    assertThat(complete("./harbor", "mcp", "ls", "-o", "j")).isEqualTo("json");
    assertThat(complete("./harbor", "completion", "")).isEqualTo("bash");
  }

  @Test
  void commandsThatReadAFileCompleteFileNamesAndStillTheirFlags(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("claude_desktop_config.json"), "{}");
    String prefix = dir.resolve("claude_").toString();

    assertThat(complete("./harbor", "mcp", "import", prefix)).isEqualTo(dir.resolve("claude_desktop_config.json").toString());
    assertThat(complete("./harbor", "hub", "import", prefix)).isEqualTo(dir.resolve("claude_desktop_config.json").toString());
    assertThat(complete("./harbor", "mcp", "import", "x.json", "--d")).isEqualTo("--dry-run");
    assertThat(complete("./harbor", "mcp", "status", prefix)).isEmpty();
  }

  /** What the script offers for the last word of {@code words}, space-separated. */
  private static String complete(String... words) throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append('\'').append(word).append("' ");
    }
    String script = Completion.bash() + "\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
        + "\n_harbor\necho \"${COMPREPLY[*]}\"\n";
    Process bash = new ProcessBuilder(List.of("bash", "-c", script)).redirectErrorStream(true).start();
    assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(bash.exitValue()).as(output).isZero();
    return output;
  }
}
