package dev.harbor.node.clientconfig;

import dev.harbor.hub.importer.DockerRegistryImporter;
import dev.harbor.hub.importer.OfficialRegistryImporter;
import dev.harbor.schemas.catalog.CatalogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Entries of the bundled seed catalog ({@code catalog/seed}), read with the Hub's own importers. */
final class SeedEntries {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private SeedEntries() {}

  /** The entries of Docker's catalog and of the official registry with the given upstream names. */
  static List<CatalogEntry> named(String... sourceNames) {
    List<String> wanted = List.of(sourceNames);
    Path seed = root();
    List<CatalogEntry> entries = Stream.concat(
            DockerRegistryImporter.read(seed.resolve("docker-mcp-registry"), NOW).entries().stream(),
            OfficialRegistryImporter.read(seed.resolve("official-registry").resolve("servers.json"), NOW)
                .entries().stream())
        .filter(e -> wanted.contains(e.source().sourceName()))
        .toList();
    if (entries.stream().map(e -> e.source().sourceName()).distinct().count() != wanted.size()) {
      throw new IllegalStateException("the seed catalog lacks some of " + wanted);
    }
    return entries;
  }

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path seed = dir.resolve("catalog").resolve("seed");
      if (Files.isDirectory(seed)) {
        return seed;
      }
    }
    throw new IllegalStateException("no catalog/seed above " + Path.of("").toAbsolutePath());
  }
}
