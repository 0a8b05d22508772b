package dev.harbor.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.harbor.launcher.Ownership;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One launch through Harbor, timed from before {@code POST /v1/mcp/setup} until {@code GET
 * /v1/mcp/instances/{id}} first reads {@code active} (polled every 20 ms), then undone: {@code POST
 * .../remove}, until the instance reads {@code removed} and no container of it is left.
 *
 * <p>Beside the total, the instants each step left behind, on the host's wall clock: the policy
 * decision ({@code decision.decidedAt}, the policy stream's processing time), the container's creation and
 * start (Docker's {@code Created} and {@code State.StartedAt}, read before the removal), the launcher's
 * report that the server answered MCP ({@code at} of its STARTED event, read from the launcher-events
 * topic afterwards) and the policy stream's processing of that report ({@code lastStartedAt}).
 */
final class LaunchThroughHarbor {

  /**
   * @param totalNanos POST /v1/mcp/setup sent until GET first read active (monotonic clock)
   * @param answerNanos POST sent until its answer arrived (it carries the decision)
   * @param answeredStatus the status in the setup's answer
   * @param sent wall clock just before the POST
   * @param decided the policy stream's decision ({@code decision.decidedAt})
   * @param created Docker's {@code Created} of the container
   * @param running Docker's {@code State.StartedAt}
   * @param reported the launcher's STARTED report ({@code at}): the server had answered the probe
   * @param activated the policy stream's processing of that report ({@code lastStartedAt})
   * @param seen wall clock when GET first read active
   * @param removeNanos POST .../remove until the instance read removed and its container was gone
   * @param container the container's settings as Docker reports them ({@link LaunchPlainDocker#settings})
   */
  record Run(
      String instanceId,
      long totalNanos,
      long answerNanos,
      String answeredStatus,
      Instant sent,
      Instant decided,
      Instant created,
      Instant running,
      Instant reported,
      Instant activated,
      Instant seen,
      long removeNanos,
      String container) {}

  private final PolicyApi operator;
  private final DockerClient docker;
  private final KafkaSettings kafka;
  private final String nodeId;

  LaunchThroughHarbor(PolicyApi operator, DockerClient docker, KafkaSettings kafka, String nodeId) {
    this.operator = operator;
    this.docker = docker;
    this.kafka = kafka;
    this.nodeId = nodeId;
  }

  @SuppressWarnings("unchecked")
  Run run() throws InterruptedException {
    Instant sent = Instant.now();
    long start = System.nanoTime();
    PolicyApi.Reply reply = operator.post("/v1/mcp/setup", "{\"catalogId\":\"" + LaunchBench.CATALOG_ID + "\"}");
    long answered = System.nanoTime();
    if (reply.status() != 202) {
      throw new IllegalStateException("setup answered " + reply.status() + ": " + reply.body());
    }
    Map<String, Object> setup = reply.json();
    String id = (String) setup.get("instanceId");
    String path = "/v1/mcp/instances/" + id;
    Map<String, Object> active = awaitStatus(path, "active", start);
    long seenNanos = System.nanoTime();
    Instant seen = Instant.now();

    Map<String, Object> decision = (Map<String, Object>) active.get("decision");
    Instant decided = instant(decision == null ? null : decision.get("decidedAt"), "decision.decidedAt");
    Instant activated = instant(active.get("lastStartedAt"), "lastStartedAt");
    InspectContainerResponse container = docker.inspectContainerCmd("harbor-" + nodeId + "-" + id).exec();
    Instant created = Instant.parse(container.getCreated());
    Instant running = Instant.parse(container.getState().getStartedAt());

    long removeStart = System.nanoTime();
    PolicyApi.Reply removed = operator.post(path + "/remove", "{}");
    if (removed.status() != 200 && removed.status() != 202) {
      throw new IllegalStateException("remove of " + id + " answered " + removed.status() + ": " + removed.body());
    }
    awaitStatus(path, "removed", removeStart);
    awaitNoContainer(id, removeStart);
    long removeNanos = System.nanoTime() - removeStart;

    Instant reported = startedReport(id);
    return new Run(id, seenNanos - start, answered - start, String.valueOf(setup.get("status")), sent, decided,
        created, running, reported, activated, seen, removeNanos, LaunchPlainDocker.settings(container));
  }

  /** Polls the instance every 20 ms until it reads {@code status}; fails at once on a failure or denial. */
  private Map<String, Object> awaitStatus(String path, String status, long since) throws InterruptedException {
    long deadline = since + LaunchBench.TIMEOUT.toNanos();
    while (true) {
      PolicyApi.Reply reply = operator.get(path);
      if (reply.status() == 200) {
        Map<String, Object> json = reply.json();
        Object now = json.get("status");
        if (status.equals(now)) {
          return json;
        }
        if ("failed".equals(now) || "denied".equals(now)) {
          throw new IllegalStateException(path + " is " + now + ": " + json.get("errorMessage"));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " did not read " + status + " within " + LaunchBench.TIMEOUT
            + "; last answer " + reply.status() + ": " + reply.body());
      }
      Thread.sleep(LaunchBench.POLL);
    }
  }

  private void awaitNoContainer(String instanceId, long since) throws InterruptedException {
    long deadline = since + LaunchBench.TIMEOUT.toNanos();
    while (!docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Ownership.NODE, nodeId, Ownership.INSTANCE, instanceId)).exec().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the container of " + instanceId + " was still there after "
            + LaunchBench.TIMEOUT);
      }
      Thread.sleep(LaunchBench.POLL);
    }
  }

  /** When the launcher reported the instance's server started: its STARTED event on the launcher-events topic. */
  private Instant startedReport(String instanceId) {
    Topic<String, LauncherEvent> topic = Topics.launcherEvents(nodeId);
    AtomicReference<Instant> at = new AtomicReference<>();
    TopicRead.read(kafka, topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer(),
        record -> {
          LauncherEvent event = record.value();
          if (event != null && instanceId.equals(event.instanceId()) && event.type() == LauncherEventType.STARTED) {
            at.set(event.at());
          }
        }, Duration.ofSeconds(30));
    if (at.get() == null) {
      throw new IllegalStateException("no STARTED report of instance " + instanceId + " on " + topic.name());
    }
    return at.get();
  }

  private static Instant instant(Object value, String what) {
    if (value instanceof String text) {
      return Instant.parse(text);
    }
    if (value instanceof Number number) {
      // epoch seconds with a fraction, as Jackson writes an Instant as a number
      double seconds = number.doubleValue();
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
    throw new IllegalStateException(what + " is missing from the instance: " + value);
  }
}
