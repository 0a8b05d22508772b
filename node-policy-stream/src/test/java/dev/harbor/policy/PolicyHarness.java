package dev.harbor.policy;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The policy topology under a {@link TopologyTestDriver}: catalog, policy and commands go in, and
 * each step returns exactly what came out (instances, orders, catalog states, audit events).
 */
final class PolicyHarness implements AutoCloseable {

  static final String NODE = "node-1";
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Actor OPERATOR = new Actor(CallerKind.OPERATOR, "alice", "tok-op");
  static final Actor AGENT = new Actor(CallerKind.AGENT, "ci-bot", "tok-ci");
  static final Actor OTHER_AGENT = new Actor(CallerKind.AGENT, "other-bot", "tok-other");
  static final Actor SCRIPT = new Actor(CallerKind.SCRIPT, "nightly", "tok-script");

  /** Everything one step produced. */
  record Results(
      String commandId,
      List<Instance> instances,
      List<LaunchOrder> orders,
      List<CatalogEntryState> states,
      List<AuditEvent> audit) {

    boolean isEmpty() {
      return instances.isEmpty() && orders.isEmpty() && states.isEmpty() && audit.isEmpty();
    }

    Instance instance() {
      if (instances.size() != 1) {
        throw new AssertionError("expected one instance record but got " + instances);
      }
      return instances.getFirst();
    }

    List<AuditEventType> auditTypes() {
      return audit.stream().map(AuditEvent::type).toList();
    }

    AuditEvent audit(AuditEventType type) {
      List<AuditEvent> found = audit.stream().filter(e -> e.type() == type).toList();
      if (found.size() != 1) {
        throw new AssertionError("expected one " + type + " event but got " + audit);
      }
      return found.getFirst();
    }
  }

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Command> commands;
  private final TestInputTopic<String, LauncherEvent> launcherEvents;
  private final TestInputTopic<String, CatalogEntry> catalog;
  private final TestInputTopic<String, PolicySet> policy;
  private final TestInputTopic<String, CatalogEntryState> publishedStates;
  private final TestOutputTopic<String, Instance> instances;
  private final TestOutputTopic<String, LaunchOrder> orders;
  private final TestOutputTopic<String, CatalogEntryState> states;
  private final TestOutputTopic<String, AuditEvent> audit;
  private int commandCount;

  PolicyHarness(Path stateDir) {
    this(stateDir, PolicySettings.defaults());
  }

