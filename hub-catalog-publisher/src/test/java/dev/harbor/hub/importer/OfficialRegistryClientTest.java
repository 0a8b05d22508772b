package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Syncs from a local registry serving the bundled listing, and checks the sync against the file
 * import.
 */
class OfficialRegistryClientTest {

  private static final int PAGE_SIZE = 100;
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private FakeRegistry registry;
  private OfficialRegistryClient client;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = FakeRegistry.serving(SeedCatalog.officialListing());
    client = new OfficialRegistryClient(Duration.ofSeconds(20), PAGE_SIZE);
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void aFullSyncFollowsEveryCursorAndGivesTheSameEntriesAsTheFileImport() throws Exception {
    ImportBatch file = OfficialRegistryImporter.read(SeedCatalog.officialListing(), NOW);
    ImportBatch synced = client.fetchAll(URI.create(registry.baseUrl() + "/"));

    assertThat(synced.complete()).isTrue();
    assertThat(synced.origin()).isEqualTo(registry.baseUrl().toString());
    assertThat(normalized(synced.entries())).isEqualTo(normalized(file.entries()));
    assertThat(synced.skipped())
        .extracting(SkippedEntry::source)
        .isEqualTo(file.skipped().stream().map(SkippedEntry::source).toList());

    int items = OfficialListing.read(SeedCatalog.officialListing()).items().size();
    List<URI> requests = registry.requests();
    assertThat(requests).hasSize((items + PAGE_SIZE - 1) / PAGE_SIZE);
    assertThat(requests)
        .allSatisfy(uri -> assertThat(uri.getQuery()).contains("limit=" + PAGE_SIZE));
    assertThat(requests.subList(1, requests.size()))
        .allSatisfy(uri -> assertThat(uri.getQuery()).contains("cursor="));
  }

  @Test
  void anUpdatedSinceSyncReturnsOnlyServersWithANewerVersionWithAllTheirVersions()
      throws Exception {
    OfficialListing listing = OfficialListing.read(SeedCatalog.officialListing());
    List<Instant> updates =
        listing.items().stream().map(OfficialListing::updatedAt).sorted().toList();
    Instant since = updates.get(updates.size() * 3 / 4);
    Set<String> changed =
        listing.items().stream()
            .filter(item -> OfficialListing.updatedAt(item).isAfter(since))
            .map(OfficialListing::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(changed).isNotEmpty().hasSizeLessThan(listing.byName().size());

    ImportBatch synced = client.fetchUpdatedSince(registry.baseUrl(), since);

    assertThat(synced.complete()).isFalse();
    Set<String> returned = new TreeSet<>();
    synced.entries().forEach(e -> returned.add(e.source().sourceName()));
    synced.skipped().forEach(s -> returned.add(s.source()));
    assertThat(returned).isEqualTo(changed);

    Map<String, CatalogEntry> full =
        OfficialRegistryImporter.read(SeedCatalog.officialListing(), NOW).entries().stream()
            .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
    for (CatalogEntry entry : synced.entries()) {
      assertThat(normalized(entry)).as(entry.id()).isEqualTo(normalized(full.get(entry.id())));
    }
    assertThat(registry.requests())
        .filteredOn(uri -> uri.getPath().equals("/v0/servers"))
        .allSatisfy(uri -> assertThat(uri.getQuery()).contains("updated_since=" + since));
  }

  @Test
  void aServerErrorOnAnyPageFailsTheWholeSyncNamingTheUrlAndStatus() {
    registry.failPage(2, 503);
    assertThatThrownBy(() -> client.fetchAll(registry.baseUrl()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(registry.baseUrl() + "/v0/servers?limit=" + PAGE_SIZE + "&cursor=")
        .hasMessageContaining("503");
  }

  @Test
  void aPageThatIsNotJsonFailsTheWholeSync() {
    registry.garblePage(1);
    assertThatThrownBy(() -> client.fetchUpdatedSince(registry.baseUrl(), Instant.EPOCH))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/v0/servers")
        .hasMessageContaining("not JSON");
  }

  @Test
  void aRegistryThatNeverAnswersTimesOut() {
    registry.stall();
    OfficialRegistryClient impatient =
        new OfficialRegistryClient(Duration.ofMillis(300), PAGE_SIZE);
    assertThatThrownBy(() -> impatient.fetchAll(registry.baseUrl()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(registry.baseUrl().toString())
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  private static List<CatalogEntry> normalized(List<CatalogEntry> entries) {
    return entries.stream().map(OfficialRegistryClientTest::normalized).toList();
  }

  /** The entry as if read from one fixed origin, so entries from a file and a URL compare. */
  private static CatalogEntry normalized(CatalogEntry e) {
    CatalogSource s = e.source();
    return new CatalogEntry(
        e.id(),
        e.slug(),
        e.name(),
        e.description(),
        e.publisher(),
        e.tags(),
        e.category(),
        e.homepageUrl(),
        e.docsUrl(),
        e.iconUrl(),
        e.image(),
        e.imageTagDefault(),
        e.imageDigest(),
        e.transport(),
        e.launcherKind(),
        e.launchable(),
        e.notLaunchableReason(),
        e.command(),
        e.args(),
        e.parameters(),
        e.env(),
        e.secrets(),
        e.ports(),
        e.volumes(),
        e.network(),
        e.healthCheck(),
        e.remotes(), null,
        e.tools(),
        e.version(),
        e.knownVersions(),
        e.status(),
        e.visibility(),
        new CatalogSource(s.format(), "origin", s.sourceName(), s.repositoryUrl(), s.license()),
        e.createdAt(),
        e.updatedAt());
  }
}
