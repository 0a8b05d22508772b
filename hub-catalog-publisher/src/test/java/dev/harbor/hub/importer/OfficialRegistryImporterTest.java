package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports the bundled official registry listing and checks it against an independent read. */
class OfficialRegistryImporterTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private static ImportBatch batch;
  private static Map<String, List<JsonNode>> versionsByName;
  private static Map<String, CatalogEntry> entriesByName;

  @BeforeAll
  static void importBundledListing() throws IOException {
    batch = OfficialRegistryImporter.read(SeedCatalog.officialListing(), NOW);
    versionsByName = OfficialListing.read(SeedCatalog.officialListing()).byName();
    entriesByName = new LinkedHashMap<>();
    batch.entries().forEach(e -> entriesByName.put(e.source().sourceName(), e));
  }

  @Test
  void everyDistinctServerNameBecomesAnEntryOrASkipWithAReason() {
    assertThat(versionsByName.size()).isGreaterThan(100);
    assertThat(batch.entries().size() + batch.skipped().size()).isEqualTo(versionsByName.size());
    assertThat(batch.entries().size()).isGreaterThan(versionsByName.size() * 9 / 10);
    assertThat(batch.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    assertThat(batch.complete()).isTrue();
    assertThat(batch.format()).isEqualTo(SourceFormat.OFFICIAL_REGISTRY);
    assertThat(batch.entries())
        .allSatisfy(
            e ->
                assertThat(e.id())
                    .matches(CatalogEntry.ID_PATTERN)
                    .isEqualTo("official." + e.slug()));
  }

  @Test
  void theSkippedServersAreExactlyThoseThatPublishNothingToRun() {
    Set<String> nothingToRun = new TreeSet<>();
    versionsByName.forEach(
        (name, versions) -> {
          JsonNode server = latest(versions).get("server");
          if (isEmpty(server.get("packages")) && isEmpty(server.get("remotes"))) {
            nothingToRun.add(name);
          }
        });
    assertThat(new TreeSet<>(batch.skipped().stream().map(SkippedEntry::source).toList()))
        .isEqualTo(nothingToRun);
  }

  @Test
  void theVersionFlaggedLatestDescribesTheEntryAndAllVersionsAreKnownNewestFirst() {
    for (CatalogEntry entry : batch.entries()) {
      List<JsonNode> versions = versionsByName.get(entry.source().sourceName());
      JsonNode latest = latest(versions);
      assertThat(entry.version()).isEqualTo(latest.get("server").get("version").getStringValue());
      List<String> newestFirst =
          versions.stream()
              .sorted(Comparator.comparing(OfficialListing::publishedAt).reversed())
              .map(v -> v.get("server").get("version").getStringValue())
              .distinct()
              .toList();
      assertThat(entry.knownVersions()).as(entry.id()).isEqualTo(newestFirst);
      assertThat(entry.createdAt())
          .isEqualTo(
              versions.stream()
                  .map(OfficialListing::publishedAt)
                  .min(Instant::compareTo)
                  .orElseThrow());
      assertThat(entry.updatedAt())
          .isEqualTo(
              versions.stream()
                  .map(OfficialListing::updatedAt)
                  .max(Instant::compareTo)
                  .orElseThrow());
    }
  }

  @Test
  void serversWithManyVersionsListThemAll() {
    Map.Entry<String, List<JsonNode>> most =
        versionsByName.entrySet().stream()
            .max(Comparator.comparingInt(e -> e.getValue().size()))
            .orElseThrow();
    assertThat(most.getValue().size()).isGreaterThan(5);
    long distinct =
        most.getValue().stream()
            .map(v -> v.get("server").get("version").getStringValue())
            .distinct()
            .count();
    assertThat(entriesByName.get(most.getKey()).knownVersions()).hasSize((int) distinct);
  }

  @Test
  void serversPublishedOnlyAsNpmPackagesArePackageEntriesWithAReason() {
    List<String> npmOnly = new ArrayList<>();
    versionsByName.forEach(
        (name, versions) -> {
          JsonNode server = latest(versions).get("server");
          if (registryTypes(server).equals(Set.of("npm")) && isEmpty(server.get("remotes"))) {
            npmOnly.add(name);
          }
        });
    assertThat(npmOnly).isNotEmpty();
    for (String name : npmOnly) {
      CatalogEntry entry = entriesByName.get(name);
      assertThat(entry.launcherKind()).isEqualTo(LauncherKind.PACKAGE);
      assertThat(entry.launchable()).isFalse();
      assertThat(entry.notLaunchableReason())
          .isEqualTo("no container image: published only as an npm package");
    }
  }

  @Test
  void serversWithAnOciPackageAreLaunchableDockerEntriesWithItsSecretsAndEnvironment() {
    int checked = 0;
    for (Map.Entry<String, List<JsonNode>> named : versionsByName.entrySet()) {
      JsonNode oci = firstOci(latest(named.getValue()).get("server"));
      if (oci == null) {
        continue;
      }
      CatalogEntry entry = entriesByName.get(named.getKey());
      String identifier = oci.get("identifier").getStringValue();
      assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
      assertThat(entry.launchable()).as(identifier).isTrue();
      assertThat(identifier).startsWith(entry.image());
      List<String> secretNames = new ArrayList<>();
      List<String> envNames = new ArrayList<>();
      JsonNode variables = oci.get("environmentVariables");
      if (variables != null) {
        for (JsonNode variable : variables.values()) {
          JsonNode secret = variable.get("isSecret");
          (secret != null && secret.getBooleanValue() ? secretNames : envNames)
              .add(variable.get("name").getStringValue());
        }
      }
      assertThat(entry.secrets())
          .extracting(SecretSpec::env)
          .containsExactlyElementsOf(secretNames);
      assertThat(entry.env()).extracting(EnvVarSpec::name).containsExactlyElementsOf(envNames);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void serversWithOnlyRemotesAreRemoteEntriesListingEveryEndpoint() {
    int checked = 0;
    for (Map.Entry<String, List<JsonNode>> named : versionsByName.entrySet()) {
      JsonNode server = latest(named.getValue()).get("server");
      if (!isEmpty(server.get("packages")) || isEmpty(server.get("remotes"))) {
        continue;
      }
      CatalogEntry entry = entriesByName.get(named.getKey());
      List<String> urls = new ArrayList<>();
      server.get("remotes").values().forEach(r -> urls.add(r.get("url").getStringValue()));
      assertThat(entry.launcherKind()).isEqualTo(LauncherKind.REMOTE);
      assertThat(entry.launchable()).isFalse();
      assertThat(entry.notLaunchableReason()).isNotBlank();
      assertThat(entry.remotes()).extracting(RemoteEndpoint::url).containsExactlyElementsOf(urls);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void titlesNamesAndPublishersComeFromTheLatestVersion() {
    for (CatalogEntry entry : batch.entries()) {
      String name = entry.source().sourceName();
      JsonNode server = latest(versionsByName.get(name)).get("server");
      JsonNode title = server.get("title");
      String expected =
          title != null ? title.getStringValue().strip() : name.substring(name.indexOf('/') + 1);
      assertThat(entry.name()).isEqualTo(expected);
      if (name.startsWith("io.github.")) {
        assertThat(entry.publisher())
            .isEqualTo(name.substring("io.github.".length(), name.indexOf('/')));
      }
      assertThat(entry.publisher()).isNotBlank();
    }
  }

  static JsonNode latest(List<JsonNode> versions) {
    return versions.stream()
        .filter(OfficialListing::isLatest)
        .findFirst()
        .orElseGet(
            () ->
                versions.stream()
                    .max(Comparator.comparing(OfficialListing::publishedAt))
                    .orElseThrow());
  }

  private static boolean isEmpty(JsonNode list) {
    return list == null || list.size() == 0;
  }

  private static Set<String> registryTypes(JsonNode server) {
    Set<String> types = new TreeSet<>();
    JsonNode packages = server.get("packages");
    if (packages != null) {
      packages.values().forEach(p -> types.add(p.get("registryType").getStringValue()));
    }
    return types;
  }

  private static JsonNode firstOci(JsonNode server) {
    JsonNode packages = server.get("packages");
    if (packages != null) {
      for (JsonNode pkg : packages.values()) {
        if ("oci".equals(pkg.get("registryType").getStringValue())) {
          return pkg;
        }
      }
    }
    return null;
  }
}
