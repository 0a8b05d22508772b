package dev.harbor.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft log directory once, the way {@code kafka-storage.sh format} does for a static
 * quorum, and leaves an already formatted directory (and the cluster id in it) untouched.
 */
final class StorageFormatter {

  private static final String META_PROPERTIES = "meta.properties";

  private StorageFormatter() {}

  static boolean isFormatted(Path logDir) {
    return Files.exists(logDir.resolve(META_PROPERTIES));
  }

  /** Formats the configured directories with a new cluster id unless they are formatted already. */
  static void formatIfNeeded(KafkaConfig config, Path logDir) {
    if (isFormatted(logDir)) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      Formatter formatter =
          new Formatter()
              .setPrintStream(printStream)
              .setNodeId(config.nodeId())
              .setClusterId(Uuid.randomUuid().toString())
              .setControllerListenerName(config.controllerListenerNames().getFirst())
              .setMetadataLogDirectory(config.metadataLogDir())
              .setHasDynamicQuorum(false)
              .setDirectories(config.logDirs());
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not format Kafka storage in " + logDir + ": " + e.getMessage()
              + System.lineSeparator() + output.toString(StandardCharsets.UTF_8),
          e);
    }
  }
}
