package dev.harbor.launcher;

import dev.harbor.launcher.probe.McpServerInfo;
import dev.harbor.launcher.secrets.SecretStore;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.launch.OrderType;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The level-triggered heart of the launcher. Each pass lists every container that claims this node
 * (the full list, before anything is deleted), sets aside look-alikes whose ownership proof does not
 * verify (reported once, never touched), and then makes each instance's containers match what the
 * instance's status and order in force ask for:
 *
 * <ul>
 *   <li>installing: make sure the secrets are there (else report secrets_missing), create the
 *       container unless one for this very order exists, start it, probe MCP, report started (or
 *       failed, with the reason and the last log lines);
 *   <li>active or degraded: the container must run; gone, stopped, killed or restarting becomes a
 *       failed or unhealthy report (drift when the change came from outside Harbor);
 *   <li>removing: remove the container and the secrets, then report removed;
 *   <li>any other status: no container may run; removed and denied instances also lose their secrets.
 * </ul>
 *
 * <p>Each step looks at what exists first, so a pass interrupted anywhere (a crash, a kill -9) is
 * finished by the next one: one container per active instance, none for removed ones, no leftover
 * secrets. A report is sent once per order and outcome; if the launcher dies before Kafka has it,
 * the next pass sends it again and the policy stream ignores repeats.
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final int LOG_LINES = 20;
  private static final String REDACTED = "[redacted]";
  private static final Duration PROBE_ATTEMPT = Duration.ofSeconds(5);

  private final Ownership ownership;
  private final LauncherBackend backend;
  private final SecretStore secrets;
  private final LauncherReports reports;
  private final LauncherSettings settings;
  private final LaunchStepListener steps;
  private final Clock clock;
  private final Map<String, String> reported = new HashMap<>();
  private final Set<String> foreignReported = new HashSet<>();
  private boolean networkReady;

  public Reconciler(
      Ownership ownership,
      LauncherBackend backend,
      SecretStore secrets,
      LauncherReports reports,
      LauncherSettings settings,
      LaunchStepListener steps,
      Clock clock) {
    this.ownership = ownership;
    this.backend = backend;
    this.secrets = secrets;
    this.reports = reports;
    this.settings = settings;
    this.steps = steps;
    this.clock = clock;
  }

  /** One full pass over every instance and every container of the node. */
  public void pass(DesiredState desired) throws LaunchFailure {
    List<ObservedContainer> all = backend.list(ownership.nodeId());
    Map<String, ObservedContainer> owned = new HashMap<>();
    for (ObservedContainer container : all) {
      if (ownership.owns(container.labels())) {
        owned.put(container.instanceId(), container);
      } else {
        foreign(container);
      }
    }
    Set<String> ids = new TreeSet<>(desired.instanceIds());
    ids.addAll(owned.keySet());
    if (desired.caughtUp()) {
      ids.addAll(secrets.instances());
      ids.addAll(backend.instancesWithDockerSecrets(ownership.nodeId()));
    }
    for (String id : ids) {
      try {
        reconcile(id, desired, Optional.ofNullable(owned.get(id)));
      } catch (LaunchFailure e) {
        if (e.getMessage().startsWith("Docker is unreachable")) {
          throw e;
        }
        LOG.warn("instance {}: {}", id, e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("instance {}: unexpected failure while reconciling", id, e);
      }
    }
  }

  private void reconcile(String id, DesiredState desired, Optional<ObservedContainer> container)
      throws LaunchFailure {
    Optional<Instance> instance = desired.instance(id);
    Optional<LaunchOrder> order = desired.order(id);
    if (instance.isEmpty()) {
      if (desired.caughtUp()) {
        removeContainer(container);
        forgetSecrets(id);
      }
      return;
    }
    InstanceStatus status = instance.get().status();
    switch (status) {
      case INSTALLING -> install(instance.get(), order, container);
      case ACTIVE, DEGRADED -> watch(instance.get(), order, container);
      case REMOVING -> remove(instance.get(), order, container);
      case REMOVED, DENIED -> {
        removeContainer(container);
        forgetSecrets(id);
      }
      default -> removeContainer(container);
    }
  }

  private void install(Instance instance, Optional<LaunchOrder> found, Optional<ObservedContainer> container)
      throws LaunchFailure {
    if (found.isEmpty() || found.get().type() == OrderType.REMOVE || found.get().spec() == null
        || !found.get().specHash().equals(instance.specHash())) {
      return;
    }
    LaunchOrder order = found.get();
    if (alreadyReported(order, null)) {
      return;
    }
    Set<String> missing = new TreeSet<>(order.spec().secretNames());
    missing.removeAll(secrets.names(instance.id()));
    if (!missing.isEmpty()) {
      removeContainer(container);
      report(order, LauncherEventType.SECRETS_MISSING, b -> b.missing = List.copyOf(missing));
      return;
    }
    try {
      ObservedContainer running = ensureRunning(instance, order, container, dockerSecrets(order));
      McpServerInfo server = probe(order, running);
      steps.done(instance.id(), LaunchStep.PROBED);
      Map<String, String> info = connectionInfo(order, running, server);
      report(order, LauncherEventType.STARTED, b -> {
        b.container = running;
        b.connection = info;
      });
      steps.done(instance.id(), LaunchStep.REPORTED);
    } catch (LaunchFailure failure) {
      if (failure.getMessage().startsWith("Docker is unreachable")) {
        throw failure;
      }
      Optional<ObservedContainer> now = backend.find(ownership.containerName(instance.id()));
      List<String> logs = now.map(c -> logTail(instance.id(), c)).orElse(List.of());
      String reason = now.filter(c -> c.oomKilled()).isPresent() ? oomReason(order) : failure.getMessage();
      report(order, LauncherEventType.FAILED, b -> {
        b.reason = reason;
        b.logs = logs;
        b.container = now.orElse(null);
      });
      removeContainer(now);
    }
  }

  /** True when this order's secrets go to its server as Docker Secrets rather than bound files. */
  private boolean dockerSecrets(LaunchOrder order) {
    return settings.dockerSecrets() && order.spec().transport() == Transport.STDIO
        && !order.spec().secretNames().isEmpty() && backend.swarmManager();
  }

  private ObservedContainer ensureRunning(
      Instance instance, LaunchOrder order, Optional<ObservedContainer> existing, boolean dockerSecrets)
      throws LaunchFailure {
    Optional<ObservedContainer> container = existing;
    if (container.isPresent() && !order.id().equals(container.get().labels().get(Ownership.ORDER))) {
      removeContainer(container);
      container = Optional.empty();
    }
    if (container.isEmpty()) {
      ImageFacts image = backend.image(imageReference(order));
      GuardrailProfile profile = GuardrailProfile.named(order.spec().guardrailProfile())
          .orElseThrow(() -> new LaunchFailure("unknown guardrail profile '" + order.spec().guardrailProfile() + "'"));
      if (order.spec().network().mode() == dev.harbor.schemas.catalog.NetworkMode.NONE
          && order.spec().transport() != Transport.STDIO && !networkReady) {
        backend.ensureNoEgressNetwork();
        networkReady = true;
      }
      Map<String, java.nio.file.Path> files = dockerSecrets
          ? Map.of() : secrets.files(instance.id(), Set.copyOf(order.spec().secretNames()));
      ContainerRequest request = ContainerRequests.of(
          ownership, order, instance.catalogId(), profile, image, freePort(), files, settings.secretEnvWrapper());
      if (dockerSecrets) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (String name : order.spec().secretNames()) {
          values.put(name, secrets.value(instance.id(), name)
              .orElseThrow(() -> new LaunchFailure("secret " + name + " disappeared before the launch")));
        }
        backend.createService(request, values);
        container = awaitTask(request.name());
      } else {
        secrets.grant(instance.id(), request.user());
        backend.create(request);
        container = backend.find(request.name());
      }
      if (container.isEmpty()) {
        throw new LaunchFailure("the container vanished right after it was created");
      }
    }
    steps.done(instance.id(), LaunchStep.CREATED);
    if (!container.get().running()) {
      if (container.get().stopped() && container.get().restartCount() > 0) {
        throw new LaunchFailure(exitReason(container.get()));
      }
      backend.start(container.get().id());
      container = backend.find(ownership.containerName(instance.id()));
      if (container.isEmpty()) {
        throw new LaunchFailure("the container vanished right after it was started");
      }
    }
    steps.done(instance.id(), LaunchStep.STARTED);
    return container.get();
  }

  /**
   * Asks the server for MCP initialize and tools/list until it answers or the probe timeout passes,
   * in short attempts with a look at the container between them, so a server that dies (exits, is
   * killed for memory, keeps restarting) fails at once with that reason instead of a timeout.
   */
  /** Waits for the first task container of a new service. */
  private Optional<ObservedContainer> awaitTask(String service) throws LaunchFailure {
    java.time.Instant deadline = clock.instant().plus(settings.probeTimeout());
    while (clock.instant().isBefore(deadline)) {
      Optional<ObservedContainer> task = backend.find(service);
      if (task.isPresent() && (task.get().running() || task.get().stopped())) {
        return task;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaunchFailure("interrupted while waiting for service " + service, e);
      }
    }
    throw new LaunchFailure("the service's container did not start within " + settings.probeTimeout().toSeconds() + " s");
  }

  private McpServerInfo probe(LaunchOrder order, ObservedContainer container) throws LaunchFailure {
    java.time.Instant deadline = clock.instant().plus(settings.probeTimeout());
    while (true) {
      Duration left = Duration.between(clock.instant(), deadline);
      Duration attempt = left.compareTo(PROBE_ATTEMPT) < 0 ? left : PROBE_ATTEMPT;
      LaunchFailure failure;
      try {
        if (order.spec().transport() == Transport.STDIO) {
          return backend.probeStdio(container.id(), clientCommand(order, container), attempt);
        }
        return backend.probeHttp(url(container), attempt);
      } catch (LaunchFailure f) {
        failure = f;
      }
      Optional<ObservedContainer> now = backend.find(container.name());
      if (now.isEmpty()) {
        throw new LaunchFailure("the container disappeared while Harbor waited for it to answer MCP", failure);
      }
      if (now.get().oomKilled()) {
        throw new LaunchFailure(oomReason(order), failure);
      }
      if (now.get().stopped() || now.get().restarting() || now.get().restartCount() > 0) {
        throw new LaunchFailure(exitReason(now.get()), failure);
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new LaunchFailure("the server did not answer MCP initialize within "
            + settings.probeTimeout().toSeconds() + " s: " + failure.getMessage(), failure);
      }
    }
  }

  private void watch(Instance instance, Optional<LaunchOrder> found, Optional<ObservedContainer> container)
      throws LaunchFailure {
    if (found.isEmpty() || found.get().type() == OrderType.REMOVE) {
      return;
    }
    LaunchOrder order = found.get();
    if (container.isEmpty()) {
      report(order, LauncherEventType.FAILED, b -> {
        b.reason = "container was removed outside Harbor";
        b.drift = true;
      });
      return;
    }
    ObservedContainer c = container.get();
    if (!order.id().equals(c.labels().get(Ownership.ORDER))) {
      return;
    }
    GuardrailProfile profile = GuardrailProfile.named(order.spec().guardrailProfile()).orElse(GuardrailProfile.RESTRICTED);
    if (c.memoryBytes() != profile.memoryBytes() || c.pidsLimit() != profile.pidsLimit()
        || (c.nanoCpus() != 0 && c.nanoCpus() != profile.nanoCpus())) {
      List<String> logs = logTail(instance.id(), c);
      ObservedContainer changed = c;
      report(order, LauncherEventType.FAILED, b -> {
        b.reason = "container limits were changed outside Harbor; it was removed";
        b.drift = true;
        b.logs = logs;
        b.container = changed;
      });
      removeContainer(container);
      return;
    }
    if (instance.status() == InstanceStatus.DEGRADED && c.stopped() && !c.oomKilled()
        && c.restartCount() < profile.restartLimit()) {
      LOG.info("instance {}: starting its stopped container again", instance.id());
      backend.start(c.id());
      c = backend.find(c.name()).orElse(c);
    }
    if (c.running()) {
      if (instance.status() == InstanceStatus.DEGRADED) {
        ObservedContainer healed = c;
        McpServerInfo server = probe(order, healed);
        report(order, LauncherEventType.STARTED, b -> {
          b.container = healed;
          b.connection = connectionInfo(order, healed, server);
        });
      }
      return;
    }
    ObservedContainer exited = c;
    List<String> logs = logTail(instance.id(), c);
    if (c.restarting()) {
      report(order, LauncherEventType.UNHEALTHY, b -> {
        b.reason = "container keeps exiting and Docker restarts it (" + exited.restartCount() + " restarts, last exit code "
            + exited.exitCode() + ")";
        b.logs = logs;
        b.container = exited;
      });
      return;
    }
    boolean drift = !c.oomKilled() && (c.exitCode() == 0 || c.exitCode() == 137 || c.exitCode() == 143)
        && c.stopped();
    String reason = c.oomKilled() ? oomReason(order)
        : drift ? "container was stopped outside Harbor (exit code " + c.exitCode() + ")"
        : exitReason(c);
    report(order, LauncherEventType.FAILED, b -> {
      b.reason = reason;
      b.drift = drift;
      b.logs = logs;
      b.container = exited;
    });
    removeContainer(container);
  }

  /**
   * The engine does not answer: every active instance is reported unhealthy with that reason (once per
   * order). When the engine is back, the next pass starts their containers again and probes them.
   */
  public void engineUnreachable(DesiredState desired, String reason) {
    for (String id : desired.instanceIds()) {
      Optional<Instance> instance = desired.instance(id);
      Optional<LaunchOrder> order = desired.order(id);
      if (instance.isEmpty() || instance.get().status() != InstanceStatus.ACTIVE || order.isEmpty()
          || order.get().type() == OrderType.REMOVE) {
        continue;
      }
      try {
        report(order.get(), LauncherEventType.UNHEALTHY, b -> b.reason = reason);
      } catch (LaunchFailure e) {
        LOG.warn("instance {}: {}", id, e.getMessage());
      }
    }
  }

  private void remove(Instance instance, Optional<LaunchOrder> order, Optional<ObservedContainer> container)
      throws LaunchFailure {
    removeContainer(container);
    forgetSecrets(instance.id());
    if (order.isPresent() && order.get().type() == OrderType.REMOVE) {
      report(order.get(), LauncherEventType.REMOVED, b -> { });
    }
  }

  /** Deletes every secret of the instance: its files and its Docker Secrets. */
  private void forgetSecrets(String instanceId) {
    secrets.deleteAll(instanceId);
    backend.removeDockerSecrets(ownership.nodeId(), instanceId);
  }

  private void removeContainer(Optional<ObservedContainer> container) throws LaunchFailure {
    if (container.isPresent()) {
      backend.remove(container.get().id());
      LOG.info("removed container {}", container.get().name());
    }
  }

  private void foreign(ObservedContainer container) throws LaunchFailure {
    if (!foreignReported.add(container.id())) {
      return;
    }
    String claimed = container.instanceId() == null ? "unknown" : container.instanceId();
    LOG.warn("container {} ({}) carries Harbor's labels for node {} but its ownership proof does not verify; "
        + "leaving it alone", container.name(), container.id(), ownership.nodeId());
    if (!claimed.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      claimed = "unknown";
    }
    reports.send(new LauncherEvent(UUID.randomUUID().toString(), ownership.nodeId(), claimed, null,
        LauncherEventType.FOREIGN_CONTAINER, null, container.name(), container.id(), null,
        "ownership proof missing or invalid", false, null, null, null, clock.instant()));
  }

  private boolean alreadyReported(LaunchOrder order, LauncherEventType type) {
    String last = reported.get(order.instanceId());
    return last != null && last.startsWith(order.id() + "/") && (type == null || last.endsWith("/" + type.wire()));
  }

  /** Details of one report being made. */
  private static final class Report {
    ObservedContainer container;
    String reason;
    boolean drift;
    List<String> missing = List.of();
    List<String> logs = List.of();
    Map<String, String> connection = Map.of();
  }

  private void report(LaunchOrder order, LauncherEventType type, java.util.function.Consumer<Report> details)
      throws LaunchFailure {
    if (alreadyReported(order, type)) {
      return;
    }
    Report r = new Report();
    details.accept(r);
    LauncherEvent event = new LauncherEvent(
        UUID.randomUUID().toString(), ownership.nodeId(), order.instanceId(), order.id(), type, order.specHash(),
        ownership.containerName(order.instanceId()), r.container == null ? null : r.container.id(),
        r.container == null ? null : r.container.imageId(), r.reason, r.drift, r.missing, r.logs, r.connection,
        clock.instant());
    reports.send(event);
    reported.put(order.instanceId(), order.id() + "/" + type.wire());
    LOG.info("instance {}: reported {}{}", order.instanceId(), type.wire(), r.reason == null ? "" : " (" + r.reason + ")");
  }

  private List<String> logTail(String instanceId, ObservedContainer container) {
    List<String> lines = backend.logTail(container.id(), LOG_LINES);
    Set<String> values = secrets.valuesForRedaction(instanceId);
    if (values.isEmpty()) {
      return lines;
    }
    List<String> redacted = new ArrayList<>(lines.size());
    for (String line : lines) {
      String clean = line;
      for (String value : values) {
        clean = clean.replace(value, REDACTED);
      }
      redacted.add(clean);
    }
    return redacted;
  }

  private Map<String, String> connectionInfo(LaunchOrder order, ObservedContainer container, McpServerInfo server) {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("transport", order.spec().transport().wire());
    info.put("container", container.name());
    if (order.spec().transport() == Transport.STDIO) {
      List<String> command = new ArrayList<>(List.of("docker", "exec", "-i", container.name()));
      command.addAll(clientCommand(order, container));
      info.put("stdioCommand", json(command));
    } else {
      info.put("url", url(container));
    }
    putIfPresent(info, "serverName", server.name());
    putIfPresent(info, "serverVersion", server.version());
    putIfPresent(info, "protocolVersion", server.protocolVersion());
    info.put("toolCount", String.valueOf(server.tools().size()));
    String tools = String.join(",", server.tools());
    info.put("tools", tools.length() > 2_000 ? tools.substring(0, 2_000) : tools);
    putIfPresent(info, "imageId", container.imageId());
    return info;
  }

  /** What a client runs inside the container to reach a stdio server: the container's own command line. */
  private List<String> clientCommand(LaunchOrder order, ObservedContainer container) {
    try {
      ImageFacts image = backend.image(imageReference(order));
      List<String> command = new ArrayList<>();
      List<String> cmd = new ArrayList<>(order.spec().command());
      cmd.addAll(order.spec().args());
      if (!order.spec().secretEnv().isEmpty()) {
        command.addAll(List.of(ContainerRequests.SECRET_ENV_WRAPPER, "--"));
      }
      command.addAll(image.entrypoint());
      command.addAll(cmd.isEmpty() ? image.cmd() : cmd);
      return command;
    } catch (LaunchFailure e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String url(ObservedContainer container) {
    return "http://127.0.0.1:" + container.hostPort() + ContainerRequests.HTTP_PATH;
  }

  private static String imageReference(LaunchOrder order) {
    if (order.spec().digest() != null) {
      return order.spec().image() + "@" + order.spec().digest();
    }
    return order.spec().image() + ":" + (order.spec().tag() == null ? "latest" : order.spec().tag());
  }

  private static String oomReason(LaunchOrder order) {
    long mib = GuardrailProfile.named(order.spec().guardrailProfile()).orElse(GuardrailProfile.RESTRICTED).memoryMiB();
    return "container was killed: out of memory (limit " + mib + " MiB)";
  }

  private static String exitReason(ObservedContainer container) {
    return "container exited with code " + container.exitCode()
        + (container.restartCount() > 0 ? " after " + container.restartCount() + " restarts" : "");
  }

  private static int freePort() throws LaunchFailure {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LaunchFailure("no free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  private static String json(List<String> values) {
    try {
      return ObjectMapper.getDefault().writeValueAsString(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
