package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.instance.InstanceStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables for people and JSON for scripts. */
class TableTest {

  @Test
  void columnsAlignAndEmptyCellsShowAsADash() {
    String table = Table.of("ID", "STATUS", "NOTE")
        .row("a", InstanceStatus.PENDING_APPROVAL, null)
        .row("longer-id", "active", "two\nlines")
        .render();
    assertThat(table).isEqualTo("""
        ID         STATUS            NOTE
        a          pending_approval  -
        longer-id  active            two lines
        """);
  }

  @Test
  void aRowMustFitTheHeader() {
    assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonIsWrittenAsTheApiWritesIt() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("status", InstanceStatus.ACTIVE);
    value.put("at", Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(Output.toJson(value)).isEqualTo("{\"status\":\"active\",\"at\":\"2026-01-02T03:04:05Z\"}");
  }

  @Test
  void theOutputWritesATableOrJson() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), true)
        .show(Map.of("id", "x"), Table.of("ID").row("x"));
    new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
        .show(Map.of("id", "x"), Table.of("ID").row("x"));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"x\"}\nID\nx\n");
  }
}
