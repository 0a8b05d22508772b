package dev.harbor.bench;

import dev.harbor.bench.CatalogBench.Import;
import dev.harbor.bench.CatalogBench.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The figures of one run as Markdown: conditions, the main table, search by kind, the query mix. */
record Report(
    List<String> conditions,
    QueryMix mix,
    Parsed docker,
    Parsed official,
    Import realImport,
    NodeMeasurement.Figures real,
    Import syntheticImport,
    NodeMeasurement.Figures synthetic) {

  private static final String NONE = "–";

  String render() {
    StringBuilder out = new StringBuilder("## Catalog benchmark\n\n### Conditions\n\n");
    conditions.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append(
        "\nThe synthetic entries were published to the catalog topic of a second fresh broker, started"
            + " after the first one was stopped.\n\n### Results\n\n");
    table(out, List.of("Measure", "Real catalog", "Synthetic"), mainRows());
    out.append("\n### Search latency by kind of query\n\n");
    table(out, List.of("Kind", "Queries", "p50 real", "p99 real", "Matches real", "p50 synthetic",
        "p99 synthetic", "Matches synthetic"), kindRows());
    out.append("\nMatches: average total hits per query of that kind (a page holds at most 50).\n");
    out.append("\n### Query mix\n\n");
    mix.parametersByKind()
        .forEach((kind, queries) -> out.append("- ").append(kind.label).append(": `")
            .append(String.join("`, `", queries)).append("`\n"));
    return out.toString();
  }

  private List<List<String>> mainRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Entries (catalog topic records, serialized size)",
        Format.count(real.records()) + " (" + Format.mebibytes(real.bytes()) + ")",
        Format.count(synthetic.records()) + " (" + Format.mebibytes(synthetic.bytes()) + ")"));
    rows.add(parseRow(docker));
    rows.add(parseRow(official));
    rows.add(List.of("Derive synthetic entries from the real ones", NONE,
        Format.millis(syntheticImport.prepareNanos())));
    rows.add(List.of("Hub view start on the empty topic (TopicMirror start to ready)",
        Format.millis(realImport.viewStartNanos()), Format.millis(syntheticImport.viewStartNanos())));
    rows.add(List.of("Import: publish through HubCatalog until its view applied it",
        publishTimes(realImport), publishTimes(syntheticImport)));
    rows.add(List.of("Import throughput",
        perSecond(realImport.published(), realImport.totalPublishNanos()),
        perSecond(syntheticImport.published(), syntheticImport.totalPublishNanos())));
    rows.add(both("Plain KafkaConsumer read of the whole topic, byte[] (floor)",
        f -> f.plainRead().describe()));
    rows.add(both("Typed read: JSON decode + CatalogIndex, no Kafka Streams",
        f -> f.typedRead().describe()));
    rows.add(both("Fresh Node mirror: TopicMirror build to awaitReady",
        f -> f.mirror().describe()));
    rows.add(both("Same, consumers' fetch.max.wait.ms=" + NodeMeasurement.SHORT_FETCH_WAIT_MS
        + " (diagnostic, not Harbor's setting)", f -> f.shortFetchWait().describe()));
    rows.add(both("Mirror ÷ plain read (medians)",
        f -> Format.ratio((double) f.mirror().median() / f.plainRead().median())));
    rows.add(both("Entries in the Node's index when ready; upserts it received while catching up",
        f -> Format.count(f.entries()) + "; " + Format.count(f.listenerUpserts())));
    rows.add(both("Heap held by the Node's mirror and index (approx.)",
        f -> Format.mebibytes(f.indexHeap())));
    rows.add(both("Search p50", f -> Format.latency(f.search().overall().p50())));
    rows.add(both("Search p99", f -> Format.latency(f.search().overall().p99())));
    rows.add(both("Search mean", f -> Format.latency(f.search().overall().mean())));
    rows.add(both("Search max", f -> Format.latency(f.search().overall().max())));
    rows.add(both("Searches timed (rounds × queries in the mix)",
        f -> Format.count(f.search().overall().count()) + " (" + f.search().rounds() + " × "
            + mix.searches().size() + ")"));
    return rows;
  }

  private List<List<String>> kindRows() {
    List<List<String>> rows = new ArrayList<>();
    Map<QueryMix.Kind, List<String>> byKind = mix.parametersByKind();
    byKind.forEach((kind, queries) -> {
      Latency r = real.search().byKind().get(kind);
      Latency s = synthetic.search().byKind().get(kind);
      double realMatches = real.search().matches().get(kind);
      double syntheticMatches = synthetic.search().matches().get(kind);
      rows.add(List.of(kind.label, String.valueOf(queries.size()),
          Format.latency(r.p50()), Format.latency(r.p99()), Format.average(realMatches),
          Format.latency(s.p50()), Format.latency(s.p99()), Format.average(syntheticMatches)));
    });
    return rows;
  }

  private List<String> parseRow(Parsed parsed) {
    return List.of(
        "Parse " + parsed.source() + " (" + Format.count(parsed.batch().entries().size()) + " entries, "
            + parsed.batch().skipped().size() + " skipped): first run; warm",
        Format.millis(parsed.coldNanos()) + "; " + parsed.warm().describe(), NONE);
  }

  private List<String> both(String measure, Function<NodeMeasurement.Figures, String> value) {
    return List.of(measure, value.apply(real), value.apply(synthetic));
  }

  /** The total, and each batch's share when there were several. */
  private static String publishTimes(Import done) {
    String total = Format.millis(done.totalPublishNanos());
    if (done.publishNanos().size() == 1) {
      return total;
    }
    String parts =
        done.publishNanos().stream().map(Format::millis).collect(Collectors.joining(" + "));
    return total + " (" + parts + ")";
  }

  private static String perSecond(long count, long nanos) {
    return Format.count(Math.round(count / (nanos / 1e9))) + " entries/s";
  }

  /** Writes a Markdown table with columns padded to their widest cell. */
  static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (List<String> row : concat(header, rows)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(out, header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    rows.forEach(row -> line(out, row, widths));
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
    }
    out.append('\n');
  }
}
