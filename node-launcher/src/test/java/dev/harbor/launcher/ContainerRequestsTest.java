package dev.harbor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.launch.OrderType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a launch order becomes before Docker is called, and what the launcher refuses to run. */
class ContainerRequestsTest {

  private static final String NODE = "node-a";
  private static final String INSTANCE = "i-1";
  private static final String CATALOG_ID = "test.server";
  private static final int HOST_PORT = 45_678;
  private static final ImageFacts IMAGE = new ImageFacts("sha256:abc", "mcp/server@sha256:def",
      List.of("/usr/local/bin/node", "/app/server.mjs"), List.of("streamableHttp"), null);

  private final Ownership ownership = new Ownership(NODE, new byte[32]);

  @TempDir Path dir;

  @Test
  void commandAndArgumentsBecomeWholeArgvTokensAndNoShellSplitsThem() throws LaunchFailure {
    ContainerRequest request = request(new Spec()
        .command("node", "/app/server.mjs")
        .args("--greeting", "hello world", "a; rm -rf /", "$(id)", "`id`"));

    assertThat(request.entrypoint()).isNull();
    assertThat(request.cmd())
        .containsExactly("node", "/app/server.mjs", "--greeting", "hello world", "a; rm -rf /", "$(id)", "`id`");
    assertThat(request.clientCommand()).containsExactly("/usr/local/bin/node", "/app/server.mjs",
        "node", "/app/server.mjs", "--greeting", "hello world", "a; rm -rf /", "$(id)", "`id`");
  }

  @Test
  void anEntryWithoutCommandKeepsTheImageCommand() throws LaunchFailure {
    ContainerRequest request = request(new Spec());

    assertThat(request.cmd()).isEmpty();
    assertThat(request.clientCommand()).containsExactly("/usr/local/bin/node", "/app/server.mjs", "streamableHttp");
  }

  @Test
  void nonSecretEnvironmentBecomesNameValuePairsWithValuesUntouched() throws LaunchFailure {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LOG_LEVEL", "debug");
    env.put("_GREETING2", "hello world; $(id)");

    assertThat(request(new Spec().env(env)).env())
        .containsExactlyInAnyOrder("LOG_LEVEL=debug", "_GREETING2=hello world; $(id)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1LEADING_DIGIT", "WITH-DASH", "WITH SPACE", "A=B", "", "NAME\n"})
  void environmentVariableNamesAreValidated(String name) {
    assertThatThrownBy(() -> request(new Spec().env(Map.of(name, "x"))))
        .isInstanceOf(LaunchFailure.class)
        .hasMessageContaining("environment variable name")
        .hasMessageContaining("is not acceptable");
  }

  @Test
  void anOverlongEnvironmentVariableNameIsRefused() {
    assertThatThrownBy(() -> request(new Spec().env(Map.of("A".repeat(129), "x"))))
        .isInstanceOf(LaunchFailure.class)
        .hasMessageContaining("is not acceptable");
  }

  @Test
  void volumesInTheSpecAreRefusedWithAPlainReason() {
    assertThatThrownBy(() -> request(new Spec().volumes(new VolumeSpec("{{data}}:/data"))))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the entry declares volumes (1), and Harbor mounts no host path into a server");
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, names = {"MIXED", "UNKNOWN"})
  void transportsOtherThanStdioAndHttpAreRefused(Transport transport) {
    assertThatThrownBy(() -> request(new Spec().transport(transport)))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the entry's transport is " + transport.wire() + "; Harbor launches stdio and HTTP servers");
  }

  @Test
  void legacySseIsServedLikeStreamableHttp() throws LaunchFailure {
    ContainerRequest request = request(new Spec().transport(Transport.SSE));

    assertThat(request.stdio()).isFalse();
    assertThat(request.containerPort()).isEqualTo(3001);
    assertThat(request.hostPort()).isEqualTo(HOST_PORT);
  }

  @Test
  void httpWithoutAPortIsRefused() {
    assertThatThrownBy(() -> request(new Spec().ports()))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the entry serves HTTP but declares no port");
  }

  @Test
  void httpWithOnlyImpossiblePortsIsRefused() {
    assertThatThrownBy(() -> request(new Spec().ports(new PortSpec("zero", 0, "tcp"), new PortSpec("big", 70_000, "tcp"))))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the entry serves HTTP but declares no port");
  }

