package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./harbor mcp ...} and {@code ./harbor completion bash} reach the command line from {@link HarborMain}. */
class HarborMainCliTest {

  @Test
  void mcpAndCompletionAreCommandsOfHarbor() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HarborMain main = new HarborMain(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(main.run(new String[] {"mcp", "help"})).isZero();
    assertThat(main.run(new String[] {"completion", "bash"})).isZero();
    assertThat(main.run(new String[] {"help"})).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Usage: ./harbor mcp COMMAND", "complete -F _harbor harbor ./harbor", "mcp COMMAND", "completion bash");
    assertThatThrownBy(() -> main.run(new String[] {"completion", "zsh"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage: ./harbor completion bash");
  }
}
