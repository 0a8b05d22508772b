package dev.harbor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guardrail profiles by name, their limits, and the user a container runs as. */
class GuardrailProfileTest {

  @ParameterizedTest
  @ValueSource(strings = {"restricted", "RESTRICTED", "Restricted"})
  void restrictedIsFoundByNameWhateverTheCase(String name) {
    assertThat(GuardrailProfile.named(name)).containsSame(GuardrailProfile.RESTRICTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "STANDARD", "Standard"})
  void standardIsFoundByNameWhateverTheCase(String name) {
    assertThat(GuardrailProfile.named(name)).containsSame(GuardrailProfile.STANDARD);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " restricted", "privileged", "unrestricted", "host"})
  void otherNamesAreNoProfile(String name) {
    assertThat(GuardrailProfile.named(name)).isEmpty();
  }

  @Test
  void restrictedHasTheDocumentedLimits() {
    GuardrailProfile restricted = GuardrailProfile.RESTRICTED;

    assertThat(restricted.name()).isEqualTo("restricted");
    assertThat(restricted.memoryMiB()).isEqualTo(256);
    assertThat(restricted.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(restricted.pidsLimit()).isEqualTo(128);
    assertThat(restricted.tmpfs()).containsOnlyKeys("/tmp");
    assertThat(restricted.tmpfs().get("/tmp")).contains("noexec", "nosuid", "nodev", "size=64m");
    assertThat(restricted.restartLimit()).isEqualTo(3);
  }

  @Test
  void standardAllowsMoreThanRestricted() {
    GuardrailProfile standard = GuardrailProfile.STANDARD;

    assertThat(standard.memoryMiB()).isEqualTo(1024);
    assertThat(standard.nanoCpus()).isEqualTo(1_000_000_000L);
    assertThat(standard.pidsLimit()).isEqualTo(512);
    assertThat(standard.tmpfs().get("/tmp")).contains("noexec", "size=256m");
    assertThat(standard.memoryBytes()).isGreaterThan(GuardrailProfile.RESTRICTED.memoryBytes());
  }

  @Test
  void aProfilesTmpfsCannotBeChangedAfterwards() {
    Map<String, String> tmpfs = new HashMap<>(Map.of("/tmp", "rw,size=1m"));
    GuardrailProfile profile = new GuardrailProfile("custom", 1L << 20, 1, 1, tmpfs, 0);
    tmpfs.put("/var", "rw");

    assertThat(profile.tmpfs()).containsOnlyKeys("/tmp");
    assertThatThrownBy(() -> profile.tmpfs().put("/etc", "rw")).isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "root", "0", "root:root", "0:0", "root:1000", "0:1000", " root ", "00", "+0", "-0", "000:0"})
  void imagesWithoutUserOrWithRootRunAsTheUnprivilegedUser(String imageUser) {
    assertThat(GuardrailProfile.RESTRICTED.userFor(imageUser)).isEqualTo("65534:65534")
        .isEqualTo(GuardrailProfile.UNPRIVILEGED_USER);
    assertThat(GuardrailProfile.STANDARD.userFor(imageUser)).isEqualTo("65534:65534");
  }

  @ParameterizedTest
  @ValueSource(strings = {"node", "node:node", "1000", "1000:1000", "65534:65534", "rooty", "10", "01000"})
  void imagesWithTheirOwnNonRootUserRunAsIt(String imageUser) {
    assertThat(GuardrailProfile.RESTRICTED.userFor(imageUser)).isEqualTo(imageUser);
    assertThat(GuardrailProfile.STANDARD.userFor(imageUser)).isEqualTo(imageUser);
  }

  @Test
  void anImageUserIsTakenWithoutSurroundingSpace() {
    assertThat(GuardrailProfile.RESTRICTED.userFor(" 1000:1000 ")).isEqualTo("1000:1000");
  }
}
