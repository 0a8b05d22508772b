package dev.harbor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The launch benchmark's figures as Markdown: conditions, setup to active both ways (and the
 * diagnostics), the steps each way took, removal.
 */
record LaunchReport(
    List<String> conditions,
    List<LaunchThroughHarbor.Run> harbor,
    List<LaunchPlainDocker.Run> plain,
    List<Diagnostic> diagnostics) {

  /**
   * A plain launch that differs from the compared one in one thing.
   *
   * @param label its name in the tables
   * @param shortLabel its name in progress lines
   * @param network true when the difference is the network (the summary then gives its cost)
   */
  record Diagnostic(String label, String shortLabel, boolean network, List<LaunchPlainDocker.Run> runs) {}

  /** p50, p90, min and max of one measure over the runs, nanoseconds, nearest rank. */
  record Spread(long p50, long p90, long min, long max) {

    static Spread of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Spread(rank(sorted, 0.50), rank(sorted, 0.90), sorted[0], sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double quantile) {
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    List<String> cells() {
      return List.of(Format.millis(p50), Format.millis(p90), Format.millis(min), Format.millis(max));
    }

    List<String> ratios(Spread base) {
      return List.of(Format.ratio((double) p50 / base.p50), Format.ratio((double) p90 / base.p90),
          Format.ratio((double) min / base.min), Format.ratio((double) max / base.max));
    }
  }

  String render() {
    StringBuilder out = new StringBuilder("## Launch benchmark\n\n### Conditions\n\n");
    conditions.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append("- Harbor's container, as Docker reports it: ").append(harbor.get(0).container()).append('\n');
    out.append("- The plain container, as Docker reports it: ").append(plain.get(0).container()).append('\n');
    for (Diagnostic d : diagnostics) {
      out.append("- Diagnostic, ").append(d.label()).append(", as Docker reports it: ")
          .append(d.runs().get(0).container()).append('\n');
    }

    Spread h = spread(harbor, LaunchThroughHarbor.Run::totalNanos);
    Spread p = spread(plain, LaunchPlainDocker.Run::totalNanos);
    out.append("\n### Setup to active\n\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("**Harbor**: POST /v1/mcp/setup until GET /v1/mcp/instances/{id} reads active",
        harbor.size(), h));
    rows.add(row("**Plain Docker**: create, start, inspect, until Harbor's MCP probe answers", plain.size(), p));
    List<String> ratio = new ArrayList<>(List.of("**Harbor ÷ plain Docker**", ""));
    ratio.addAll(h.ratios(p));
    ratio.set(2, "**" + ratio.get(2) + "**");
    rows.add(ratio);
    rows.add(List.of("Harbor − plain Docker", "", Format.millis(h.p50() - p.p50()), Format.millis(h.p90() - p.p90()),
        Format.millis(h.min() - p.min()), Format.millis(h.max() - p.max())));
    for (Diagnostic d : diagnostics) {
      Spread s = spread(d.runs(), LaunchPlainDocker.Run::totalNanos);
      rows.add(row("Diagnostic: " + d.label(), d.runs().size(), s));
      List<String> versus = new ArrayList<>(List.of("Harbor ÷ that diagnostic", ""));
      versus.addAll(h.ratios(s));
      rows.add(versus);
    }
    Report.table(out, List.of("Measure", "Runs", "p50", "p90", "min", "max"), rows);
    out.append("\n**Ratio of medians: ").append(Format.ratio((double) h.p50() / p.p50())).append("** (")
        .append(Format.millis(h.p50())).append(" through Harbor, ").append(Format.millis(p.p50()))
        .append(" plain). The ratio and difference rows compare each column's figures.\n");

    out.append("\n### Where the time goes\n\n");
    out.append("Harbor's steps come from the instants each one left behind on the host's clock: the policy"
        + " stream's decision (`decision.decidedAt`), Docker's `Created` and `State.StartedAt` of the container,"
        + " the launcher's STARTED report (`at`, after its probe answered) and the policy stream's processing of it"
        + " (`lastStartedAt`). The policy stream's instants are its cached wall-clock time, to the millisecond."
        + " Each step's percentiles are over its own durations, so the medians need not add up to the total's.\n\n");
    List<List<String>> steps = new ArrayList<>();
    steps.add(step("Harbor 1. POST sent → policy stream decides (command produced, stream polls it)",
        harbor, r -> between(r.sent(), r.decided())));
    steps.add(step("Harbor 2. decided → container created (decision committed, launcher reads the order, its"
        + " pass: list, image inspect, create)", harbor, r -> between(r.decided(), r.created())));
    steps.add(step("Harbor 3. created → running (Docker's create finishing, inspect, start)",
        harbor, r -> between(r.created(), r.running())));
    steps.add(step("Harbor 4. running → launcher reports started (server boots, probe answers, report sent)",
        harbor, r -> between(r.running(), r.reported())));
    steps.add(step("Harbor 5. report → policy stream marks the instance active",
        harbor, r -> between(r.reported(), r.activated())));
    steps.add(step("Harbor 6. marked active → GET reads active (commit, Node's instances mirror, 20 ms polling)",
        harbor, r -> between(r.activated(), r.seen())));
    steps.add(step("Harbor: POST until its answer (it carries the decision: "
        + String.join(", ", harbor.stream().map(LaunchThroughHarbor.Run::answeredStatus).distinct().toList()) + ")",
        harbor, LaunchThroughHarbor.Run::answerNanos));
    steps.add(step("Plain 1. create call", plain, LaunchPlainDocker.Run::createNanos));
    steps.add(step("Plain 2. start call", plain, LaunchPlainDocker.Run::startNanos));
    steps.add(step("Plain 3. inspect (host port read back)", plain, LaunchPlainDocker.Run::inspectNanos));
    steps.add(step("Plain 4. probe, from its first attempt until it answers", plain, LaunchPlainDocker.Run::probeNanos));
    out.append("Step by step:\n\n");
    Report.table(out, List.of("Step", "p50", "p90", "min", "max"), steps);

    List<List<String>> container = new ArrayList<>();
    container.add(step("Harbor: created → running", harbor, r -> between(r.created(), r.running())));
    container.add(step("Plain: created → running", plain, r -> between(r.created(), r.running())));
    for (Diagnostic d : diagnostics) {
      container.add(step("Diagnostic, " + d.shortLabel() + ": created → running", d.runs(),
          r -> between(r.created(), r.running())));
    }
    container.add(step("Harbor: running → launcher reports started", harbor, r -> between(r.running(), r.reported())));
    container.add(step("Plain: running → probe answered", plain, r -> between(r.running(), r.answered())));
    for (Diagnostic d : diagnostics) {
      container.add(step("Diagnostic, " + d.shortLabel() + ": running → answered", d.runs(),
          r -> between(r.running(), r.answered())));
    }
    container.add(step("Harbor: created → launcher reports started", harbor, r -> between(r.created(), r.reported())));
    container.add(step("Plain: created → probe answered", plain, r -> between(r.created(), r.answered())));
    out.append("\nThe container's own part, from Docker's timestamps, each way:\n\n");
    Report.table(out, List.of("Span", "p50", "p90", "min", "max"), container);

    out.append("\nUndoing a launch (not part of the figures above):\n\n");
    Report.table(out, List.of("Removal", "p50", "p90", "min", "max"), List.of(
        step("Harbor: POST .../remove until GET reads removed and the container is gone", harbor,
            LaunchThroughHarbor.Run::removeNanos),
        step("Plain: stop (3 s before SIGKILL) and remove", plain, LaunchPlainDocker.Run::removeNanos)));

    out.append('\n').append(summary(h, p)).append('\n');
    return out.toString();
  }

  /** One sentence on where Harbor's extra time goes, from the medians. */
  private String summary(Spread h, Spread p) {
    long before = spread(harbor, r -> between(r.sent(), r.created())).p50();
    long container = spread(harbor, r -> between(r.created(), r.reported())).p50();
    long after = spread(harbor, r -> between(r.reported(), r.seen())).p50();
    long plainBefore = spread(plain, LaunchPlainDocker.Run::createNanos).p50();
    long plainContainer = spread(plain, r -> between(r.created(), r.answered())).p50();
    StringBuilder network = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (d.network()) {
        long startDefault = spread(plain, r -> between(r.created(), r.running())).p50();
        long startOther = spread(d.runs(), r -> between(r.created(), r.running())).p50();
        network.append("; created → running took ").append(Format.millis(startOther - startDefault))
            .append(" longer on a no-egress bridge than on the default one");
      }
    }
    return "At the median Harbor took " + Format.millis(h.p50() - p.p50()) + " longer than plain Docker: "
        + Format.millis(before) + " passed before Docker created its container (plain: a "
        + Format.millis(plainBefore) + " create call), " + Format.millis(container)
        + " from creation until the launcher's probe had answered (plain: " + Format.millis(plainContainer)
        + network + "), and " + Format.millis(after) + " from the launcher's report until the instance read active.";
  }

  private static long between(Instant from, Instant to) {
    return Duration.between(from, to).toNanos();
  }

  private static <R> Spread spread(List<R> runs, ToLongFunction<R> measure) {
    return Spread.of(runs.stream().mapToLong(measure).toArray());
  }

  private static <R> List<String> step(String label, List<R> runs, ToLongFunction<R> measure) {
    List<String> row = new ArrayList<>(List.of(label));
    row.addAll(spread(runs, measure).cells());
    return row;
  }

  private static List<String> row(String label, int runs, Spread spread) {
    List<String> row = new ArrayList<>(List.of(label, String.valueOf(runs)));
    row.addAll(spread.cells());
    return row;
  }
}
