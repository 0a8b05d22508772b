package dev.harbor.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.harbor.launcher.ContainerRequests;
import dev.harbor.launcher.GuardrailProfile;
import dev.harbor.launcher.probe.McpProbe;
import dev.harbor.launcher.probe.McpProbeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One plain launch, what {@code docker run -d} does, through docker-java: create and start the image
 * with the hardening Harbor gives a container of the {@code restricted} profile, read the host port
 * Docker chose back from inspect, then Harbor's own MCP probe ({@link McpProbe#overHttp}: initialize,
 * the initialized notification, tools/list; refused connections retried with a backoff from 50 ms to
 * 500 ms) until the server answers. Timed from before the create until the probe's answer. Then the
 * container is stopped (3 s, as Harbor stops) and removed.
 *
 * <p>Two variants serve as diagnostics: on a network other than Docker's default bridge, and with a
 * bare initialize posted every 20 ms instead of the probe, which shows when the server first answers.
 */
final class LaunchPlainDocker {

  /** The profile Harbor's launch specs name by default; the plain containers get the same limits. */
  static final GuardrailProfile PROFILE = GuardrailProfile.RESTRICTED;
  private static final int STOP_SECONDS = 3;

  /**
   * @param totalNanos before the create until the probe answered
   * @param createNanos the create call
   * @param startNanos the start call
   * @param inspectNanos the inspect that reads the host port back
   * @param probeNanos the probe, from its first attempt until its answer
   * @param created Docker's {@code Created}
   * @param running Docker's {@code State.StartedAt}
   * @param answered wall clock when the probe answered
   * @param removeNanos stop and remove
   */
  record Run(
      long totalNanos,
      long createNanos,
      long startNanos,
      long inspectNanos,
      long probeNanos,
      Instant created,
      Instant running,
      Instant answered,
      int tools,
      long removeNanos,
      String container) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"harbor-bench\","
      + "\"version\":\"1\"}}}";

  private final DockerClient docker;
  private final String image;
  private final String namePrefix;
  private final String network;
  private final boolean finePolling;

  /**
   * @param network the network to run on; null for Docker's default bridge, as {@code docker run -d}
   *     without {@code --network}
   * @param finePolling instead of Harbor's probe, post a bare initialize every 20 ms until the first
   *     answer (no tools/list): when the server is first ready, without the probe's backoff
   */
  LaunchPlainDocker(DockerClient docker, String image, String nodeId, String network, boolean finePolling) {
    this.docker = docker;
    this.image = image;
    this.namePrefix = "harbor-bench-plain-" + nodeId + (network == null ? "-" : "-net-") + (finePolling ? "fine-" : "");
    this.network = network;
    this.finePolling = finePolling;
  }

  /** The same hardening {@code DockerBackend.create} applies, with the port Docker picks on 127.0.0.1. */
  HostConfig hostConfig() {
    HostConfig host = HostConfig.newHostConfig()
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges:true"))
        .withPrivileged(false)
        .withReadonlyRootfs(true)
        .withTmpFs(PROFILE.tmpfs())
        .withMemory(PROFILE.memoryBytes())
        .withMemorySwap(PROFILE.memoryBytes())
        .withNanoCPUs(PROFILE.nanoCpus())
        .withPidsLimit(PROFILE.pidsLimit())
        .withRestartPolicy(RestartPolicy.onFailureRestart(PROFILE.restartLimit()))
        .withInit(true)
        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"),
            ExposedPort.tcp(LaunchBench.CONTAINER_PORT)));
    return network == null ? host : host.withNetworkMode(network);
  }

  Run run(int round) throws McpProbeException, InterruptedException {
    String name = namePrefix + round;
    long start = System.nanoTime();
    String id;
    try (CreateContainerCmd create = docker.createContainerCmd(image)) {
      id = create.withName(name)
          .withLabels(Map.of(LaunchBench.BENCH_LABEL, LaunchBench.BENCH_LABEL_VALUE))
          .withUser(PROFILE.userFor(null))
          .withCmd(LaunchBench.ARGS)
          .withExposedPorts(ExposedPort.tcp(LaunchBench.CONTAINER_PORT))
          .withHostConfig(hostConfig())
          .exec().getId();
    }
    long created = System.nanoTime();
    try {
      docker.startContainerCmd(id).exec();
      long started = System.nanoTime();
      InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
      int port = hostPort(inspect);
      long inspected = System.nanoTime();
      URI endpoint = URI.create("http://127.0.0.1:" + port + ContainerRequests.HTTP_PATH);
      int tools = finePolling ? firstInitialize(endpoint)
          : McpProbe.overHttp(endpoint, LaunchBench.TIMEOUT).tools().size();
      long answered = System.nanoTime();
      Instant answeredAt = Instant.now();
      long removeStart = System.nanoTime();
      remove(id);
      long removeNanos = System.nanoTime() - removeStart;
      return new Run(answered - start, created - start, started - created, inspected - started,
          answered - inspected, Instant.parse(inspect.getCreated()), Instant.parse(inspect.getState().getStartedAt()),
          answeredAt, tools, removeNanos, settings(inspect));
    } catch (RuntimeException | McpProbeException | InterruptedException e) {
      remove(id);
      throw e;
    }
  }

  /**
   * Posts a bare MCP initialize every 20 ms until an answer carrying {@code serverInfo} comes back; a
   * refused or dropped connection (the published port accepts before the server listens) or a 5xx
   * status is retried. Returns 0: no tools are listed.
   */
  private static int firstInitialize(URI endpoint) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build();
    long deadline = System.nanoTime() + LaunchBench.TIMEOUT.toNanos();
    String last = "no attempt";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"serverInfo\"")) {
          return 0;
        }
        if (response.statusCode() < 500) {
          throw new IllegalStateException("initialize at " + endpoint + " answered " + response.statusCode() + ": "
              + response.body());
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = String.valueOf(e);
      }
      Thread.sleep(LaunchBench.POLL);
    }
    throw new IllegalStateException("initialize at " + endpoint + " did not answer within " + LaunchBench.TIMEOUT
        + ": " + last);
  }

  /** What Docker reports of a container's hardening and limits, in one line, to check both ways match. */
  static String settings(InspectContainerResponse inspect) {
    HostConfig host = inspect.getHostConfig();
    return "cap drop " + java.util.Arrays.toString(host.getCapDrop()) + ", security " + host.getSecurityOpts()
        + ", read-only root " + host.getReadonlyRootfs() + ", tmpfs " + host.getTmpFs() + ", memory "
        + (host.getMemory() >> 20) + " MiB (swap limit " + (host.getMemorySwap() >> 20) + " MiB), nano CPUs "
        + host.getNanoCPUs() + ", pids " + host.getPidsLimit() + ", init " + host.getInit() + ", user "
        + inspect.getConfig().getUser() + ", restart " + host.getRestartPolicy() + ", network "
        + host.getNetworkMode();
  }

  private static int hostPort(InspectContainerResponse inspect) {
    Ports.Binding[] bindings = inspect.getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(LaunchBench.CONTAINER_PORT));
    if (bindings == null || bindings.length == 0 || bindings[0].getHostPortSpec() == null) {
      throw new IllegalStateException("container " + inspect.getName() + " has no host port for "
          + LaunchBench.CONTAINER_PORT);
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  /** Stops (as Harbor does, 3 s before SIGKILL) and removes the container. */
  private void remove(String id) {
    try {
      docker.stopContainerCmd(id).withTimeout(STOP_SECONDS).exec();
    } catch (NotFoundException | NotModifiedException stoppedOrGone) {
      // nothing to stop
    }
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // removed already
    }
  }
}
