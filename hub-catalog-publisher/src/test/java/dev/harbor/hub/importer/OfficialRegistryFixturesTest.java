package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.json.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports a hand-written official registry listing covering version choice, packages and bad items.
 */
class OfficialRegistryFixturesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private static ImportBatch batch;

  @BeforeAll
  static void importFixture() throws IOException {
    batch = OfficialRegistryImporter.read(SeedCatalog.fixture("official/listing.json"), NOW);
  }

  @Test
  void theVersionFlaggedLatestWinsOverALaterPublishedOne() {
    CatalogEntry entry = entry("official.io-github-example-owner-flagged").orElseThrow();
    assertThat(entry.version()).isEqualTo("2.0.0");
    assertThat(entry.description()).isEqualTo("The flagged version.");
    assertThat(entry.knownVersions()).containsExactly("3.0.0-rc1", "2.0.0", "1.0.0");
    assertThat(entry.createdAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2025-03-05T00:00:00Z"));
  }

  @Test
  void withoutAFlagTheNewestPublishedVersionWins() {
    CatalogEntry entry = entry("official.com-example-tools-unflagged").orElseThrow();
    assertThat(entry.version()).isEqualTo("0.10.0");
    assertThat(entry.knownVersions()).containsExactly("0.10.0", "0.9.0");
    assertThat(entry.name()).isEqualTo("unflagged");
    assertThat(entry.publisher()).isEqualTo("tools.example.com");
  }

  @Test
  void anOciPackageMakesALaunchableContainerEntry() {
    CatalogEntry entry = entry("official.io-github-example-owner-flagged").orElseThrow();
    assertThat(entry.name()).isEqualTo("Flagged Latest");
    assertThat(entry.publisher()).isEqualTo("example-owner");
    assertThat(entry.homepageUrl()).isEqualTo("https://flagged.example.com");
    assertThat(entry.source().repositoryUrl())
        .isEqualTo("https://github.com/example-owner/flagged");
    assertThat(entry.iconUrl()).isEqualTo("https://flagged.example.com/icon.png");
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
    assertThat(entry.launchable()).isTrue();
    assertThat(entry.healthCheck()).isEqualTo(HealthCheckMode.MCP_INITIALIZE);
    assertThat(entry.image()).isEqualTo("ghcr.io/example-owner/flagged");
    assertThat(entry.imageTagDefault()).isEqualTo("2.0.0");
    assertThat(entry.imageDigest())
        .isEqualTo("sha256:aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233");
    assertThat(entry.transport()).isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(entry.ports()).containsExactly(new PortSpec("streamable-http", 8123, "tcp"));
    assertThat(entry.remotes())
        .containsExactly(
            new RemoteEndpoint(Transport.STREAMABLE_HTTP, "https://flagged.example.com/mcp"));
  }

  @Test
  void packageArgumentsBecomeTokensWhileRuntimeArgumentsStayOut() {
    CatalogEntry entry = entry("official.io-github-example-owner-flagged").orElseThrow();
    assertThat(entry.args())
        .containsExactly(
            "serve",
            "--port",
            "8123",
            "--root",
            "{root_dir}",
            "--level",
            "info",
            "--token",
            "{token}",
            "--verbose");
    assertThat(entry.args())
        .doesNotContain("run", "--rm", "-v", "{host_dir}:/data", "public-default-token-value");
  }

  @Test
  void environmentVariablesSplitIntoSecretsAndPlainVariablesWithoutSecretDefaults() {
    CatalogEntry entry = entry("official.io-github-example-owner-flagged").orElseThrow();
    assertThat(entry.secrets())
        .containsExactly(new SecretSpec("FLAGGED_API_KEY", "FLAGGED_API_KEY", "API key", true));
    assertThat(entry.env())
        .containsExactly(
            new EnvVarSpec("FLAGGED_MODE", "Mode", false, "fast"),
            new EnvVarSpec(
                "FLAGGED_URL", "Endpoint", true, "https://{tenant}.flagged.example.com"));
    assertThat(JsonSerde.of(CatalogEntry.class).toJson(entry))
        .doesNotContain("never-copy-this-secret-default");
  }

  @Test
  void packagesWithoutAnImageMakeAPackageEntryNamingTheRegistries() {
    CatalogEntry entry = entry("official.com-example-tools-unflagged").orElseThrow();
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.PACKAGE);
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.notLaunchableReason())
        .isEqualTo("no container image: published only as npm and PyPI packages");
    assertThat(entry.secrets()).extracting(SecretSpec::env).containsExactly("UNFLAGGED_TOKEN");
    assertThat(entry.status()).isEqualTo(EntryStatus.DEPRECATED);
  }

  @Test
  void remotesAloneMakeARemoteEntryAndDeletedServersAreHidden() {
    CatalogEntry entry = entry("official.ai-alpic-test-hosted-only").orElseThrow();
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.REMOTE);
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.transport()).isEqualTo(Transport.MIXED);
    assertThat(entry.remotes()).hasSize(2);
    assertThat(entry.status()).isEqualTo(EntryStatus.HIDDEN);
    assertThat(entry.publisher()).isEqualTo("test.alpic.ai");
    assertThat(entry.name()).isEqualTo("hosted-only");
  }

  @Test
  void anInvalidImageIdentifierIsListedButNeverLaunchable() {
    CatalogEntry entry = entry("official.io-github-example-owner-bad-image").orElseThrow();
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.image()).isNull();
  }

  @Test
  void unusableItemsAreSkippedWithReasonsAndTheRestImport() {
    assertThat(skipFor("com.example/metadata-only"))
        .hasValueSatisfying(r -> assertThat(r).contains("neither a package nor a remote"));
    assertThat(skipFor("/../;|"))
        .hasValueSatisfying(r -> assertThat(r).contains("valid catalog id"));
    assertThat(skipFor("io.github.example-owner/Flagged"))
        .hasValueSatisfying(r -> assertThat(r).contains("duplicate id"));
    assertThat(batch.skipped()).filteredOn(s -> s.source().startsWith("servers[")).hasSize(2);
    assertThat(batch.entries()).hasSize(4);
    assertThat(batch.entries())
        .allSatisfy(e -> assertThat(e.id()).matches(CatalogEntry.ID_PATTERN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"official/truncated.json", "official/not-a-listing.json"})
  void aFileThatIsNotAListingGivesOneSkipNamingItAndAnIncompleteBatch(String fixture)
      throws IOException {
    Path file = SeedCatalog.fixture(fixture);
    ImportBatch broken = OfficialRegistryImporter.read(file, NOW);
    assertThat(broken.entries()).isEmpty();
    assertThat(broken.complete()).isFalse();
    assertThat(broken.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
              assertThat(s.reason()).contains(file.getFileName().toString());
            });
  }

  @Test
  void aListingReadFromAStreamKeepsTheGivenOriginAndCompleteness() throws IOException {
    byte[] json = Files.readAllBytes(SeedCatalog.fixture("official/listing.json"));
    ImportBatch incremental =
        OfficialRegistryImporter.readListing(
            "https://registry.example.com", new ByteArrayInputStream(json), false);
    assertThat(incremental.complete()).isFalse();
    assertThat(incremental.origin()).isEqualTo("https://registry.example.com");
    assertThat(incremental.entries())
        .allSatisfy(e -> assertThat(e.source().origin()).isEqualTo("https://registry.example.com"));
    assertThat(incremental.entries())
        .extracting(CatalogEntry::id)
        .isEqualTo(batch.entries().stream().map(CatalogEntry::id).toList());
    ImportBatch garbage =
        OfficialRegistryImporter.readListing(
            "x", new ByteArrayInputStream("<html>".getBytes(StandardCharsets.UTF_8)), true);
    assertThat(garbage.entries()).isEmpty();
    assertThat(garbage.skipped()).hasSize(1);
  }

  private static Optional<CatalogEntry> entry(String id) {
    return batch.entries().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static Optional<String> skipFor(String source) {
    return batch.skipped().stream()
        .filter(s -> s.source().equals(source))
        .map(SkippedEntry::reason)
        .findFirst();
  }
}
