package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.Wire;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.json.JsonSerde;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Imports the bundled Docker catalog and checks the entries against the YAML read independently.
 */
class DockerRegistryImporterTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  /** Values Harbor writes itself (enum wire names), which may coincide with a short example. */
  private static final List<String> WIRE_NAMES =
      Stream.of(
              Visibility.values(),
              EntryStatus.values(),
              Transport.values(),
              LauncherKind.values(),
              NetworkMode.values(),
              HealthCheckMode.values(),
              SourceFormat.values())
          .flatMap(Arrays::stream)
          .map(Wire::wire)
          .toList();

  private static ImportBatch batch;
  private static Map<String, Map<String, Object>> yamlByName;
  private static Map<String, CatalogEntry> entriesBySourceName;

  @BeforeAll
  static void importBundledCatalog() throws IOException {
    batch = DockerRegistryImporter.read(SeedCatalog.docker(), NOW);
    yamlByName = new LinkedHashMap<>();
    for (Path file : serverFiles()) {
      Map<String, Object> yaml = new Yaml().load(Files.readString(file));
      yamlByName.put(String.valueOf(yaml.get("name")), yaml);
    }
    entriesBySourceName = new LinkedHashMap<>();
    batch.entries().forEach(e -> entriesBySourceName.put(e.source().sourceName(), e));
  }

  @Test
  void everyServerFileBecomesAnEntryOrASkipWithAReason() throws IOException {
    int files = serverFiles().size();
    assertThat(files).isGreaterThan(100);
    assertThat(batch.entries().size() + batch.skipped().size()).isEqualTo(files);
    assertThat(batch.entries().size()).isGreaterThan(files * 9 / 10);
    assertThat(batch.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    assertThat(batch.entries()).extracting(CatalogEntry::id).doesNotHaveDuplicates();
  }

  @Test
  void theBatchIsCompleteAndEveryEntryCarriesTheOrigin() {
    String origin = SeedCatalog.docker().toAbsolutePath().normalize().toString();
    assertThat(batch.format()).isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
    assertThat(batch.complete()).isTrue();
    assertThat(batch.origin()).isEqualTo(origin);
    assertThat(batch.entries())
        .allSatisfy(
            e -> {
              assertThat(e.source().origin()).isEqualTo(origin);
              assertThat(e.source().format()).isEqualTo(SourceFormat.DOCKER_MCP_REGISTRY);
              assertThat(e.id()).matches(CatalogEntry.ID_PATTERN).isEqualTo("docker." + e.slug());
              assertThat(e.createdAt()).isEqualTo(NOW);
              assertThat(e.updatedAt()).isEqualTo(NOW);
            });
  }

  @Test
  void githubOfficialIsMappedWithItsImageSecretAndAllowedHosts() {
    Map<String, Object> yaml = yamlByName.get("github-official");
    CatalogEntry entry = entriesBySourceName.get("github-official");
    assertThat(entry.id()).isEqualTo("docker.github-official");
    assertThat(entry.name()).isEqualTo(path(yaml, "about", "title"));
    assertThat(entry.description())
        .isEqualTo(String.valueOf(path(yaml, "about", "description")).strip());
    assertThat(entry.iconUrl()).isEqualTo(path(yaml, "about", "icon"));
    assertThat(entry.category()).isEqualTo(path(yaml, "meta", "category"));
    assertThat(entry.tags()).isEqualTo(path(yaml, "meta", "tags"));
    assertThat(entry.image() + ":" + entry.imageTagDefault())
        .isEqualTo(yaml.get("image") + ":latest");
    assertThat(entry.imageDigest()).isNull();
    assertThat(entry.homepageUrl()).isEqualTo(path(yaml, "source", "project"));
    assertThat(entry.source().repositoryUrl()).isEqualTo(path(yaml, "source", "project"));
    assertThat(entry.publisher()).isEqualTo("github");
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
    assertThat(entry.launchable()).isTrue();
    assertThat(entry.transport()).isEqualTo(Transport.STDIO);
    assertThat(entry.healthCheck()).isEqualTo(HealthCheckMode.MCP_INITIALIZE);
    assertThat(entry.network().mode()).isEqualTo(NetworkMode.EGRESS);
    assertThat(entry.network().allowHosts()).isEqualTo(path(yaml, "run", "allowHosts"));

    Map<?, ?> secret = (Map<?, ?>) ((List<?>) path(yaml, "config", "secrets")).getFirst();
    assertThat(entry.secrets())
        .containsExactly(
            new SecretSpec(
                (String) secret.get("name"),
                (String) secret.get("env"),
                (String) secret.get("description"),
                true));
  }

  @Test
  void remoteEntriesAreListedWithTheirEndpointButNotLaunchable() {
    List<Map<String, Object>> remotes = ofType("remote");
    assertThat(remotes).isNotEmpty();
    for (Map<String, Object> yaml : remotes) {
      CatalogEntry entry = entriesBySourceName.get(String.valueOf(yaml.get("name")));
      assertThat(entry.launcherKind()).isEqualTo(LauncherKind.REMOTE);
      assertThat(entry.launchable()).isFalse();
      assertThat(entry.notLaunchableReason()).isNotBlank();
      assertThat(entry.remotes())
          .extracting(RemoteEndpoint::url)
          .containsExactly((String) path(yaml, "remote", "url"));
      assertThat(entry.transport()).isIn(Transport.SSE, Transport.STREAMABLE_HTTP);
      assertThat(entry.image()).isNull();
    }
  }

  @Test
  void serverEntriesWithAnImageAreLaunchableAndTheImageSplitsBackToTheOriginal() {
    List<Map<String, Object>> servers =
        ofType("server").stream().filter(y -> y.get("image") != null).toList();
    assertThat(servers).isNotEmpty();
    for (Map<String, Object> yaml : servers) {
      CatalogEntry entry = entriesBySourceName.get(String.valueOf(yaml.get("name")));
      String image = String.valueOf(yaml.get("image"));
      assertThat(entry.launchable()).as(image).isTrue();
      assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
      assertThat(image).isIn(entry.image(), entry.image() + ":" + entry.imageTagDefault());
      if (image.equals(entry.image())) {
        assertThat(entry.imageTagDefault()).isEqualTo("latest");
      }
    }
  }

  @Test
  void perToolContainerEntriesAreListedWithTheirToolsButNotLaunchable() {
    List<Map<String, Object>> poci = ofType("poci");
    assertThat(poci).isNotEmpty();
    for (Map<String, Object> yaml : poci) {
      CatalogEntry entry = entriesBySourceName.get(String.valueOf(yaml.get("name")));
      assertThat(entry.launchable()).isFalse();
      assertThat(entry.notLaunchableReason()).contains("poci");
      List<String> toolNames =
          ((List<?>) yaml.get("tools"))
              .stream().map(t -> (String) ((Map<?, ?>) t).get("name")).toList();
      assertThat(entry.tools()).extracting(ToolSummary::name).containsExactlyElementsOf(toolNames);
    }
  }

  @Test
  void toolsJsonFilesBecomeTheToolSummaries() throws IOException {
    int checked = 0;
    for (Path file : serverFiles()) {
      Path tools = file.resolveSibling("tools.json");
      if (!Files.isRegularFile(tools)) {
        continue;
      }
      Map<String, Object> yaml = new Yaml().load(Files.readString(file));
      JsonNode listed =
          ObjectMapper.getDefault().readValue(Files.readAllBytes(tools), JsonNode.class);
      List<String> names = new ArrayList<>();
      listed.values().forEach(tool -> names.add(tool.get("name").getStringValue()));
      CatalogEntry entry = entriesBySourceName.get(String.valueOf(yaml.get("name")));
      assertThat(entry.tools())
          .extracting(ToolSummary::name)
          .as(file.toString())
          .containsExactlyElementsOf(names);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void declaredParametersCommandsVolumesAndNetworkFlagsAreCarriedOver() {
    int withParameters = 0;
    for (Map.Entry<String, Map<String, Object>> server : yamlByName.entrySet()) {
      Map<String, Object> yaml = server.getValue();
      CatalogEntry entry = entriesBySourceName.get(server.getKey());
      Object properties = path(yaml, "config", "parameters", "properties");
      if (properties instanceof Map<?, ?> map) {
        withParameters++;
        List<String> names = entry.parameters().stream().map(ParameterSpec::name).toList();
        for (Object name : map.keySet()) {
          assertThat(names)
              .as(server.getKey())
              .anyMatch(n -> n.equals(name) || n.startsWith(name + "."));
        }
        Object required = path(yaml, "config", "parameters", "required");
        if (required instanceof List<?> list) {
          for (Object name : list.stream().filter(map::containsKey).toList()) {
            assertThat(entry.parameters())
                .as(server.getKey())
                .anyMatch(p -> p.name().equals(name) && p.required());
          }
        }
      }
      assertThat(entry.args())
          .as(server.getKey())
          .isEqualTo(Objects.requireNonNullElse(path(yaml, "run", "command"), List.of()));
      assertThat(entry.volumes())
          .as(server.getKey())
          .hasSize(
              ((List<?>) Objects.requireNonNullElse(path(yaml, "run", "volumes"), List.of()))
                  .size());
      boolean noNetwork = Boolean.TRUE.equals(path(yaml, "run", "disableNetwork"));
      assertThat(entry.network().mode())
          .as(server.getKey())
          .isEqualTo(noNetwork ? NetworkMode.NONE : NetworkMode.EGRESS);
    }
    assertThat(withParameters).isPositive();
  }

  @Test
  void noExampleValueOfTheCatalogAppearsInAnySerializedEntry() {
    JsonSerde<CatalogEntry> serde = JsonSerde.of(CatalogEntry.class);
    Yaml yamlWriter = new Yaml();
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> server : yamlByName.entrySet()) {
      List<String> examples = new ArrayList<>();
      Map<String, Object> withoutExamples = removeExamples(server.getValue(), examples);
      String rest = yamlWriter.dump(withoutExamples);
      List<String> strings = stringsOf(serde.toJson(entriesBySourceName.get(server.getKey())));
      strings.removeAll(WIRE_NAMES);
      for (String example : examples) {
        if (example.isBlank() || rest.contains(example)) {
          continue;
        }
        assertThat(strings).as(server.getKey()).noneMatch(s -> s.contains(example));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  static List<Path> serverFiles() throws IOException {
    try (Stream<Path> dirs = Files.list(SeedCatalog.docker().resolve("servers"))) {
      return dirs.map(d -> d.resolve("server.yaml")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<Map<String, Object>> ofType(String type) {
    return yamlByName.values().stream().filter(y -> type.equals(y.get("type"))).toList();
  }

  static Object path(Map<String, Object> yaml, String... keys) {
    Object node = yaml;
    for (String key : keys) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }

  /** A deep copy without {@code example} keys; the examples found are added to {@code examples}. */
  @SuppressWarnings("unchecked")
  private static <T> T removeExamples(T node, List<String> examples) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, value) -> {
            if ("example".equals(key)) {
              if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                examples.add(String.valueOf(value));
              }
            } else {
              copy.put(key, removeExamples(value, examples));
            }
          });
      return (T) copy;
    }
    if (node instanceof List<?> list) {
      return (T) list.stream().map(item -> removeExamples(item, examples)).toList();
    }
    return node;
  }

  /** Every string value in a JSON document. */
  static List<String> stringsOf(String json) {
    try {
      List<String> strings = new ArrayList<>();
      collect(ObjectMapper.getDefault().readValue(json, JsonNode.class), strings);
      return strings;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode node, List<String> strings) {
    if (node.isString()) {
      strings.add(node.getStringValue());
    } else if (node.isObject()) {
      node.entries().forEach(field -> collect(field.getValue(), strings));
    } else if (node.isArray()) {
      node.values().forEach(item -> collect(item, strings));
    }
  }
}
