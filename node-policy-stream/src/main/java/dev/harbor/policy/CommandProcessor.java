package dev.harbor.policy;

import dev.harbor.schemas.command.Command;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each command into its results, and denies expired approval requests on a wall-clock
 * schedule. "Now" is the stream's wall-clock time, so a test driver can move it.
 */
final class CommandProcessor implements Processor<String, Command, String, Object> {

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

  CommandProcessor(String nodeId, PolicySettings settings) {
    this.nodeId = nodeId;
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    PolicyStores stores = PolicyStores.open(nodeId, context);
    this.outputs = new Outputs(context, nodeId);
    InstanceChanges changes = new InstanceChanges(stores, outputs);
    this.setup = new SetupHandler(nodeId, settings, stores, outputs, changes);
    this.approvals = new ApprovalHandler(nodeId, settings, stores, outputs, changes);
    this.instances = new InstanceCommandHandler(settings, stores, outputs, changes);
    this.entryStates = new EntryStateHandler(stores, outputs);
    this.notices = new NoticeHandler(outputs);
    context.schedule(
        settings.expiryCheckInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        time -> approvals.expire(Instant.ofEpochMilli(time)));
  }

  @Override
  public void process(Record<String, Command> record) {
    Command command = record.value();
    if (command == null) {
      return;
    }
    if (!nodeId.equals(command.nodeId())) {
      LOG.warn("ignoring command {} for node {} on the commands topic of node {}",
          command.id(), command.nodeId(), nodeId);
      return;
    }
    outputs.begin(cause(command), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    switch (command.type()) {
      case SETUP -> setup.handle(command);
      case APPROVE -> approvals.approve(command);
      case DENY -> approvals.deny(command);
      case REMOVE -> instances.remove(command);
      case RESTART -> instances.restart(command);
      case ENABLE, DISABLE -> entryStates.handle(command);
      case NOTICE -> {
        if (!notices.handle(command)) {
          LOG.warn("ignoring notice {} without an event type", command.id());
        }
      }
    }
  }

  /** Where the command sits on its topic, else its id: what result ids derive from. */
  private String cause(Command command) {
    return context
        .recordMetadata()
        .map(CommandProcessor::position)
        .orElse("command/" + command.id());
  }

  private static String position(RecordMetadata metadata) {
    return metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset();
  }
}
