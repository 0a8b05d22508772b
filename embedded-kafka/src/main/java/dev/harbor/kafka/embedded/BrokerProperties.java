package dev.harbor.kafka.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single combined broker and controller node that keeps everything a
 * one-node cluster needs (transactions, consumer groups, exactly-once Kafka Streams) on itself.
 */
final class BrokerProperties {

  static final int NODE_ID = 1;

  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int INTERNAL_TOPIC_PARTITIONS = 5;
  private static final int DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;

  private BrokerProperties() {}

  static Properties of(Path logDir, int brokerPort, int controllerPort) {
    String host = LoopbackPorts.HOST;
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put(
        "listeners",
        BROKER_LISTENER + "://" + host + ":" + brokerPort
            + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("log.dirs", logDir.toAbsolutePath().toString());

    props.put("auto.create.topics.enable", "false");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("share.coordinator.state.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));

    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("background.threads", "2");
    return props;
  }
}
