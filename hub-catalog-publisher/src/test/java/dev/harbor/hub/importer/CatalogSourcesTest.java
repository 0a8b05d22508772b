package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSourcesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void aDirectoryInDockerLayoutIsReadAsTheDockerCatalog() throws IOException {
    Path root = SeedCatalog.fixture("docker-mixed");
    ImportBatch batch = CatalogSources.read(root, NOW);
    assertThat(batch.format()).isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
    assertThat(batch.origin()).isEqualTo(root.toAbsolutePath().normalize().toString());
    assertThat(batch.entries()).isNotEmpty();
  }

  @Test
  void theServersDirectoryItselfIsAlsoRecognised() throws IOException {
    Path servers = SeedCatalog.fixture("docker-mixed").resolve("servers");
    assertThat(CatalogSources.read(servers, NOW).format())
        .isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
  }

  @Test
  void aJsonFileIsReadAsAnOfficialListingWithANormalizedOrigin() throws IOException {
    Path listing = SeedCatalog.fixture("official/listing.json");
    Path roundabout = listing.getParent().resolve("..").resolve("official").resolve("listing.json");
    ImportBatch batch = CatalogSources.read(roundabout, NOW);
    assertThat(batch.format()).isEqualTo(SourceFormat.OFFICIAL_REGISTRY);
    assertThat(batch.origin())
        .isEqualTo(listing.toAbsolutePath().normalize().toString())
        .doesNotContain("..");
  }

  @Test
  void aPathThatIsNeitherIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("catalog.txt"), "hello");
    Path emptyDir = Files.createDirectory(dir.resolve("empty"));
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> CatalogSources.read(text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalog.txt")
        .hasMessageContaining("expected a Docker MCP catalog directory");
    assertThatThrownBy(() -> CatalogSources.read(emptyDir, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.yaml");
    assertThatThrownBy(() -> CatalogSources.read(missing, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }
}
