package dev.harbor.hub;

import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Hub's view of its own catalog topic (a {@link TopicMirror} feeding a {@link CatalogIndex}) and
 * the {@link CatalogPublisher} that writes to it. Used by the running Hub and by one-off imports
 * from the command line alike.
 */
public final class HubCatalog implements AutoCloseable {

  public static final String STORE = "hub-catalog";

  private final CatalogIndex index = new CatalogIndex();
  private final TopicMirror view;
  private final CatalogPublisher publisher;

  public HubCatalog(String applicationId, KafkaSettings settings, Path stateDir, Clock clock) {
    Topic<String, CatalogEntry> topic = Topics.CATALOG;
    this.view = TopicMirror.builder(applicationId, settings, stateDir).mirror(topic, STORE, index).build();
    this.publisher = new CatalogPublisher(index, view, settings, clock);
  }

  public HubCatalog start() {
    view.start();
    return this;
  }

  public boolean ready() {
    return view.ready();
  }

  /** Waits until the view has caught up with the topic; false when the timeout passed first. */
  public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
    return view.awaitReady(timeout);
  }

  public CatalogIndex index() {
    return index;
  }

  public CatalogPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    publisher.close();
    view.close();
  }
}
