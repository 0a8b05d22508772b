package dev.harbor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md lists exactly the transitions {@link Lifecycle} allows. */
class LifecycleDocTest {

  private static final Path DOC = Path.of("..", "docs", "lifecycle.md");
  private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| (\\w+) \\| (\\w+) \\| .*\\|$");

  @Test
  void the_transition_table_in_the_docs_is_the_lifecycle_table() throws IOException {
    Set<String> documented = Files.readAllLines(DOC).stream()
        .map(ROW::matcher)
        .filter(Matcher::matches)
        .filter(m -> !m.group(1).equals("from"))
        .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3))
        .collect(Collectors.toSet());

    Set<String> legal = Lifecycle.transitions().stream()
        .map(t -> (t.from().wire() + " " + t.trigger().name() + " " + t.to().wire()).toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());

    assertThat(documented).isEqualTo(legal);
  }
}
