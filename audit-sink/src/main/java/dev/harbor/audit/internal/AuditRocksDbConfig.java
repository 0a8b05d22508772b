package dev.harbor.audit.internal;

import java.util.Map;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.apache.kafka.streams.state.RocksDBConfigSetter;

/**
 * RocksDB settings for the audit store: LZ4 compression, since a year of audit history is mostly
 * repetitive text. Everything else keeps Kafka Streams' defaults.
 */
public final class AuditRocksDbConfig implements RocksDBConfigSetter {

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  @Override
  public void close(String storeName, Options options) {}
}
