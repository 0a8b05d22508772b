package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a page's run and output markers are read, and how printed output is held against the page. */
class DocExamplesTest {

  private static final String PAGE = """
      Some prose.

      <!-- run: first -->
      ```bash
      echo one
      echo two
      ```

      <!-- output: first -->
      ```text
      one
      two
      ```

      <!-- run: approve as operator -->
      ```bash
      approve it
      ```

      <!-- run: stale -->
      This prose separates the marker from the block, so the block below is not the example.

      ```json
      {"shown": true}
      ```
      """;

  @Test
  void markersNameTheBlockRightAfterThemWithItsRoleAndOutput() {
    DocExamples page = DocExamples.parse(PAGE);

    assertThat(page.names()).containsExactly("first", "approve");
    DocExamples.Example first = page.example("first");
    assertThat(first.code()).isEqualTo(new DocExamples.Block("bash", "echo one\necho two"));
    assertThat(first.output()).isEqualTo(new DocExamples.Block("text", "one\ntwo"));
    assertThat(first.role()).isEmpty();
    assertThat(page.example("approve").role()).isEqualTo("operator");
    assertThat(page.example("approve").output()).isNull();
    assertThat(page.unmarked()).containsExactly(new DocExamples.Block("json", "{\"shown\": true}"));
  }

  @Test
  void twoExamplesOfOneNameOrAnOutputWithoutItsExampleAreRefused() {
    String twice = "<!-- run: a -->\n```bash\nx\n```\n<!-- run: a -->\n```bash\ny\n```\n";
    assertThatThrownBy(() -> DocExamples.parse(twice)).hasMessageContaining("unique");
    String orphan = "<!-- output: nowhere -->\n```text\nx\n```\n";
    assertThatThrownBy(() -> DocExamples.parse(orphan)).hasMessageContaining("nowhere");
  }

  @Test
  void printedJsonMustHaveEveryShownFieldAndTheShownStatus() {
    Object shown = Json.parse("{\"id\": \"i-1\", \"status\": \"active\", \"...\": \"...\","
        + " \"items\": [{\"name\": \"x\"}]}");
    OutputCheck.fields("ok", shown,
        Json.parse("{\"id\": \"i-2\", \"status\": \"active\", \"more\": 1, \"items\": [{\"name\": \"y\", \"n\": 2}]}"), "");

    assertThatThrownBy(() -> OutputCheck.fields("status", shown,
        Json.parse("{\"id\": \"i-2\", \"status\": \"failed\", \"items\": [{\"name\": \"y\"}]}"), ""))
        .hasMessageContaining("status");
    assertThatThrownBy(() -> OutputCheck.fields("nested", shown,
        Json.parse("{\"id\": \"i-2\", \"status\": \"active\", \"items\": [{\"other\": \"y\"}]}"), ""))
        .hasMessageContaining("items[0].name");
  }

  @Test
  void printedLinesMatchTheShownOnesApartFromIdsTimesPortsAndElisions() {
    String shown = """
        INSTANCE                STATUS  UPDATED
        i-0f99e0eb6fb6b82defbb  active  2026-12-06T06:54:51.377Z
        {"url":"http://127.0.0.1:35709/mcp",...}""";
    OutputCheck.lines("ok", shown, """
        INSTANCE                STATUS  UPDATED
        i-aaaaaaaaaaaaaaaaaaaa    active  2027-01-01T00:00:00Z
        {"url":"http://127.0.0.1:40000/mcp","extra":true}

        """);

    assertThatThrownBy(() -> OutputCheck.lines("status", shown, """
        INSTANCE                STATUS  UPDATED
        i-aaaaaaaaaaaaaaaaaaaa  failed  2027-01-01T00:00:00Z
        {"url":"http://127.0.0.1:40000/mcp"}
        """)).hasMessageContaining("line 2");
    assertThatThrownBy(() -> OutputCheck.lines("short", shown, "INSTANCE STATUS UPDATED\n"))
        .hasMessageContaining("short");
  }
}
