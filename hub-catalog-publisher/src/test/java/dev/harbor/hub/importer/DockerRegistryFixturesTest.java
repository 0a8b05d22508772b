package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.json.JsonSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports hand-written Docker catalog fixtures covering malformed, hostile and unusual files. */
class DockerRegistryFixturesTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private static ImportBatch batch;

  @BeforeAll
  static void importFixtures() throws IOException {
    batch = DockerRegistryImporter.read(SeedCatalog.fixture("docker-mixed"), NOW);
  }

  @Test
  void aMalformedServerYamlIsSkippedByItsFileWhileTheOthersImport() {
    assertThat(skipFor("broken"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("servers/broken/server.yaml")
                    .contains("does not parse"));
    assertThat(entry("docker.complete")).isPresent();
    assertThat(entry("docker.unknown-keys")).isPresent();
  }

  @Test
  void everyServerFileIsAccountedForAndDirectoriesWithoutOneAreIgnored() throws IOException {
    long files;
    try (var dirs = Files.list(SeedCatalog.fixture("docker-mixed").resolve("servers"))) {
      files = dirs.filter(d -> Files.isRegularFile(d.resolve("server.yaml"))).count();
    }
    assertThat(batch.entries().size() + batch.skipped().size()).isEqualTo(files);
    assertThat(batch.skipped()).allSatisfy(s -> assertThat(s.reason()).contains(s.source()));
  }

  @Test
  void unknownKeysAnywhereAreTolerated() {
    CatalogEntry entry = entry("docker.unknown-keys").orElseThrow();
    assertThat(entry.name()).isEqualTo("Unknown Keys");
    assertThat(entry.args()).containsExactly("--serve");
    assertThat(entry.secrets())
        .containsExactly(new SecretSpec("unknown-keys.token", "UNKNOWN_TOKEN", null, true));
    assertThat(entry.launchable()).isTrue();
  }

  @Test
  void aFileWithoutANameIsSkipped() {
    assertThat(skipFor("nameless"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("has no name"));
  }

  @Test
  void namesWithPathOrShellCharactersGetSafeSlugsOrAreSkipped() {
    assertThat(entry("docker.etc"))
        .hasValueSatisfying(e -> assertThat(e.source().sourceName()).isEqualTo("../../etc"));
    assertThat(entry("docker.a-rm-rf-echo-id")).isPresent();
    assertThat(skipFor("only-symbols"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("valid catalog id"));
    assertThat(batch.entries())
        .allSatisfy(
            e -> {
              assertThat(e.id()).matches(CatalogEntry.ID_PATTERN);
              assertThat(e.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            });
  }

  @Test
  void aDuplicateIdKeepsTheFirstFileAndSkipsTheLaterOne() {
    assertThat(entry("docker.dup-server"))
        .hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("First of two"));
    assertThat(skipFor("dup-second"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("duplicate id docker.dup-server")
                    .contains("dup-first"));
  }

  @Test
  void everyMappedFieldOfACompleteServerIsCarriedOver() {
    CatalogEntry entry = entry("docker.complete").orElseThrow();
    assertThat(entry.name()).isEqualTo("Complete Fixture");
    assertThat(entry.description()).isEqualTo("A server that uses every mapped field.");
    assertThat(entry.tags()).containsExactly("testing", "fixture");
    assertThat(entry.publisher()).isEqualTo("example-org");
    assertThat(entry.image()).isEqualTo("example/complete-mcp");
    assertThat(entry.imageTagDefault()).isEqualTo("2.1");
    assertThat(entry.args())
        .containsExactly(
            "--mode=stdio",
            "--root={{complete.workspace}}",
            "{{complete.paths|volume-target|into}}");
    assertThat(entry.command()).isEmpty();
    assertThat(entry.volumes())
        .containsExactly(new VolumeSpec("{{complete.workspace}}:/workspace"));
    assertThat(entry.ports())
        .containsExactly(
            new PortSpec("port-8355", 8355, "tcp"), new PortSpec("port-9000", 9000, "udp"));
    assertThat(entry.network().mode()).isEqualTo(NetworkMode.EGRESS);
    assertThat(entry.network().allowHosts()).containsExactly("api.example.com:443");
    assertThat(entry.tools())
        .containsExactly(
            new ToolSummary("first_tool", "Does the first thing"),
            new ToolSummary("second_tool", "Does the second thing"));
  }

  @Test
  void parametersAreFlattenedWithTypesDefaultsAndRequiredFlags() {
    CatalogEntry entry = entry("docker.complete").orElseThrow();
    assertThat(entry.parameters())
        .containsExactly(
            new ParameterSpec("workspace", "Directory to work in", "string", true, null),
            new ParameterSpec("region", null, "string", false, "eu-west-1"),
            new ParameterSpec("paths", null, "array", false, "[\"/data/one\",\"/data/two\"]"),
            new ParameterSpec("verbose", "Verbose logging", "boolean", false, "false"),
            new ParameterSpec("proxy.url", null, "string", true, null),
            new ParameterSpec("proxy.port", null, "integer", false, "3128"));
  }

  @Test
  void environmentAndSecretsKeepTemplatesAndRequiredFlagsButNeverExamples() {
    CatalogEntry entry = entry("docker.complete").orElseThrow();
    assertThat(entry.env())
        .containsExactly(
            new EnvVarSpec("LOG_FORMAT", null, false, "json"),
            new EnvVarSpec("COMPLETE_WORKSPACE", null, true, "{{complete.workspace}}"),
            new EnvVarSpec("COMPLETE_REGION", null, false, "{{complete.region}}"));
    assertThat(entry.secrets())
        .containsExactly(
            new SecretSpec(
                "complete.api_token", "COMPLETE_API_TOKEN", "Token for the example API", true),
            new SecretSpec("complete.optional_token", "COMPLETE_OPTIONAL_TOKEN", null, false));
    String json = JsonSerde.of(CatalogEntry.class).toJson(entry);
    assertThat(json)
        .doesNotContain("sk-fixture-do-not-copy-1234567890")
        .doesNotContain("optional-example-value-0987")
        .doesNotContain("/home/someone/example-workspace")
        .doesNotContain("eu-example-1");
  }

  @Test
  void aServerWithoutAnImageIsListedButNotLaunchable() {
    CatalogEntry entry = entry("docker.no-image").orElseThrow();
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.DOCKER);
    assertThat(entry.notLaunchableReason()).contains("no container image");
    assertThat(entry.publisher()).isEqualTo("example-group");
  }

  @Test
  void anImageReferenceWithShellCharactersIsNeverLaunchable() {
    CatalogEntry entry = entry("docker.bad-image").orElseThrow();
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.image()).isNull();
    assertThat(entry.notLaunchableReason()).contains("not a valid image reference");
  }

  @Test
  void aPinnedImageKeepsRegistryPortTagAndDigestApartAndNetworkCanBeDisabled() {
    CatalogEntry entry = entry("docker.pinned").orElseThrow();
    assertThat(entry.image()).isEqualTo("registry.example.com:5000/team/pinned");
    assertThat(entry.imageTagDefault()).isEqualTo("1.4.2");
    assertThat(entry.imageDigest()).startsWith("sha256:0f8e3c1d");
    assertThat(entry.network().mode()).isEqualTo(NetworkMode.NONE);
    assertThat(entry.publisher()).isEqualTo("team");
  }

  @Test
  void aRemoteServerHasItsEndpointAndSecretButIsNotLaunchable() {
    CatalogEntry entry = entry("docker.hosted").orElseThrow();
    assertThat(entry.launcherKind()).isEqualTo(LauncherKind.REMOTE);
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.notLaunchableReason()).contains("remote");
    assertThat(entry.transport()).isEqualTo(Transport.SSE);
    assertThat(entry.remotes())
        .containsExactly(new RemoteEndpoint(Transport.SSE, "https://mcp.hosted.example.com/sse"));
    assertThat(entry.secrets()).extracting(SecretSpec::env).containsExactly("HOSTED_API_KEY");
    assertThat(entry.publisher()).isEqualTo("hosted.example.com");
  }

  @Test
  void aPerToolContainerServerListsItsInlineTools() {
    CatalogEntry entry = entry("docker.per-tool").orElseThrow();
    assertThat(entry.launchable()).isFalse();
    assertThat(entry.tools()).containsExactly(new ToolSummary("fetch", "Fetch a URL."));
  }

  @Test
  void theServersDirectoryItselfReadsToTheSameEntries() throws IOException {
    Path servers = SeedCatalog.fixture("docker-mixed").resolve("servers");
    ImportBatch flat = DockerRegistryImporter.read(servers, NOW);
    assertThat(flat.entries())
        .extracting(CatalogEntry::id)
        .isEqualTo(batch.entries().stream().map(CatalogEntry::id).toList());
    assertThat(flat.skipped()).hasSameSizeAs(batch.skipped());
  }

  @Test
  void aDirectoryWithoutServerFilesIsRefused(@TempDir Path empty) throws IOException {
    Files.createDirectories(empty.resolve("servers").resolve("nothing-here"));
    assertThatThrownBy(() -> DockerRegistryImporter.read(empty, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.yaml");
  }

  @Test
  void anUnsafeSecretNameSkipsTheServer(@TempDir Path dir) throws IOException {
    Path server = Files.createDirectories(dir.resolve("servers").resolve("sneaky"));
    Files.writeString(
        server.resolve("server.yaml"),
        """
        name: sneaky
        image: example/sneaky
        config:
          secrets:
            - name: ../../host/file
              env: SNEAKY
        """);
    ImportBatch sneaky = DockerRegistryImporter.read(dir, NOW);
    assertThat(sneaky.entries()).isEmpty();
    assertThat(sneaky.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("secret name"));
  }

  private static Optional<CatalogEntry> entry(String id) {
    return batch.entries().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static Optional<String> skipFor(String dir) {
    return batch.skipped().stream()
        .filter(s -> s.source().equals("servers/" + dir + "/server.yaml"))
        .map(SkippedEntry::reason)
        .findFirst();
  }
}
