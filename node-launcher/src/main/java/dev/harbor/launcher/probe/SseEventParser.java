package dev.harbor.launcher.probe;

import java.util.Optional;

/**
 * Assembles server-sent events from the lines of a {@code text/event-stream} body and hands out
 * each event's data: the {@code data:} lines joined by newlines, complete at the blank line that
 * ends the event. Other fields ({@code event:}, {@code id:}, {@code retry:}) and comments are
 * ignored; MCP only puts JSON-RPC messages in the data.
 */
final class SseEventParser {

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /** Takes one line (without its line break); returns the data of the event it completes, if any. */
  Optional<String> accept(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    if (!field.equals("data")) {
      return Optional.empty();
    }
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (hasData) {
      data.append('\n');
    }
    data.append(value);
    hasData = true;
    return Optional.empty();
  }

  /** The data of an event left unfinished when the stream ended, if any. */
  Optional<String> finish() {
    return dispatch();
  }

  private Optional<String> dispatch() {
    if (!hasData) {
      return Optional.empty();
    }
    String event = data.toString();
    data.setLength(0);
    hasData = false;
    return Optional.of(event);
  }
}
