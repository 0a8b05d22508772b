package dev.harbor.hub.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads a catalog source whatever its format: a directory in Docker's layout ({@code
 * servers/NAME/server.yaml}, or the {@code servers} directory itself) or an official registry
 * listing ({@code .json} file). The batch origin is the path's absolute normalized form.
 */
public final class CatalogSources {

  private CatalogSources() {}

  /**
   * Detects the format of {@code path} and imports it; entry timestamps that the source does not
   * give are {@code now}.
   *
   * @throws IllegalArgumentException when {@code path} is neither a Docker catalog directory nor a
   *     {@code .json} file
   * @throws UncheckedIOException when the source cannot be read
   */
  public static ImportBatch read(Path path, Instant now) {
    Path source = path.toAbsolutePath().normalize();
    if (Files.isDirectory(source)) {
      if (!isDockerCatalog(source)) {
        throw new IllegalArgumentException(
            source
                + " is a directory without servers/NAME/server.yaml or NAME/server.yaml, so not a"
                + " Docker MCP catalog");
      }
      return DockerRegistryImporter.read(source, now);
    }
    if (Files.isRegularFile(source)
        && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return OfficialRegistryImporter.read(source, now);
    }
    throw new IllegalArgumentException(
        source
            + (Files.exists(source) ? " is not a catalog source" : " does not exist")
            + ": expected a Docker MCP catalog directory (servers/NAME/server.yaml) or an official"
            + " registry listing (.json file)");
  }

  private static boolean isDockerCatalog(Path dir) {
    try {
      return DockerRegistryImporter.serversDir(dir).isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
