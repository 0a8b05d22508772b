package dev.harbor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The policy benchmark's figures as Markdown: conditions, throughput, the floor, latency. */
record PolicyReport(
    List<String> conditions,
    int launchableSeedEntries,
    PolicyThroughput.Figures throughput,
    List<PolicyLatency.Figures> latency) {

  String render() {
    StringBuilder out = new StringBuilder("## Policy stream benchmark\n\n### Conditions\n\n");
    conditions.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append("- Seed entries a setup without configuration can launch: ").append(Format.count(launchableSeedEntries))
        .append('\n');

    if (throughput != null) {
      renderThroughput(out);
    }
    if (!latency.isEmpty()) {
      renderLatency(out);
    }
    return out.toString();
  }

  private void renderThroughput(StringBuilder out) {
    out.append("\n### Decisions per second (exactly-once, commands pre-loaded)\n\n");
    out.append("A synthetic catalog of ").append(Format.count(throughput.catalogEntries()))
        .append(" launchable entries (copies of the seed's launchable entries) was published through the Hub's"
            + " publisher first (").append(Format.millis(throughput.catalogPublishNanos()))
        .append("). Each workload runs on its own node of the same broker, with fresh state. Commands alternate"
            + " between an operator and an agent.\n\n");
    List<String> header = new ArrayList<>(List.of("Measure"));
    throughput.workloads().forEach(w -> header.add(w.label()));
    Report.table(out, header, throughputRows());
    out.append('\n');
    PolicyThroughput.Floor floor = throughput.floor();
    Report.table(out, List.of("Floor: plain producer then plain read_committed consumer, same broker", "Value"), List.of(
        List.of("Records (the serialized commands of \"each setup on its own entry\", to a 1-partition topic)",
            Format.count(floor.records()) + " (" + Format.mebibytes(floor.bytes()) + ")"),
        List.of("Produce until flushed", Format.millis(floor.produceNanos())),
        List.of("Read back, from creating the consumer to the end offset", Format.millis(floor.read().nanos())),
        List.of("Produce then consume, total", Format.millis(floor.totalNanos())),
        List.of("**Records per second, produce then consume**",
            "**" + Format.count(Math.round(floor.records() / (floor.totalNanos() / 1e9))) + "**")));
  }

  private void renderLatency(StringBuilder out) {
    out.append("\n### Setup latency through the REST API (sequential, operator, one entry each)\n\n");
    out.append("Each column is a fresh Harbor (its own embedded broker) started with those settings; the"
        + " overrides were given as harbor.kafka.client[<key>] system properties while it started, so every"
        + " Kafka Streams application of the Hub and the Node had them. The round trips ran on the same"
        + " broker, after the setups.\n\n");
    List<String> latencyHeader = new ArrayList<>(List.of("Measure"));
    latency.forEach(l -> latencyHeader.add(l.label()));
    Report.table(out, latencyHeader, latencyRows());
  }

  private List<List<String>> throughputRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("SETUP commands pre-loaded (serialized size)", w -> Format.count(w.commands()) + " ("
        + Format.mebibytes(w.commandBytes()) + ", " + Format.count(w.commandBytes() / w.commands()) + " B each)"));
    rows.add(row("Distinct catalog entries they name", w -> Format.count(w.entries())));
    rows.add(row("Stream commit.interval.ms", w -> String.valueOf(w.commitIntervalMs())));
    rows.add(row("Pre-load: produce until flushed (before the stream starts)", w -> Format.millis(w.preloadNanos())));
    rows.add(row("Stream start (new PolicyStreamService) to RUNNING", w -> Format.millis(w.toRunningNanos())));
    rows.add(row("RUNNING to first outcome visible (read_committed)", w -> Format.millis(w.runningToFirstNanos())));
    rows.add(row("RUNNING to all outcomes visible (read_committed)", w -> Format.millis(w.runningToAllNanos())));
    rows.add(row("**Decisions per second** (commands ÷ RUNNING to all visible)",
        w -> "**" + Format.count(Math.round(w.decisionsPerSecond())) + "**"));
    rows.add(row("Policy stream thread CPU time in that interval (share of it)", w -> Format.millis(w.streamCpuNanos())
        + " (" + Math.round(100.0 * w.streamCpuNanos() / w.runningToAllNanos()) + " %)"));
    rows.add(row("CPU per decision: policy stream thread; whole process (broker, reader included)",
        w -> Format.latency(w.streamCpuNanos() / w.commands()) + "; " + Format.latency(w.processCpuNanos() / w.commands())));
    rows.add(row("Outputs: instances; launch orders; audit events (serialized size)",
        w -> Format.count(w.instances()) + "; " + Format.count(w.orders()) + "; " + Format.count(w.auditEvents())
            + " (" + Format.mebibytes(w.outputBytes()) + ")"));
    rows.add(row("Outcomes: status (deciding rule)", w -> w.decisions().entrySet().stream()
        .map(e -> e.getKey() + ": " + Format.count(e.getValue())).collect(Collectors.joining("; "))));
    rows.add(row("Closing the stream afterwards", w -> Format.millis(w.closeNanos())));
    return rows;
  }

  private List<String> row(String measure, Function<PolicyThroughput.Workload, String> value) {
    List<String> row = new ArrayList<>(List.of(measure));
    throughput.workloads().forEach(w -> row.add(value.apply(w)));
    return row;
  }

  private List<List<String>> latencyRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(latencyRow("Policy stream commit.interval.ms; poll.ms", l -> l.commitIntervalMs() + "; " + l.pollMs()));
    rows.add(latencyRow("Harbor.start until the Hub and the Node answer /health", l -> Format.millis(l.startNanos())));
    rows.add(latencyRow("Entries set up: from the seed; synthetic ones imported first",
        l -> Format.count(l.realEntries()) + "; " + Format.count(l.syntheticEntries())));
    rows.add(latencyRow("Back-to-back setups timed (after " + PolicyLatency.WARMUP + " warm-up setups)",
        l -> Format.count(l.setups().count())));
    rows.add(latencyRow("**Back to back: setup to decision visible, p50**",
        l -> "**" + Format.latency(l.setups().p50()) + "**"));
    rows.add(latencyRow("**Back to back: setup to decision visible, p99**",
        l -> "**" + Format.latency(l.setups().p99()) + "**"));
    rows.add(latencyRow("Back to back: mean; max; slower than " + PolicyLatency.SLOW_MS + " ms",
        l -> Format.latency(l.setups().mean()) + "; " + Format.latency(l.setups().max()) + "; "
            + share(l.slowSetups(), l.setups().count())));
    rows.add(latencyRow("Spaced setups timed (a pause of " + PolicyLatency.SPACED_PAUSE_MS + " to "
        + (PolicyLatency.SPACED_PAUSE_MS + PolicyLatency.SPACED_JITTER_MS) + " ms before each: the stream is idle)",
        l -> Format.count(l.spaced().count())));
    rows.add(latencyRow("**Spaced: setup to decision visible, p50**", l -> "**" + Format.latency(l.spaced().p50()) + "**"));
    rows.add(latencyRow("**Spaced: setup to decision visible, p99**", l -> "**" + Format.latency(l.spaced().p99()) + "**"));
    rows.add(latencyRow("Spaced: mean; max; slower than " + PolicyLatency.SLOW_MS + " ms",
        l -> Format.latency(l.spaced().mean()) + "; " + Format.latency(l.spaced().max()) + "; "
            + share(l.slowSpaced(), l.spaced().count())));
    rows.add(latencyRow("Setup answers that already carried the decision",
        l -> Format.count(l.decidedInAnswer()) + " of " + Format.count(l.setups().count() + l.spaced().count())));
    rows.add(latencyRow("Decisions: status (rule)", l -> l.statuses().entrySet().stream()
        .map(e -> e.getKey() + ": " + Format.count(e.getValue())).collect(Collectors.joining("; "))));
    rows.add(latencyRow("Floor: one record, idempotent producer to read_committed consumer, p50; p99",
        l -> Format.latency(l.plain().p50()) + "; " + Format.latency(l.plain().p99())));
    rows.add(latencyRow("Same, one transaction per record (begin, send, commit), p50; p99",
        l -> Format.latency(l.transactional().p50()) + "; " + Format.latency(l.transactional().p99())));
    rows.add(latencyRow("Round-trip record size; round trips timed (after " + PolicyLatency.WARMUP + " warm-up)",
        l -> l.payloadBytes() + " B; " + Format.count(l.plain().count())));
    return rows;
  }

  private List<String> latencyRow(String measure, Function<PolicyLatency.Figures, String> value) {
    List<String> row = new ArrayList<>(List.of(measure));
    latency.forEach(l -> row.add(value.apply(l)));
    return row;
  }

  private static String share(int part, int whole) {
    return Format.count(part) + " of " + Format.count(whole);
  }


}
