package dev.harbor.policy;

import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.launch.LauncherEvent;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each command and each launcher report into its results, and denies expired approval
 * requests on a wall-clock schedule. "Now" is the stream's wall-clock time, so a test driver can move it.
 */
final class CommandProcessor implements Processor<String, Object, String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  private final String nodeId;
  private final PolicySettings settings;
  private ProcessorContext<String, Object> context;
  private Outputs outputs;
  private SetupHandler setup;
  private ApprovalHandler approvals;
  private InstanceCommandHandler instances;
  private EntryStateHandler entryStates;
  private NoticeHandler notices;
  private LauncherEventHandler launcherEvents;

  CommandProcessor(String nodeId, PolicySettings settings) {
    this.nodeId = nodeId;
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    PolicyStores stores = PolicyStores.open(nodeId, context);
    this.outputs = new Outputs(context, nodeId, stores);
    InstanceChanges changes = new InstanceChanges(stores, outputs);
    this.setup = new SetupHandler(nodeId, settings, stores, outputs, changes);
    this.approvals = new ApprovalHandler(nodeId, settings, stores, outputs, changes);
    this.instances = new InstanceCommandHandler(settings, stores, outputs, changes);
    this.entryStates = new EntryStateHandler(stores, outputs);
    this.notices = new NoticeHandler(outputs);
    this.launcherEvents = new LauncherEventHandler(nodeId, stores, outputs, changes);
    context.schedule(
        settings.expiryCheckInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        time -> approvals.expire(Instant.ofEpochMilli(time)));
  }

  @Override
  public void process(Record<String, Object> record) {
    if (record.value() instanceof Command command) {
      process(command);
    } else if (record.value() instanceof LauncherEvent event) {
      process(event);
    }
  }

  private void process(LauncherEvent event) {
    if (!nodeId.equals(event.nodeId())) {
      LOG.warn("ignoring launcher report {} for node {} on the topic of node {}", event.id(), event.nodeId(), nodeId);
      return;
    }
    outputs.begin(cause("launcher-event/" + event.id()), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    launcherEvents.handle(event);
  }

  private void process(Command command) {
    if (!nodeId.equals(command.nodeId())) {
      LOG.warn("ignoring command {} for node {} on the commands topic of node {}",
          command.id(), command.nodeId(), nodeId);
      return;
    }
    outputs.begin(cause("command/" + command.id()), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    switch (command.type()) {
      case SETUP -> setup.handle(command);
      case APPROVE -> approvals.approve(command);
      case DENY -> approvals.deny(command);
      case REMOVE -> instances.remove(command);
      case RESTART -> instances.restart(command);
      case ENABLE, DISABLE -> entryStates.handle(command);
      case SECRET_SUPPLIED -> instances.secretSupplied(command);
      case NOTICE -> {
        if (!notices.handle(command)) {
          LOG.warn("ignoring notice {} without an event type", command.id());
        }
      }
    }
  }

  /** Where the input sits on its topic, else {@code fallback}: what result ids derive from. */
  private String cause(String fallback) {
    return context.recordMetadata().map(CommandProcessor::position).orElse(fallback);
  }

  private static String position(RecordMetadata metadata) {
    return metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset();
  }
}
