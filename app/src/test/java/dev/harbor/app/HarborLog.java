package dev.harbor.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What Harbor logs while a test runs: SLF4J's simple logger writes to whatever {@code System.err} is
 * at each line, so this copies standard error into memory between {@link #start()} and {@link
 * #stop()}, still passing every byte on.
 */
final class HarborLog {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  synchronized void start() {
    original = System.err;
    PrintStream through = original;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        through.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (captured) {
          captured.write(bytes, offset, length);
        }
        through.write(bytes, offset, length);
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  synchronized void stop() {
    if (original != null) {
      System.setErr(original);
      original = null;
    }
  }

  /** Everything logged since {@link #start()}. */
  String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }
}
