package dev.harbor.bench;

import java.util.Arrays;

/**
 * Summary of individually timed searches.
 *
 * @param count searches timed
 * @param p50 median, nanoseconds (nearest rank)
 * @param p99 99th percentile, nanoseconds (nearest rank)
 * @param mean nanoseconds
 * @param max nanoseconds
 */
record Latency(int count, long p50, long p99, long mean, long max) {

  static Latency of(long[] nanos) {
    int count = nanos.length;
    if (count == 0) {
      return new Latency(0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Latency(count, rank(sorted, 0.50), rank(sorted, 0.99), sum / count, sorted[count - 1]);
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
