package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.ToolSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Imports Docker's MCP catalog ({@code docker/mcp-registry}): one entry per {@code
 * servers/NAME/server.yaml}, with the tool list from a {@code tools.json} beside it when there is
 * one.
 *
 * <p>Entries get the id {@code docker.<slug of name>}. A file that does not parse, has no name, or
 * whose name gives no valid id is skipped with a reason naming the file, as is a second file
 * producing an id already taken (directories are read in name order, the first wins). A bad file
 * never fails the batch. The batch is complete: it stands for the whole directory.
 */
public final class DockerRegistryImporter {

  private static final String SERVER_FILE = "server.yaml";
  private static final String TOOLS_FILE = "tools.json";

  private DockerRegistryImporter() {}

  /**
   * Reads a Docker catalog directory: one containing {@code servers/}, or the {@code servers}
   * directory itself. Entry timestamps are {@code now}.
   *
   * @throws IllegalArgumentException when {@code dir} holds no {@code NAME/server.yaml} in either
   *     layout
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static ImportBatch read(Path dir, Instant now) {
    try {
      return readDirectory(dir.toAbsolutePath().normalize(), now);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read Docker MCP catalog " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ImportBatch readDirectory(Path root, Instant now) throws IOException {
    Path servers =
        serversDir(root)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        root
                            + " is not a Docker MCP catalog: no servers/NAME/"
                            + SERVER_FILE
                            + " or NAME/"
                            + SERVER_FILE));
    String origin = root.toString();
    BatchCollector batch = new BatchCollector(SourceFormat.DOCKER_MCP_REGISTRY, origin);
    for (Path serverDir : serverDirs(servers)) {
      Path file = serverDir.resolve(SERVER_FILE);
      String source = root.relativize(file).toString().replace('\\', '/');
      try {
        Tree yaml = load(file);
        batch.add(
            source,
            DockerServerMapper.map(yaml, origin, tools(serverDir.resolve(TOOLS_FILE)), now));
      } catch (ParseFailure e) {
        batch.skip(source, "does not parse: " + e.getMessage());
      } catch (InvalidEntryException e) {
        batch.skip(source, e.getMessage());
      }
    }
    return batch.toBatch(true);
  }

  /**
   * The directory holding {@code NAME/server.yaml}: {@code dir/servers} or {@code dir}, if either
   * does.
   */
  static Optional<Path> serversDir(Path dir) throws IOException {
    for (Path candidate : List.of(dir.resolve("servers"), dir)) {
      if (Files.isDirectory(candidate) && !serverDirs(candidate).isEmpty()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static List<Path> serverDirs(Path servers) throws IOException {
    try (Stream<Path> children = Files.list(servers)) {
      return children
          .filter(child -> Files.isRegularFile(child.resolve(SERVER_FILE)))
          .sorted()
          .toList();
    }
  }

  private static Tree load(Path file) throws ParseFailure {
    try {
      String text = Files.readString(file);
      return Tree.of(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    } catch (IOException | YAMLException e) {
      throw new ParseFailure(Texts.oneLine(e.getMessage()));
    }
  }

  /** The tools a {@code tools.json} lists; none when it is absent or unreadable. */
  private static List<ToolSummary> tools(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<ToolSummary> tools = new ArrayList<>();
      for (Tree tool : JsonTrees.parse(Files.readAllBytes(file)).items()) {
        if (tool.text("name") != null) {
          tools.add(new ToolSummary(tool.text("name"), tool.text("description")));
        }
      }
      return tools;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A {@code server.yaml} that could not be read or parsed. */
  private static final class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ParseFailure(String message) {
      super(message, null, false, false);
    }
  }
}
