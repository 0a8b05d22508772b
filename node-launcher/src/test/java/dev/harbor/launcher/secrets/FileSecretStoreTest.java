package dev.harbor.launcher.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets as files: owner-only directories, read-only files replaced atomically, handed to the
 * container's user, and gone without trace with their instance. Granting by uid needs root, which
 * the test machines run as.
 */
class FileSecretStoreTest {

  @TempDir Path dir;
  private Path root;
  private FileSecretStore store;

  @BeforeEach
  void open() {
    root = dir.resolve("harbor/node-a/secrets");
    store = new FileSecretStore(root);
  }

  @Test
  void theRootIsMadeOwnerOnly() throws IOException {
    assertThat(mode(root)).isEqualTo("rwx------");
    assertThat(store.root()).isEqualTo(root);
  }

  @Test
  void anExistingRootIsTightened() throws IOException {
    Path loose = Files.createDirectories(dir.resolve("loose"));
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));

    new FileSecretStore(loose);

    assertThat(mode(loose)).isEqualTo("rwx------");
  }

  @Test
  void aStoredSecretIsAReadOnlyFileInAnOwnerOnlyDirectory() throws IOException {
    store.put("i-1", "api_token", bytes("s3cret"));

    Path file = root.resolve("i-1/api_token");
    assertThat(mode(root.resolve("i-1"))).isEqualTo("rwx------");
    assertThat(mode(file)).isEqualTo("r--------");
    assertThat(Files.readString(file)).isEqualTo("s3cret");
  }

  @Test
  void aNewValueReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    store.put("i-1", "api_token", bytes("first"));
    Path file = root.resolve("i-1/api_token");
    Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    try (InputStream reader = Files.newInputStream(file)) {
      store.put("i-1", "api_token", bytes("second"));

      assertThat(new String(reader.readAllBytes(), StandardCharsets.UTF_8))
          .as("a reader of the old file sees the whole old value")
          .isEqualTo("first");
    }
    assertThat(Files.readString(file)).isEqualTo("second");
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .as("a new file moved into place, not the old one rewritten").isNotEqualTo(before);
    assertThat(mode(file)).isEqualTo("r--------");
    assertThat(listing(root.resolve("i-1"))).containsExactly("api_token");
  }

  @Test
  void aLeftoverTemporaryFileDoesNotStopTheNextPut() throws IOException {
    store.put("i-1", "api_token", bytes("first"));
    Files.writeString(root.resolve("i-1/.api_token.new"), "half");

    store.put("i-1", "api_token", bytes("second"));

    assertThat(Files.readString(root.resolve("i-1/api_token"))).isEqualTo("second");
    assertThat(listing(root.resolve("i-1"))).containsExactly("api_token");
  }

  @Test
  void namesAndFilesIgnoreTemporaryFiles() throws IOException {
    store.put("i-1", "api_token", bytes("v"));
    store.put("i-1", "db.password", bytes("w"));
    Files.writeString(root.resolve("i-1/.other.new"), "half-written");

    assertThat(store.names("i-1")).containsExactly("api_token", "db.password");
    assertThat(store.files("i-1", Set.of("api_token", "other", ".other.new")))
        .containsOnlyKeys("api_token")
        .containsEntry("api_token", root.resolve("i-1/api_token"));
  }

  @Test
  void anInstanceWithoutSecretsHasNoNamesAndNoFiles() {
    assertThat(store.names("i-none")).isEmpty();
    assertThat(store.files("i-none", Set.of("api_token"))).isEmpty();
  }

  @Test
  void grantingANumericUserHandsTheFilesToItsUidAndGid() throws IOException {
    store.put("i-1", "api_token", bytes("v"));
    store.put("i-1", "other", bytes("w"));

    store.grant("i-1", "65534:65533");

    for (String name : List.of("api_token", "other")) {
      Path file = root.resolve("i-1").resolve(name);
      assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
      assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65533);
      assertThat(mode(file)).isEqualTo("r--------");
    }
    assertThat(mode(root.resolve("i-1"))).isEqualTo("rwx------");
  }

  @Test
  void grantingAUidAloneUsesItAsTheGidToo() throws IOException {
    store.put("i-1", "api_token", bytes("v"));

    store.grant("i-1", "1234");

    Path file = root.resolve("i-1/api_token");
    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(1234);
    assertThat(mode(file)).isEqualTo("r--------");
  }

  @Test
  void grantingANamedUserMakesTheFilesReadableByAll() throws IOException {
    store.put("i-1", "api_token", bytes("v"));

    store.grant("i-1", "node");

    assertThat(mode(root.resolve("i-1/api_token"))).isEqualTo("r--r--r--");
    assertThat(mode(root.resolve("i-1"))).isEqualTo("rwx------");
  }

  @Test
  void valuesForRedactionAreTheStrippedNonEmptyValues() {
    store.put("i-1", "api_token", bytes("s3cret\n"));
    store.put("i-1", "empty", bytes("  \n"));

    assertThat(store.valuesForRedaction("i-1")).containsExactly("s3cret");
  }

  @Test
  void deleteAllLeavesNothingBehind() throws IOException {
    store.put("i-1", "api_token", bytes("v"));
    store.put("i-1", "other", bytes("w"));
    store.grant("i-1", "65534:65534");
    Files.writeString(root.resolve("i-1/.other.new"), "half");
    store.put("i-2", "api_token", bytes("x"));

    store.deleteAll("i-1");

    assertThat(root.resolve("i-1")).doesNotExist();
    assertThat(store.names("i-1")).isEmpty();
    assertThat(store.instances()).containsExactly("i-2");
    assertThat(Files.readString(root.resolve("i-2/api_token"))).isEqualTo("x");
  }

  @Test
  void deletingAnInstanceWithoutSecretsDoesNothing() {
    store.deleteAll("i-none");

    assertThat(store.instances()).isEmpty();
  }

  @Test
  void instancesAreThoseWithSecretDirectories() throws IOException {
    store.put("i-2", "api_token", bytes("v"));
    store.put("i-1", "api_token", bytes("v"));
    Files.writeString(root.resolve("stray-file"), "not an instance");

    assertThat(store.instances()).containsExactly("i-1", "i-2");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "../escape", "..", ".hidden", "a/b", "with space", "-dash-first"})
  void unacceptableInstanceIdsAreRefused(String instanceId) {
    assertThatThrownBy(() -> store.put(instanceId, "api_token", bytes("v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instance id");
    assertThatThrownBy(() -> store.names(instanceId)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.files(instanceId, Set.of("api_token"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.grant(instanceId, "65534")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.valuesForRedaction(instanceId)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.deleteAll(instanceId)).isInstanceOf(IllegalArgumentException.class);
    assertThat(listing(dir)).containsExactly("harbor");
    assertThat(listing(root)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "../escape", "..", ".hidden", "a/b", "with space"})
  void unacceptableSecretNamesAreRefusedBeforeAnythingIsWritten(String name) {
    assertThatThrownBy(() -> store.put("i-1", name, bytes("v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret name");
    assertThat(listing(root)).isEmpty();
  }

  @Test
  void anOverlongSecretNameIsRefused() {
    assertThatThrownBy(() -> store.put("i-1", "x".repeat(129), bytes("v")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(listing(root)).isEmpty();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> listing(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
