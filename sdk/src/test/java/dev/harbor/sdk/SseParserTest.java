package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-Sent Events are read as the standard says: fields, comments, multi-line data, blank-line dispatch. */
class SseParserTest {

  private final List<String> seen = new ArrayList<>();
  private final SseParser parser = new SseParser(new SseParser.Listener() {
    @Override
    public void comment(String text) {
      seen.add("comment " + text);
    }

    @Override
    public void message(String name, String data) {
      seen.add(name + " " + data);
    }
  });

  @Test
  void aNamedEventIsDispatchedAtTheBlankLine() {
    feed(": connected", "", "event: instance", "data: {\"id\":\"i-1\"}");
    assertThat(seen).containsExactly("comment connected");

    feed("");

    assertThat(seen).containsExactly("comment connected", "instance {\"id\":\"i-1\"}");
  }

  @Test
  void dataLinesAreJoinedWithNewlines() {
    feed("event: note", "data: first", "data:second", "data:  third", "");

    assertThat(seen).containsExactly("note first\nsecond\n third");
  }

  @Test
  void anEventWithoutANameIsAMessage() {
    feed("data: hello", "");

    assertThat(seen).containsExactly("message hello");
  }

  @Test
  void anEventWithoutDataIsNotDispatchedAndItsNameDoesNotLeakIntoTheNext() {
    feed("event: instance", "", "data: x", "");

    assertThat(seen).containsExactly("message x");
  }

  @Test
  void idRetryAndUnknownFieldsAreIgnored() {
    feed("id: 7", "retry: 1000", "colour: blue", "novalue", "event: approval", "data: {}", "");

    assertThat(seen).containsExactly("approval {}");
  }

  @Test
  void anEmptyDataLineStillCountsAsData() {
    feed("data:", "");

    assertThat(seen).containsExactly("message ");
  }

  private void feed(String... lines) {
    for (String line : lines) {
      parser.line(line);
    }
  }
}
