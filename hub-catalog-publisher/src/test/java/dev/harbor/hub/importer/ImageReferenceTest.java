package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void aBareNameHasNoTagAndFallsBackToLatest() {
    ImageReference image = ImageReference.parse("mcp/aks").orElseThrow();
    assertThat(image.repository()).isEqualTo("mcp/aks");
    assertThat(image.tag()).isNull();
    assertThat(image.tagOr(null)).isEqualTo("latest");
    assertThat(image.tagOr("1.0.0")).isEqualTo("1.0.0");
    assertThat(image.digest()).isNull();
  }

  @Test
  void aRegistryPortIsNotMistakenForATag() {
    ImageReference image = ImageReference.parse("localhost:5000/team/img").orElseThrow();
    assertThat(image.repository()).isEqualTo("localhost:5000/team/img");
    assertThat(image.tag()).isNull();
    assertThat(image.namespace()).contains("team");
  }

  @Test
  void tagAndDigestAreSplitOff() {
    ImageReference image = ImageReference.parse("ghcr.io/o/img:1.2.3@" + DIGEST).orElseThrow();
    assertThat(image.repository()).isEqualTo("ghcr.io/o/img");
    assertThat(image.tagOr("ignored")).isEqualTo("1.2.3");
    assertThat(image.digest()).isEqualTo(DIGEST);
    assertThat(image.namespace()).contains("o");
  }

  @Test
  void aDigestWithoutTagKeepsTheDigest() {
    ImageReference image = ImageReference.parse("docker.io/ns/img@" + DIGEST).orElseThrow();
    assertThat(image.repository()).isEqualTo("docker.io/ns/img");
    assertThat(image.tag()).isNull();
    assertThat(image.digest()).isEqualTo(DIGEST);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "img; rm -rf /",
        "img:tag with space",
        "ns/img@sha256:xyz",
        "$(id)/img",
        "img:",
        "/img",
        ""
      })
  void anythingButAPlainReferenceIsRefused(String reference) {
    assertThat(ImageReference.parse(reference)).isEmpty();
  }
}
