package dev.harbor.bench;

import java.util.Locale;

/** Progress lines on standard error, with the seconds since the run began; results go to standard out. */
final class Progress {

  private static final long STARTED = System.nanoTime();

  private Progress() {}

  static void say(String message) {
    System.err.printf(Locale.ROOT, "[bench %6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
  }
}
