package dev.harbor.launcher.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last few lines of a byte stream that arrives in arbitrary chunks (a process's stderr), kept
 * for diagnostics. Older lines drop off; a line is also cut at a maximum length.
 */
final class RecentLines {

  private static final int MAX_LINE_CHARS = 1000;

  private final int capacity;
  private final Deque<String> lines = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();

  RecentLines(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a chunk of UTF-8 text; a multi-byte character split across chunks may be garbled. */
  synchronized void append(byte[] chunk) {
    String text = new String(chunk, StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        push();
      } else if (c != '\r' && partial.length() < MAX_LINE_CHARS) {
        partial.append(c);
      }
    }
  }

  /** The kept lines, oldest first, including an unfinished last line. */
  synchronized List<String> snapshot() {
    List<String> copy = new ArrayList<>(lines);
    if (!partial.isEmpty()) {
      copy.add(partial.toString());
    }
    return copy;
  }

  private void push() {
    lines.addLast(partial.toString());
    partial.setLength(0);
    while (lines.size() > capacity) {
      lines.removeFirst();
    }
  }
}
