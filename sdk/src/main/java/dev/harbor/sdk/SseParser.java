package dev.harbor.sdk;

/**
 * Reads a Server-Sent Events stream line by line, as the HTML standard describes it: {@code event:}
 * names the message, {@code data:} lines (joined with newlines) carry it, a blank line dispatches
 * it, a line starting with {@code :} is a comment; one space after the colon is dropped; {@code id}
 * and {@code retry} are accepted and ignored, as is any other field. A message without data is not
 * dispatched; a message without a name is called {@code message}.
 */
final class SseParser {

  /** What a stream holds. */
  interface Listener {
    void comment(String text);

    void message(String name, String data);
  }

  private final Listener listener;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String name;

  SseParser(Listener listener) {
    this.listener = listener;
  }

  /** Feeds one line, without its line terminator. */
  void line(String line) {
    if (line.isEmpty()) {
      dispatch();
      return;
    }
    if (line.charAt(0) == ':') {
      listener.comment(strip(line.substring(1)));
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : strip(line.substring(colon + 1));
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      default -> { }
    }
  }

  private void dispatch() {
    if (hasData) {
      String event = name == null || name.isEmpty() ? "message" : name;
      String payload = data.toString();
      reset();
      listener.message(event, payload);
    } else {
      reset();
    }
  }

  private void reset() {
    data.setLength(0);
    hasData = false;
    name = null;
  }

  private static String strip(String value) {
    return value.startsWith(" ") ? value.substring(1) : value;
  }
}
