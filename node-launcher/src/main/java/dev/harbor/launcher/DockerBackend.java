package dev.harbor.launcher;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.harbor.launcher.probe.McpProbe;
import dev.harbor.launcher.probe.McpProbeException;
import dev.harbor.launcher.probe.McpServerInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link LauncherBackend} on the local Docker Engine, through docker-java's Engine API client (never
 * a shell). Containers are created exactly as a {@link ContainerRequest} says, plus the hardening
 * every Harbor container gets whatever the profile: all capabilities dropped, no new privileges,
 * read-only root filesystem, Docker's init as PID 1, not privileged, restart on failure with a cap.
 */
public final class DockerBackend implements LauncherBackend, AutoCloseable {

  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);
  private static final int STOP_SECONDS = 3;

  private static final Duration SERVICE_GONE_TIMEOUT = Duration.ofSeconds(30);

  private final DockerClient docker;
  private final SwarmServices swarm;

  public DockerBackend(DockerClient docker, String dockerHost) {
    this.docker = docker;
    this.swarm = new SwarmServices(docker, dockerHost);
  }

  /** A client of the engine at {@code dockerHost} ({@code unix:///var/run/docker.sock} when null). */
  public static DockerClient connect(String dockerHost) {
    DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (dockerHost != null && !dockerHost.isBlank()) {
      builder.withDockerHost(dockerHost);
    }
    DockerClientConfig config = builder.build();
    DockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(32)
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(Duration.ofMinutes(2))
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  public DockerClient client() {
    return docker;
  }

  @Override
  public List<ObservedContainer> list(String nodeId) throws LaunchFailure {
    try {
      List<Container> containers =
          docker.listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(Ownership.MANAGED_BY, Ownership.OWNER, Ownership.NODE, nodeId))
              .exec();
      List<ObservedContainer> observed = new ArrayList<>();
      for (Container container : containers) {
        inspect(container.getId()).ifPresent(observed::add);
      }
      return observed;
    } catch (RuntimeException e) {
      throw unreachable("list containers", e);
    }
  }

  @Override
  public Optional<ObservedContainer> find(String name) throws LaunchFailure {
    try {
      return inspect(name);
    } catch (RuntimeException e) {
      throw unreachable("inspect container " + name, e);
    }
  }

  private Optional<ObservedContainer> inspect(String idOrName) {
    InspectContainerResponse r;
    try {
      r = docker.inspectContainerCmd(idOrName).exec();
    } catch (NotFoundException gone) {
      return taskOf(idOrName).flatMap(this::inspect);
    }
    InspectContainerResponse.ContainerState state = r.getState();
    int hostPort = 0;
    if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
      for (Ports.Binding[] bindings : r.getNetworkSettings().getPorts().getBindings().values()) {
        if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
          hostPort = Integer.parseInt(bindings[0].getHostPortSpec());
          break;
        }
      }
    }
    if (hostPort == 0 && r.getHostConfig() != null && r.getHostConfig().getPortBindings() != null) {
      for (Ports.Binding[] bindings : r.getHostConfig().getPortBindings().getBindings().values()) {
        if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
          hostPort = Integer.parseInt(bindings[0].getHostPortSpec());
          break;
        }
      }
    }
    HostConfig host = r.getHostConfig();
    return Optional.of(new ObservedContainer(
        r.getId(),
        r.getName() == null ? "" : r.getName().replaceFirst("^/", ""),
        r.getConfig() == null ? Map.of() : r.getConfig().getLabels(),
        state == null || state.getStatus() == null ? "unknown" : state.getStatus(),
        state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
        state != null && Boolean.TRUE.equals(state.getOOMKilled()),
        r.getRestartCount() == null ? 0 : r.getRestartCount(),
        r.getImageId(),
        hostPort,
        host == null || host.getMemory() == null ? 0 : host.getMemory(),
        host == null || host.getPidsLimit() == null ? 0 : host.getPidsLimit(),
        host == null || host.getNanoCPUs() == null ? 0 : host.getNanoCPUs()));
  }

  /** The id of the newest task container of the service of that name, if it is a service. */
  private Optional<String> taskOf(String serviceName) {
    return docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(SwarmServices.SERVICE_LABEL, serviceName))
        .exec()
        .stream()
        .max(java.util.Comparator.comparing(Container::getCreated))
        .map(Container::getId);
  }

  @Override
  public ImageFacts image(String reference) throws LaunchFailure {
    try {
      return facts(docker.inspectImageCmd(reference).exec());
    } catch (NotFoundException missing) {
      pull(reference);
      try {
        return facts(docker.inspectImageCmd(reference).exec());
      } catch (NotFoundException stillMissing) {
        throw new LaunchFailure("image " + reference + " is not on this node, and pulling it produced nothing");
      }
    } catch (RuntimeException e) {
      throw unreachable("inspect image " + reference, e);
    }
  }

  private void pull(String reference) throws LaunchFailure {
    try {
      boolean done =
          docker.pullImageCmd(reference)
              .exec(new PullImageResultCallback())
              .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        throw new LaunchFailure("image " + reference + " is not on this node, and pulling it took longer than "
            + PULL_TIMEOUT.toMinutes() + " min");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchFailure("pull of image " + reference + " was interrupted", e);
    } catch (RuntimeException e) {
      throw new LaunchFailure(
          "image " + reference + " is not on this node and could not be pulled: " + plain(e), e);
    }
  }

  private static ImageFacts facts(InspectImageResponse image) {
    List<String> digests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
    var config = image.getConfig();
    return new ImageFacts(
        image.getId(),
        digests.isEmpty() ? null : digests.get(0),
        config == null || config.getEntrypoint() == null ? List.of() : Arrays.asList(config.getEntrypoint()),
        config == null || config.getCmd() == null ? List.of() : Arrays.asList(config.getCmd()),
        config == null ? null : config.getUser());
  }

  @Override
  public String create(ContainerRequest request) throws LaunchFailure {
    GuardrailProfile profile = request.profile();
    List<Bind> binds = new ArrayList<>();
    request.secretFiles().forEach(
        (host, inside) -> binds.add(new Bind(host, new Volume(inside), AccessMode.ro)));
    HostConfig host =
        HostConfig.newHostConfig()
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges:true"))
            .withPrivileged(false)
            .withReadonlyRootfs(true)
            .withTmpFs(profile.tmpfs())
            .withMemory(profile.memoryBytes())
            .withMemorySwap(profile.memoryBytes())
            .withNanoCPUs(profile.nanoCpus())
            .withPidsLimit(profile.pidsLimit())
            .withRestartPolicy(RestartPolicy.onFailureRestart(profile.restartLimit()))
            .withInit(true)
            .withNetworkMode(request.network())
            .withBinds(binds);
    if (request.containerPort() > 0) {
      host.withPortBindings(new PortBinding(
          Ports.Binding.bindIpAndPort("127.0.0.1", request.hostPort()), ExposedPort.tcp(request.containerPort())));
    }
    try (CreateContainerCmd create = docker.createContainerCmd(request.image())) {
      create.withName(request.name())
          .withLabels(request.labels())
          .withEnv(request.env())
          .withUser(request.user())
          .withHostConfig(host);
      if (request.entrypoint() != null) {
        create.withEntrypoint(request.entrypoint());
      }
      if (!request.cmd().isEmpty()) {
        create.withCmd(request.cmd());
      }
      if (request.containerPort() > 0) {
        create.withExposedPorts(ExposedPort.tcp(request.containerPort()));
      }
      if (request.stdio()) {
        create.withStdinOpen(true).withAttachStdin(false).withTty(false);
      }
      return create.exec().getId();
    } catch (ConflictException e) {
      throw new LaunchFailure("a container named " + request.name() + " exists already", e);
    } catch (RuntimeException e) {
      throw new LaunchFailure("Docker refused to create the container: " + plain(e), e);
    }
  }

  @Override
  public void start(String containerId) throws LaunchFailure {
    try {
      docker.startContainerCmd(containerId).exec();
    } catch (NotModifiedException alreadyRunning) {
      // started before: nothing to do
    } catch (RuntimeException e) {
      String message = plain(e);
      if (message.contains("port is already allocated") || message.contains("address already in use")) {
        throw new LaunchFailure("port conflict: the host port Harbor chose is taken by another program", e);
      }
      throw new LaunchFailure("Docker could not start the container: " + message, e);
    }
  }

  @Override
  public void remove(String containerId) throws LaunchFailure {
    String service = serviceOf(containerId);
    if (service != null) {
      removeService(service);
      return;
    }
    try {
      docker.stopContainerCmd(containerId).withTimeout(STOP_SECONDS).exec();
    } catch (NotFoundException | NotModifiedException stoppedOrGone) {
      // nothing to stop
    } catch (RuntimeException e) {
      if (isUnreachable(e)) {
        throw unreachable("stop container " + containerId, e);
      }
    }
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // removed already
    } catch (ConflictException inProgress) {
      if (!plain(inProgress).contains("already in progress")) {
        throw new LaunchFailure("Docker could not remove the container: " + plain(inProgress), inProgress);
      }
    } catch (RuntimeException e) {
      throw unreachable("remove container " + containerId, e);
    }
  }

  private String serviceOf(String containerId) throws LaunchFailure {
    try {
      Map<String, String> labels = docker.inspectContainerCmd(containerId).exec().getConfig().getLabels();
      return labels == null ? null : labels.get(SwarmServices.SERVICE_LABEL);
    } catch (NotFoundException gone) {
      return null;
    } catch (RuntimeException e) {
      throw unreachable("inspect container " + containerId, e);
    }
  }

  private void removeService(String service) throws LaunchFailure {
    try {
      swarm.removeService(service);
      long deadline = System.nanoTime() + SERVICE_GONE_TIMEOUT.toNanos();
      while (taskOf(service).isPresent()) {
        if (System.nanoTime() > deadline) {
          throw new LaunchFailure("the containers of service " + service + " were still there "
              + SERVICE_GONE_TIMEOUT.toSeconds() + " s after it was removed");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchFailure("interrupted while removing service " + service, e);
    } catch (RuntimeException e) {
      throw unreachable("remove service " + service, e);
    }
  }

  @Override
  public boolean swarmManager() {
    return swarm.manager();
  }

  @Override
  public void createService(ContainerRequest request, Map<String, byte[]> secrets) throws LaunchFailure {
    try {
      swarm.create(request, secrets);
    } catch (RuntimeException e) {
      throw unreachable("create service " + request.name(), e);
    }
  }

  @Override
  public boolean removeDockerSecrets(String nodeId, String instanceId) {
    try {
      return swarm.removeSecrets(nodeId, instanceId);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public List<String> instancesWithDockerSecrets(String nodeId) {
    try {
      return swarm.instancesWithSecrets(nodeId);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public List<String> logTail(String containerId, int lines) {
    List<String> tail = new ArrayList<>();
    StringBuilder partial = new StringBuilder();
    try {
      docker.logContainerCmd(containerId)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          })
          .awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return List.of();
    }
    for (String line : partial.toString().split("\r?\n")) {
      if (!line.isBlank()) {
        tail.add(line);
      }
    }
    return tail.size() > lines ? tail.subList(tail.size() - lines, tail.size()) : tail;
  }

  @Override
  public McpServerInfo probeHttp(String url, Duration timeout) throws LaunchFailure {
    try {
      return McpProbe.overHttp(URI.create(url), timeout);
    } catch (McpProbeException e) {
      throw new LaunchFailure(e.getMessage(), e);
    }
  }

  @Override
  public McpServerInfo probeStdio(String containerId, List<String> command, Duration timeout) throws LaunchFailure {
    try {
      return McpProbe.overDockerExec(docker, containerId, command, timeout);
    } catch (McpProbeException e) {
      throw new LaunchFailure(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LaunchFailure("MCP initialize through docker exec failed: " + plain(e), e);
    }
  }

  @Override
  public void ensureNoEgressNetwork() throws LaunchFailure {
    try {
      boolean exists = docker.listNetworksCmd().withNameFilter(ContainerRequests.NO_EGRESS_NETWORK).exec().stream()
          .anyMatch(n -> ContainerRequests.NO_EGRESS_NETWORK.equals(n.getName()));
      if (!exists) {
        docker.createNetworkCmd()
            .withName(ContainerRequests.NO_EGRESS_NETWORK)
            .withDriver("bridge")
            .withOptions(Map.of("com.docker.network.bridge.enable_ip_masquerade", "false"))
            .withLabels(Map.of(Ownership.MANAGED_BY, Ownership.OWNER))
            .exec();
      }
    } catch (ConflictException raced) {
      // made meanwhile by another launcher
    } catch (RuntimeException e) {
      throw unreachable("create network " + ContainerRequests.NO_EGRESS_NETWORK, e);
    }
  }

  @Override
  public void close() throws java.io.IOException {
    docker.close();
  }

  private static LaunchFailure unreachable(String what, RuntimeException e) {
    if (isUnreachable(e)) {
      return new LaunchFailure("Docker is unreachable: could not " + what, e);
    }
    return new LaunchFailure("Docker could not " + what + ": " + plain(e), e);
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
          || t instanceof java.io.IOException && !(t instanceof java.io.FileNotFoundException)
              && !(e instanceof DockerException)) {
        return true;
      }
    }
    return false;
  }

  /** Docker's message without its JSON wrapping. */
  static String plain(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = message.indexOf("{\"message\":\"");
    if (at >= 0) {
      String inner = message.substring(at + 12);
      int end = inner.lastIndexOf("\"}");
      message = end > 0 ? inner.substring(0, end) : inner;
    }
    return message.replaceAll("^Status \\d+: ", "").strip();
  }
}
