package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an official MCP registry listing: the {@code /v0/servers} response shape, {@code
 * {"servers":[{"server":{…},"_meta":{…}}], "metadata":{…}}}, holding one item per published
 * version.
 *
 * <p>Yields one entry per distinct {@code server.name}, with the id {@code official.<slug of name>}
 * ({@code io.github.foo/bar} becomes {@code official.io-github-foo-bar}); see {@link
 * OfficialServerMapper} for which version describes it. Items without a name, names giving no valid
 * id or a duplicate id, and servers that publish neither a package nor a remote are skipped with
 * reasons. A document that is not such a listing gives a batch with no entries, one skipped record
 * naming it, and {@code complete} false, so nothing is retired because of a broken file.
 */
public final class OfficialRegistryImporter {

  private OfficialRegistryImporter() {}

  /**
   * Reads a listing file as a complete source; its origin is the file's absolute normalized path.
   *
   * @throws UncheckedIOException when the file cannot be read (a file that reads but does not parse
   *     is not an error: see the class description)
   */
  public static ImportBatch read(Path file, Instant now) {
    Path path = file.toAbsolutePath().normalize();
    try {
      return readListing(path.toString(), Files.readAllBytes(path), true, now);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read official registry listing " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a listing from a stream. Versions without registry timestamps are dated at the time of
   * the call.
   *
   * @throws IOException when the stream cannot be read
   */
  public static ImportBatch readListing(String origin, InputStream json, boolean complete)
      throws IOException {
    return readListing(origin, json.readAllBytes(), complete, Instant.now());
  }

  static ImportBatch readListing(String origin, byte[] json, boolean complete, Instant now) {
    Optional<List<Tree>> items;
    String problem;
    try {
      items = servers(JsonTrees.parse(json));
      problem = "has no \"servers\" array";
    } catch (IOException e) {
      items = Optional.empty();
      problem = "is not JSON: " + Texts.oneLine(e.getMessage());
    }
    if (items.isEmpty()) {
      BatchCollector broken = new BatchCollector(SourceFormat.OFFICIAL_REGISTRY, origin);
      broken.skip(origin, "not an official registry listing: the document " + problem);
      return broken.toBatch(false);
    }
    return fromItems(origin, items.get(), complete, now);
  }

  /** The {@code servers} items of a listing page, if it is one. */
  static Optional<List<Tree>> servers(Tree listing) {
    Tree servers = listing.get("servers");
    return servers.isList() ? Optional.of(servers.items()) : Optional.empty();
  }

  /** Builds the batch from listing items, which may come from several pages. */
  static ImportBatch fromItems(String origin, List<Tree> items, boolean complete, Instant now) {
    BatchCollector batch = new BatchCollector(SourceFormat.OFFICIAL_REGISTRY, origin);
    Map<String, List<OfficialVersion>> byName = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      OfficialVersion version = OfficialVersion.of(items.get(i), i);
      if (version.name() == null) {
        batch.skip("servers[" + i + "]", "has no server.name");
      } else {
        byName.computeIfAbsent(version.name(), name -> new ArrayList<>()).add(version);
      }
    }
    byName.forEach(
        (name, versions) -> {
          try {
            batch.add(name, OfficialServerMapper.map(name, versions, origin, now));
          } catch (InvalidEntryException e) {
            batch.skip(name, e.getMessage());
          }
        });
    return batch.toBatch(complete);
  }
}
