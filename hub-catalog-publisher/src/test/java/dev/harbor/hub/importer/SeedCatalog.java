package dev.harbor.hub.importer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled seed catalog and the importer test fixtures. */
final class SeedCatalog {

  private SeedCatalog() {}

  /** The {@code catalog/seed} directory, found by walking up from the working directory. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path seed = dir.resolve("catalog").resolve("seed");
      if (Files.isDirectory(seed)) {
        return seed;
      }
    }
    throw new IllegalStateException("no catalog/seed above " + Path.of("").toAbsolutePath());
  }

  static Path docker() {
    return root().resolve("docker-mcp-registry");
  }

  static Path officialListing() {
    return root().resolve("official-registry").resolve("servers.json");
  }

  /** A test resource under {@code src/test/resources/importer/}. */
  static Path fixture(String name) {
    URL url = SeedCatalog.class.getResource("/importer/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource importer/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
