package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.json.JsonSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every entry any importer produces travels through the catalog topic's serde unchanged. */
class EntryRoundTripTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456Z");

  @Test
  void everyProducedEntrySerializesAndReadsBackEqual() throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    entries.addAll(DockerRegistryImporter.read(SeedCatalog.docker(), NOW).entries());
    entries.addAll(OfficialRegistryImporter.read(SeedCatalog.officialListing(), NOW).entries());
    entries.addAll(DockerRegistryImporter.read(SeedCatalog.fixture("docker-mixed"), NOW).entries());
    entries.addAll(
        OfficialRegistryImporter.read(SeedCatalog.fixture("official/listing.json"), NOW).entries());
    assertThat(entries).hasSizeGreaterThan(500);

    JsonSerde<CatalogEntry> serde = JsonSerde.of(CatalogEntry.class);
    for (CatalogEntry entry : entries) {
      assertThat(serde.fromBytes(serde.toBytes(entry))).as(entry.id()).isEqualTo(entry);
      assertThat(entry.id()).matches(CatalogEntry.ID_PATTERN);
    }
  }
}
