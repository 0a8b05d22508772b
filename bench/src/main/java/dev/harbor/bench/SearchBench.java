package dev.harbor.bench;

import dev.harbor.platform.catalog.CatalogIndex;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Times {@link CatalogIndex#search} over a {@link QueryMix}, one query after another on one thread
 * while the index is idle: a warm-up of whole rounds of the mix, then timed rounds until the round or
 * time budget runs out. Every search of a round is timed on its own.
 */
final class SearchBench {

  /**
   * Latencies over the whole mix and per kind, with the average number of matches per search.
   *
   * @param rounds timed rounds of the whole mix
   */
  record Result(
      Latency overall,
      Map<QueryMix.Kind, Latency> byKind,
      Map<QueryMix.Kind, Double> matches,
      int rounds) {}

  private static final int MAX_WARMUP_ROUNDS = 300;
  private static final int MAX_ROUNDS = 500;

  /** Keeps the results observable so the searches cannot be optimised away. */
  private static volatile long consumed;

  private final Duration warmup;
  private final Duration budget;

  SearchBench(Duration warmup, Duration budget) {
    this.warmup = warmup;
    this.budget = budget;
  }

  Result run(CatalogIndex index, QueryMix mix) {
    List<QueryMix.Search> searches = mix.searches();
    long sink = 0;
    long warmupEnd = System.nanoTime() + warmup.toNanos();
    for (int round = 0; round < MAX_WARMUP_ROUNDS && System.nanoTime() < warmupEnd; round++) {
      for (QueryMix.Search search : searches) {
        sink += index.search(search.query()).total();
      }
    }
    long[] totals = new long[searches.size()];
    for (int i = 0; i < searches.size(); i++) {
      totals[i] = index.search(searches.get(i).query()).total();
    }

    long[][] took = new long[MAX_ROUNDS][];
    int rounds = 0;
    long end = System.nanoTime() + budget.toNanos();
    while (rounds < MAX_ROUNDS && System.nanoTime() < end) {
      long[] round = new long[searches.size()];
      for (int i = 0; i < searches.size(); i++) {
        long start = System.nanoTime();
        sink += index.search(searches.get(i).query()).items().size();
        round[i] = System.nanoTime() - start;
      }
      took[rounds++] = round;
    }
    consumed = sink;

    Map<QueryMix.Kind, Latency> byKind = new EnumMap<>(QueryMix.Kind.class);
    Map<QueryMix.Kind, Double> matches = new EnumMap<>(QueryMix.Kind.class);
    for (QueryMix.Kind kind : QueryMix.Kind.values()) {
      IntPredicate ofKind = i -> searches.get(i).kind() == kind;
      long[] kindTotals =
          IntStream.range(0, searches.size()).filter(ofKind).mapToLong(i -> totals[i]).toArray();
      if (kindTotals.length > 0) {
        byKind.put(kind, Latency.of(timings(took, rounds, ofKind)));
        matches.put(kind, Arrays.stream(kindTotals).average().orElse(0));
      }
    }
    return new Result(Latency.of(timings(took, rounds, i -> true)), byKind, matches, rounds);
  }

  /** The timings of the searches the predicate selects (by position in the mix), over all rounds. */
  private static long[] timings(long[][] took, int rounds, IntPredicate selected) {
    return Arrays.stream(took, 0, rounds)
        .flatMapToLong(
            round -> IntStream.range(0, round.length).filter(selected).mapToLong(i -> round[i]))
        .toArray();
  }
}
