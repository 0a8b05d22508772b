package dev.harbor.bench;

import java.util.Arrays;

/** Durations of repeated runs of one measurement, in nanoseconds, shown as their median and range. */
record Samples(long[] nanos) {

  Samples {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    nanos = nanos.clone();
    Arrays.sort(nanos);
  }

  long median() {
    return nanos[(nanos.length - 1) / 2];
  }

  /** The median in milliseconds, followed by the range when there was more than one run. */
  String describe() {
    String median = Format.millis(median());
    if (nanos.length == 1) {
      return median;
    }
    return median + " (" + Format.millis(nanos[0]) + " to " + Format.millis(nanos[nanos.length - 1]) + ")";
  }
}
