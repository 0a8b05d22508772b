package dev.harbor.bench;

import java.util.Locale;

/** Number formatting shared by the report. */
final class Format {

  private Format() {}

  /** Milliseconds with a precision that suits the magnitude. */
  static String millis(long nanos) {
    double ms = nanos / 1e6;
    if (Math.abs(ms) >= 100) {
      return String.format(Locale.ROOT, "%,.0f ms", ms);
    }
    if (Math.abs(ms) >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** Search latencies: microseconds below one millisecond, milliseconds above. */
  static String latency(long nanos) {
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%d µs", nanos / 1_000);
    }
    return millis(nanos);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String average(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.1f×", value);
  }
}
