package dev.harbor.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.harbor.launcher.LauncherSettings;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.policy.PolicyStreamService;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;

/** What the launch benchmark ran on and with, as Markdown bullet lines. */
final class LaunchConditions {

  private LaunchConditions() {}

  static List<String> describe(
      DockerClient docker, String image, String nodeId, int runs, String noEgressNetwork, boolean diagnostics) {
    Runtime runtime = Runtime.getRuntime();
    Version version = docker.versionCmd().exec();
    Info info = docker.infoCmd().exec();
    InspectImageResponse facts = docker.inspectImageCmd(image).exec();
    StreamsConfig streams = new StreamsConfig(KafkaSettings.local("127.0.0.1:0")
        .streamsProps(PolicyStreamService.applicationId(nodeId), Path.of("conditions")));
    LauncherSettings launcher = LauncherSettings.defaults(nodeId, Path.of("home"));

    List<String> lines = new ArrayList<>();
    lines.add("Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    lines.add("JVM: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    lines.add("JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    lines.add("Available processors: " + runtime.availableProcessors() + " (Docker sees " + info.getNCPU() + ")");
    lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    lines.add("Docker: Engine " + version.getVersion() + " (API " + version.getApiVersion() + "), storage driver "
        + info.getDriver() + ", cgroup " + info.getCGroupVersion() + " (" + info.getCGroupDriver() + " driver), "
        + info.getOperatingSystem() + ", on the local socket through docker-java");
    lines.add("Image: " + image + " (" + shortId(facts.getId()) + ", " + Format.mebibytes(facts.getSize())
        + ", present locally: nothing is pulled), command `streamableHttp`, MCP over streamable HTTP on"
        + " container port " + LaunchBench.CONTAINER_PORT + " at " + "/mcp");
    lines.add("Hardening, both ways: " + hardening());
    lines.add("Networks: Harbor's container on harbor-no-egress (a bridge without IP masquerading: Harbor puts"
        + " an HTTP server whose entry asks for no network there); the plain one on Docker's default bridge, as"
        + " `docker run -d` without `--network`"
        + (noEgressNetwork == null ? "" : "; the no-egress diagnostic's on a bridge without masquerading made for"
            + " the run (" + noEgressNetwork + ")"));
    lines.add("Harbor: one in this JVM (embedded Kafka " + AppInfoParser.getVersion() + " broker on loopback, Hub,"
        + " Node, launcher), node " + nodeId + ", default policy (an operator's setup is allowed without approval);"
        + " policy stream " + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG + "="
        + streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG) + ", " + StreamsConfig.POLL_MS_CONFIG + "="
        + streams.getLong(StreamsConfig.POLL_MS_CONFIG) + "; launcher: read_committed consumer polling 200 ms,"
        + " a pass after every batch that changed something and every " + launcher.reconcileInterval().toSeconds()
        + " s, MCP probe timeout " + launcher.probeTimeout().toSeconds() + " s in attempts of 5 s");
    lines.add("MCP probe, both ways: Harbor's McpProbe.overHttp (initialize, notifications/initialized,"
        + " tools/list), a refused connection retried after 50 ms, then every 100 ms");
    lines.add("Runs: " + runs + " timed of each, in rounds (Harbor, plain"
        + (diagnostics ? ", then the diagnostics" : "") + "), after one warm-up of each (discarded);"
        + " each launch is undone before the next starts");
    lines.add("Harbor's instance polled every " + LaunchBench.POLL.toMillis() + " ms; percentiles are nearest-rank"
        + " (with 10 runs: p50 the 5th fastest, p90 the 9th)");
    lines.add(Conditions.load("start"));
    return lines;
  }

  private static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return "sha256:" + hex.substring(0, Math.min(12, hex.length()));
  }

  /** The profile's limits in words. */
  private static String hardening() {
    var p = LaunchPlainDocker.PROFILE;
    return String.format(Locale.ROOT, "Harbor's %s profile: capabilities all dropped, no-new-privileges,"
            + " read-only root with tmpfs /tmp (%s), memory %d MiB without swap, %.1f CPU, %d processes,"
            + " Docker's init, user %s, restart on failure at most %d times, port published on 127.0.0.1 only",
        p.name(), p.tmpfs().get("/tmp"), p.memoryMiB(), p.nanoCpus() / 1e9, p.pidsLimit(), p.userFor(null),
        p.restartLimit());
  }
}
