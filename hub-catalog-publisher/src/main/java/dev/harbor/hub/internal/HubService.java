package dev.harbor.hub.internal;

import dev.harbor.hub.HubCatalog;
import dev.harbor.hub.ImportReport;
import dev.harbor.hub.importer.CatalogSources;
import dev.harbor.hub.importer.OfficialRegistryClient;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.health.Readiness;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Hub: provisions the catalog topic, starts the catalog view, then imports the configured
 * seed sources and registry in the background. Ready once the view has caught up and the first
 * imports are published.
 */
@Singleton
@Requires(env = "hub")
public class HubService implements Readiness {

  private static final Logger LOG = LoggerFactory.getLogger(HubService.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final HubCatalog catalog;
  private final HubConfig config;
  private final AtomicBoolean seeded = new AtomicBoolean();
  private final List<ImportReport> startupReports = new ArrayList<>();
  private final Thread seeder;

  HubService(HarborConfig harbor, HubConfig config, KafkaSettings settings, TopicProvisioner topics) {
    this.config = config;
    topics.ensure(Topics.hubTopics());
    this.catalog =
        new HubCatalog(
                "harbor-hub-catalog",
                settings,
                harbor.getHome().resolve("hub").resolve("streams"),
                Clock.systemUTC())
            .start();
    this.seeder = Thread.ofVirtual().name("hub-seed").start(this::seed);
  }

  public HubCatalog catalog() {
    return catalog;
  }

  @Override
  public boolean ready() {
    return seeded.get() && catalog.ready();
  }

  /** The reports of the imports made at start, once they are done. */
  public synchronized List<ImportReport> startupReports() {
    return List.copyOf(startupReports);
  }

  private void seed() {
    try {
      if (!catalog.awaitReady(START_TIMEOUT)) {
        LOG.error("catalog view did not catch up within {}", START_TIMEOUT);
        return;
      }
      for (Path source : config.getSeed()) {
        record(catalog.publisher().publish(CatalogSources.read(source, Clock.systemUTC().instant())));
      }
      if (config.getRegistryUrl() != null) {
        record(catalog.publisher().publish(new OfficialRegistryClient().fetchAll(config.getRegistryUrl())));
      }
      seeded.set(true);
      LOG.info("hub catalog ready: {} entries", catalog.index().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("hub catalog import failed: {}", e.getMessage(), e);
    }
  }

  private synchronized void record(ImportReport report) {
    startupReports.add(report);
    LOG.info("{}", report.describe());
  }

  @PreDestroy
  void close() throws InterruptedException {
    seeder.interrupt();
    seeder.join(Duration.ofSeconds(10));
    catalog.close();
  }
}
