package dev.harbor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ownership proofs: only the node's own key, for exactly these labels, makes a container Harbor's. */
class OwnershipTest {

  private static final byte[] KEY = key(7);
  private static final byte[] OTHER_KEY = key(8);

  @TempDir Path dir;

  @Test
  void aProofMadeWithTheNodesKeyVerifiesWithTheSameKey() {
    Map<String, String> labels = labels(new Ownership("node-a", KEY));

    assertThat(new Ownership("node-a", KEY).owns(labels)).isTrue();
  }

  @Test
  void aProofFailsWithAnotherKey() {
    Map<String, String> labels = labels(new Ownership("node-a", KEY));

    assertThat(new Ownership("node-a", OTHER_KEY).owns(labels)).isFalse();
  }

  @Test
  void aProofFailsOnAnotherNodeEvenWithTheSameKey() {
    Map<String, String> labels = labels(new Ownership("node-a", KEY));
    Map<String, String> renamed = new HashMap<>(labels);
    renamed.put(Ownership.NODE, "node-b");

    assertThat(new Ownership("node-b", KEY).owns(labels)).isFalse();
    assertThat(new Ownership("node-b", KEY).owns(renamed)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {Ownership.MANAGED_BY, Ownership.NODE, Ownership.INSTANCE, Ownership.CATALOG_ID,
      Ownership.SPEC_HASH, Ownership.ORDER, Ownership.PROOF})
  void anyChangedLabelFails(String label) {
    Ownership ownership = new Ownership("node-a", KEY);
    Map<String, String> changed = new HashMap<>(labels(ownership));
    String value = changed.get(label);
    changed.put(label, value.substring(0, value.length() - 1) + (value.endsWith("0") ? "1" : "0"));

    assertThat(ownership.owns(changed)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {Ownership.MANAGED_BY, Ownership.NODE, Ownership.INSTANCE, Ownership.CATALOG_ID,
      Ownership.SPEC_HASH, Ownership.ORDER, Ownership.PROOF})
  void aMissingLabelFails(String label) {
    Ownership ownership = new Ownership("node-a", KEY);
    Map<String, String> missing = new HashMap<>(labels(ownership));
    missing.remove(label);

    assertThat(ownership.owns(missing)).isFalse();
  }

  @Test
  void noLabelsAtAllFail() {
    Ownership ownership = new Ownership("node-a", KEY);

    assertThat(ownership.owns(null)).isFalse();
    assertThat(ownership.owns(Map.of())).isFalse();
    assertThat(ownership.claims(null)).isFalse();
    assertThat(ownership.claims(Map.of())).isFalse();
  }

  @Test
  void aLookAlikeClaimsTheNodeWithoutOwningIt() {
    Ownership ownership = new Ownership("node-a", KEY);
    Map<String, String> lookalike = new HashMap<>(labels(ownership));
    lookalike.put(Ownership.PROOF, "f".repeat(64));

    assertThat(ownership.claims(lookalike)).isTrue();
    assertThat(ownership.owns(lookalike)).isFalse();
    assertThat(ownership.claims(labels(ownership))).isTrue();
  }

  @Test
  void labelsOfAnotherNodeOrOwnerAreNotEvenClaimed() {
    Map<String, String> theirs = labels(new Ownership("node-b", KEY));
    Map<String, String> foreign = new HashMap<>(labels(new Ownership("node-a", KEY)));
    foreign.put(Ownership.MANAGED_BY, "someone-else");

    Ownership ownership = new Ownership("node-a", KEY);
    assertThat(ownership.claims(theirs)).isFalse();
    assertThat(ownership.claims(foreign)).isFalse();
    assertThat(ownership.owns(foreign)).isFalse();
  }

  @Test
  void containerNamesDeriveFromNodeAndInstance() {
    assertThat(new Ownership("node-a", KEY).containerName("i-42")).isEqualTo("harbor-node-a-i-42");
  }

  @Test
  void anUnacceptableNodeIdIsRefused() {
    assertThatThrownBy(() -> new Ownership("Node A/..", KEY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeyFileIsCreatedOwnerOnlyAndReusedOnTheNextLoad() throws IOException {
    Path keyFile = dir.resolve("nodes/node-a/launcher.key");

    Ownership first = Ownership.load("node-a", keyFile);
    String written = Files.readString(keyFile);
    Ownership second = Ownership.load("node-a", keyFile);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(written).matches("[0-9a-f]{64}");
    assertThat(Files.readString(keyFile)).isEqualTo(written);
    assertThat(second.owns(labels(first))).isTrue();
    assertThat(first.owns(labels(second))).isTrue();
  }

  @Test
  void eachNewKeyFileHoldsAFreshKey() {
    Ownership one = Ownership.load("node-a", dir.resolve("one/launcher.key"));
    Ownership two = Ownership.load("node-a", dir.resolve("two/launcher.key"));

    assertThat(two.owns(labels(one))).isFalse();
  }

  private static Map<String, String> labels(Ownership ownership) {
    return ownership.labels("i-1", "test.server", "a".repeat(64), "o-1");
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