  @Test
  void theFirstUsablePortOfTheSpecIsPublishedOnlyAtTheHostPortHarborChose() throws LaunchFailure {
    ContainerRequest request = request(new Spec()
        .ports(new PortSpec("bad", 0, "tcp"), new PortSpec("http", 8080, "tcp"), new PortSpec("admin", 9090, "tcp")));

    assertThat(request.containerPort()).isEqualTo(8080);
    assertThat(request.hostPort()).isEqualTo(HOST_PORT);
  }

  @Test
  void aStdioServerPublishesNoPortEvenWhenTheSpecDeclaresOne() throws LaunchFailure {
    ContainerRequest request = request(new Spec().transport(Transport.STDIO).args("stdio"));

    assertThat(request.stdio()).isTrue();
    assertThat(request.containerPort()).isZero();
    assertThat(request.hostPort()).isZero();
  }

  @Test
  void aStdioServerWithoutNetworkGetsNone() throws LaunchFailure {
    assertThat(request(new Spec().transport(Transport.STDIO)).network()).isEqualTo("none");
  }

  @Test
  void anHttpServerWithoutNetworkGetsTheNetworkWithNoRouteOut() throws LaunchFailure {
    assertThat(request(new Spec()).network()).isEqualTo(ContainerRequests.NO_EGRESS_NETWORK)
        .isEqualTo("harbor-no-egress");
  }

  @Test
  void serversAskingForEgressGetTheBridgeNetwork() throws LaunchFailure {
    assertThat(request(new Spec().network(NetworkMode.EGRESS)).network()).isEqualTo("bridge");
    assertThat(request(new Spec().network(NetworkMode.EGRESS).transport(Transport.STDIO)).network())
        .isEqualTo("bridge");
  }

  @Test
  void secretFilesAreBoundAtRunSecretsAndNothingElseIsBound() throws LaunchFailure {
    Path token = dir.resolve("api_token");
    Path other = dir.resolve("other.key");
    Map<String, Path> stored = Map.of("api_token", token, "other.key", other, "not-asked-for", dir.resolve("x"));

    ContainerRequest request = request(new Spec().secrets("api_token", "other.key", "not-stored"), stored, absent());

    assertThat(request.secretFiles()).containsExactlyInAnyOrderEntriesOf(Map.of(
        token.toString(), "/run/secrets/api_token",
        other.toString(), "/run/secrets/other.key"));
    assertThat(request.env()).noneMatch(e -> e.startsWith("HARBOR_SECRET_ENV="));
    assertThat(request.entrypoint()).isNull();
  }

  @Test
  void anEntryWithoutSecretsBindsNothing() throws LaunchFailure {
    assertThat(request(new Spec()).secretFiles()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "../escape", "..", "a..b", ".hidden", "with space", "comma,name", ""})
  void aSecretNameThatCannotBeAPlainFileNameIsRefused(String name) {
    assertThatThrownBy(() -> request(new Spec().secrets(name), Map.of(name, dir.resolve("x")), absent()))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("secret name '" + name + "' cannot be a file name");
  }