  PolicyHarness(Path stateDir, PolicySettings settings) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(PolicyTopology.build(NODE, settings), props, START);
    commands = input(Topics.commands(NODE));
    launcherEvents = input(Topics.launcherEvents(NODE));
    catalog = input(Topics.CATALOG);
    policy = input(Topics.policy(NODE));
    publishedStates = input(Topics.catalogState(NODE));
    instances = output(Topics.instances(NODE));
    orders = output(Topics.orders(NODE));
    states = output(Topics.catalogState(NODE));
    audit = output(Topics.audit(NODE));
  }

  PolicyHarness catalog(CatalogEntry... entries) {
    for (CatalogEntry entry : entries) {
      catalog.pipeInput(entry.id(), entry);
    }
    return this;
  }

  PolicyHarness removeFromCatalog(String catalogId) {
    catalog.pipeInput(catalogId, null);
    return this;
  }

  PolicyHarness policy(PolicyRule... rules) {
    policy.pipeInput(PolicySet.KEY, new PolicySet(1, List.of(rules), OPERATOR, START));
    return this;
  }

  /** A catalog-state record as node-api wrote it before the policy stream existed. */
  PolicyHarness publishedState(CatalogEntryState state) {
    publishedStates.pipeInput(state.catalogId(), state);
    drain(null);
    return this;
  }

  Results send(Command command) {
    commands.pipeInput(command.subject(), command);
    return drain(command.id());
  }

  /** A launcher report, as node-launcher writes it. */
  Results report(LauncherEvent event) {
    launcherEvents.pipeInput(event.instanceId(), event);
    return drain(null);
  }

  /** A report of {@code type} answering {@code order}, with nothing else set. */
  LauncherEvent reportOf(LaunchOrder order, LauncherEventType type) {
    return new LauncherEvent("report-" + ++commandCount, NODE, order.instanceId(), order.id(), type,
        order.specHash(), "harbor-" + NODE + "-" + order.instanceId(), null, null, null, false, null, null, null,
        START);
  }

  Results secretSupplied(Actor actor, String instanceId, String secret) {
    Command base = command(CommandType.SECRET_SUPPLIED, actor, instanceId, null);
    return send(new Command(base.id(), NODE, CommandType.SECRET_SUPPLIED, base.at(), actor, instanceId, null,
        null, Map.of(), null, null, Map.of("secret", secret)));
  }

  Command command(CommandType type, Actor actor, String instanceId, String catalogId) {
    return new Command("cmd-" + ++commandCount, NODE, type, START, actor, instanceId, catalogId, null,
        Map.of(), null, null, Map.of());
  }

  Results setup(Actor actor, String instanceId, String catalogId) {
    return setup(actor, instanceId, catalogId, Map.of());
  }

  Results setup(Actor actor, String instanceId, String catalogId, Map<String, String> config) {
    Command base = command(CommandType.SETUP, actor, instanceId, catalogId);
    return send(new Command(base.id(), NODE, CommandType.SETUP, base.at(), actor, instanceId, catalogId,
        "key-" + instanceId, config, null, null, Map.of()));
  }

  Results approve(Actor actor, String instanceId, String specHash) {
    Command base = command(CommandType.APPROVE, actor, instanceId, null);
    return send(new Command(base.id(), NODE, CommandType.APPROVE, base.at(), actor, instanceId, null, null,
        Map.of(), "looks fine", null, specHash == null ? Map.of() : Map.of("specHash", specHash)));
  }

  Results deny(Actor actor, String instanceId, String note) {
    Command base = command(CommandType.DENY, actor, instanceId, null);
    return send(new Command(base.id(), NODE, CommandType.DENY, base.at(), actor, instanceId, null, null,
        Map.of(), note, null, Map.of()));
  }

  Results remove(Actor actor, String instanceId) {
    return send(command(CommandType.REMOVE, actor, instanceId, null));
  }

  Results restart(Actor actor, String instanceId) {
    return send(command(CommandType.RESTART, actor, instanceId, null));
  }

  Results enable(Actor actor, String catalogId) {
    return send(command(CommandType.ENABLE, actor, null, catalogId));
  }

  Results disable(Actor actor, String catalogId, String reason) {
    Command base = command(CommandType.DISABLE, actor, null, catalogId);
    return send(new Command(base.id(), NODE, CommandType.DISABLE, base.at(), actor, null, catalogId, null,
        Map.of(), reason, null, Map.of()));
  }

  Results notice(Actor actor, AuditEventType type, Map<String, String> details) {
    Command base = command(CommandType.NOTICE, actor, null, null);
    return send(new Command(base.id(), NODE, CommandType.NOTICE, base.at(), actor, null, null, null,
        Map.of(), null, type, details));
  }

  /** Moves the wall clock on, running due punctuations, and returns what they produced. */
  Results advance(Duration duration) {
    driver.advanceWallClockTime(duration);
    return drain(null);
  }

  /** Puts an instance straight into the stream's stores, as the launcher's reports will. */
  void seed(Instance instance) {
    KeyValueStore<String, Instance> store = driver.getKeyValueStore(PolicyTopology.INSTANCES_STORE);
    store.put(instance.id(), instance);
    if (Lifecycle.isLive(instance.status())) {
      KeyValueStore<String, String> live = driver.getKeyValueStore(PolicyTopology.LIVE_INSTANCES_STORE);
      live.put(instance.catalogId(), instance.id());
    }
  }

  Instance stored(String instanceId) {
    KeyValueStore<String, Instance> store = driver.getKeyValueStore(PolicyTopology.INSTANCES_STORE);
    return store.get(instanceId);
  }

  private Results drain(String commandId) {
    return new Results(
        commandId,
        instances.readValuesToList(), orders.readValuesToList(), states.readValuesToList(),
        audit.readValuesToList());
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }
}
