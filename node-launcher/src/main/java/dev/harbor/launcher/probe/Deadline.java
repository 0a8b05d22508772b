package dev.harbor.launcher.probe;

import java.time.Duration;
import java.util.Locale;

/** The moment a probe gives up, measured on the monotonic clock, and the budget it started with. */
final class Deadline {

  private final Duration budget;
  private final long endNanos;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
  }

  /** A deadline {@code budget} from now; a negative budget counts as zero. */
  static Deadline after(Duration budget) {
    return new Deadline(budget.isNegative() ? Duration.ZERO : budget);
  }

  /** Time left, never negative. */
  Duration remaining() {
    long left = endNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  boolean expired() {
    return remaining().isZero();
  }

  /** The smaller of {@code cap} and the time left, but at least one millisecond. */
  Duration remainingAtMost(Duration cap) {
    Duration left = remaining();
    Duration chosen = left.compareTo(cap) < 0 ? left : cap;
    return chosen.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : chosen;
  }

  /** The starting budget for messages: "30 s", "500 ms" or "1.5 s". */
  String describeBudget() {
    long millis = budget.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