  @Test
  void aSecretExportedAsEnvironmentNeedsTheWrapperOnTheNode() {
    Path missing = dir.resolve("bin/secret-env");

    assertThatThrownBy(() -> request(envSecretSpec(), secretFiles(), missing))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the server reads secrets from environment variables, and this node has no "
            + "secret-environment wrapper at " + missing);
  }

  @Test
  void withTheWrapperTheEntrypointIsTheWrapperThenTheImageEntrypointAndTheCommandStays() throws Exception {
    Path wrapper = wrapper();

    ContainerRequest request = request(envSecretSpec(), secretFiles(), wrapper);

    assertThat(request.entrypoint()).containsExactly(
        "/run/harbor/secret-env", "--", "/usr/local/bin/node", "/app/server.mjs");
    assertThat(request.cmd()).containsExactly("streamableHttp");
    assertThat(request.env()).contains(
        "HARBOR_SECRET_ENV=API_TOKEN=/run/secrets/api_token,DB_PASSWORD=/run/secrets/db.password");
    assertThat(request.secretFiles()).containsExactlyInAnyOrderEntriesOf(Map.of(
        dir.resolve("api_token").toString(), "/run/secrets/api_token",
        dir.resolve("db.password").toString(), "/run/secrets/db.password",
        wrapper.toString(), "/run/harbor/secret-env"));
    assertThat(request.clientCommand()).containsExactly(
        "/run/harbor/secret-env", "--", "/usr/local/bin/node", "/app/server.mjs", "streamableHttp");
  }

  @Test
  void withTheWrapperTheSpecCommandReplacesTheImageCommand() throws Exception {
    ContainerRequest request = request(envSecretSpec().args("--port", "9000"), secretFiles(), wrapper());

    assertThat(request.entrypoint()).startsWith("/run/harbor/secret-env", "--");
    assertThat(request.cmd()).containsExactly("--port", "9000");
  }

  @Test
  void withTheWrapperAnImageWithoutEntrypointRunsTheCommandThroughIt() throws Exception {
    ImageFacts bare = new ImageFacts("sha256:bare", null, List.of(), List.of("/server"), null);

    ContainerRequest request = ContainerRequests.of(ownership, order(envSecretSpec().build()), CATALOG_ID,
        GuardrailProfile.RESTRICTED, bare, HOST_PORT, secretFiles(), wrapper());

    assertThat(request.entrypoint()).containsExactly("/run/harbor/secret-env", "--");
    assertThat(request.cmd()).containsExactly("/server");
  }

  @Test
  void withTheWrapperAnImageWithoutEntrypointAndAnEntryWithoutCommandIsRefused() throws Exception {
    ImageFacts empty = new ImageFacts("sha256:empty", null, List.of(), List.of(), null);
    Path wrapper = wrapper();

    assertThatThrownBy(() -> ContainerRequests.of(ownership, order(envSecretSpec().build()), CATALOG_ID,
        GuardrailProfile.RESTRICTED, empty, HOST_PORT, secretFiles(), wrapper))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("the image names no entrypoint and the entry no command");
  }

  @Test
  void anExportedVariableNameIsValidated() throws Exception {
    Path wrapper = wrapper();

    assertThatThrownBy(() -> request(new Spec().secrets("api_token").secretEnv(Map.of("api_token", "API-TOKEN")),
        secretFiles(), wrapper))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("environment variable name 'API-TOKEN' is not acceptable");
  }

  @Test
  void anExportedSecretNameIsValidatedLikeAFileName() throws Exception {
    Path wrapper = wrapper();

    assertThatThrownBy(() -> request(new Spec().secretEnv(Map.of("x,Y=/etc/passwd", "API_TOKEN")),
        secretFiles(), wrapper))
        .isInstanceOf(LaunchFailure.class)
        .hasMessage("secret name 'x,Y=/etc/passwd' cannot be a file name");
  }

  @Test
  void labelsCarryNodeInstanceCatalogSpecHashOrderAndAProofOwnershipVerifies() throws LaunchFailure {
    LaunchSpec spec = new Spec().build();
    LaunchOrder order = order(spec);

    ContainerRequest request = ContainerRequests.of(ownership, order, CATALOG_ID, GuardrailProfile.RESTRICTED,
        IMAGE, HOST_PORT, Map.of(), absent());

    assertThat(request.name()).isEqualTo("harbor-node-a-i-1");
    assertThat(request.image()).isEqualTo("sha256:abc");
    assertThat(request.labels())
        .containsEntry(Ownership.MANAGED_BY, "harbor")
        .containsEntry(Ownership.NODE, NODE)
        .containsEntry(Ownership.INSTANCE, INSTANCE)
        .containsEntry(Ownership.CATALOG_ID, CATALOG_ID)
        .containsEntry(Ownership.SPEC_HASH, spec.hash())
        .containsEntry(Ownership.ORDER, order.id())
        .containsKey(Ownership.PROOF);
    assertThat(ownership.owns(request.labels())).isTrue();
    assertThat(new Ownership(NODE, new byte[] {1}).owns(request.labels())).isFalse();
  }

  @Test
  void theProfileTravelsWithTheRequest() throws LaunchFailure {
    ContainerRequest request = ContainerRequests.of(ownership, order(new Spec().build()), CATALOG_ID,
        GuardrailProfile.STANDARD, IMAGE, HOST_PORT, Map.of(), absent());

    assertThat(request.profile()).isSameAs(GuardrailProfile.STANDARD);
  }

  @Test
  void anImageWithoutUserOrWithRootRunsAsTheUnprivilegedUser() throws LaunchFailure {
    for (String user : new String[] {null, "", "root", "0", "0:0", "root:root"}) {
      assertThat(requestFor(user).user()).as("image user %s", user).isEqualTo("65534:65534");
    }
  }

  @Test
  void anImageWithItsOwnUnprivilegedUserRunsAsThatUser() throws LaunchFailure {
    assertThat(requestFor("node").user()).isEqualTo("node");
    assertThat(requestFor("1000:1000").user()).isEqualTo("1000:1000");
  }

  // helpers

  private ContainerRequest requestFor(String imageUser) throws LaunchFailure {
    ImageFacts image = new ImageFacts(IMAGE.id(), null, IMAGE.entrypoint(), IMAGE.cmd(), imageUser);
    return ContainerRequests.of(ownership, order(new Spec().build()), CATALOG_ID, GuardrailProfile.RESTRICTED,
        image, HOST_PORT, Map.of(), absent());
  }

  private ContainerRequest request(Spec spec) throws LaunchFailure {
    return request(spec, Map.of(), absent());
  }

  private ContainerRequest request(Spec spec, Map<String, Path> secretFiles, Path wrapper) throws LaunchFailure {
    return ContainerRequests.of(ownership, order(spec.build()), CATALOG_ID, GuardrailProfile.RESTRICTED, IMAGE,
        HOST_PORT, secretFiles, wrapper);
  }

  private static Spec envSecretSpec() {
    return new Spec().secrets("api_token", "db.password")
        .secretEnv(Map.of("api_token", "API_TOKEN", "db.password", "DB_PASSWORD"));
  }

  private Map<String, Path> secretFiles() {
    return Map.of("api_token", dir.resolve("api_token"), "db.password", dir.resolve("db.password"));
  }

  private Path wrapper() throws IOException {
    Path wrapper = dir.resolve("bin/secret-env");
    Files.createDirectories(wrapper.getParent());
    return Files.write(wrapper, new byte[] {0x7f, 'E', 'L', 'F'});
  }

  private Path absent() {
    return dir.resolve("no-wrapper");
  }

  private static LaunchOrder order(LaunchSpec spec) {
    return new LaunchOrder("o-1", NODE, INSTANCE, OrderType.LAUNCH, spec, spec.hash(), "c-1",
        Instant.parse("2026-11-01T00:00:00Z"));
  }

  /** A launch spec under construction: an HTTP server on port 3001 with no network, by default. */
  private static final class Spec {
    private Transport transport = Transport.STREAMABLE_HTTP;
    private List<String> command = List.of();
    private List<String> args = List.of();
    private Map<String, String> env = Map.of();
    private List<String> secretNames = List.of();
    private Map<String, String> secretEnv = Map.of();
    private List<PortSpec> ports = List.of(new PortSpec("http", 3001, "tcp"));
    private List<VolumeSpec> volumes = List.of();
    private NetworkMode network = NetworkMode.NONE;

    Spec transport(Transport value) {
      transport = value;
      return this;
    }

    Spec command(String... value) {
      command = List.of(value);
      return this;
    }

    Spec args(String... value) {
      args = List.of(value);
      return this;
    }

    Spec env(Map<String, String> value) {
      env = value;
      return this;
    }

    Spec secrets(String... names) {
      secretNames = List.of(names);
      return this;
    }

    Spec secretEnv(Map<String, String> value) {
      secretEnv = value;
      return this;
    }

    Spec ports(PortSpec... value) {
      ports = List.of(value);
      return this;
    }

    Spec volumes(VolumeSpec... value) {
      volumes = List.of(value);
      return this;
    }

    Spec network(NetworkMode value) {
      network = value;
      return this;
    }

    LaunchSpec build() {
      return new LaunchSpec("mcp/server", "1.0", null, transport, command, args, env, secretNames, secretEnv,
          ports, volumes, new NetworkSpec(network, List.of()), "restricted");
    }
  }
}
