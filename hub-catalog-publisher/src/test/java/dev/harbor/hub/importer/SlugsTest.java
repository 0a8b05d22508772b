package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @Test
  void aSlugIsLowerCaseWithEveryOtherCharacterTurnedIntoSingleDashes() {
    assertThat(Slugs.slug("io.github.Foo/Bar_Baz")).isEqualTo("io-github-foo-bar-baz");
    assertThat(Slugs.slug("--GitHub  Official--")).isEqualTo("github-official");
  }

  @Test
  void pathTraversalAndShellCharactersLeaveOnlyTheHarmlessParts() {
    assertThat(Slugs.slug("../../etc")).isEqualTo("etc");
    assertThat(Slugs.slug("a;rm -rf /")).isEqualTo("a-rm-rf");
    assertThat(Slugs.slug("$(id)`whoami`")).isEqualTo("id-whoami");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../..", ";|&", "日本語"})
  void aNameWithNothingUsableGivesNoId(String name) {
    assertThat(Slugs.id(Slugs.DOCKER_PREFIX, Slugs.slug(name))).isEmpty();
  }

  @Test
  void anIdLongerThanTheIdPatternAllowsIsRefused() {
    String longName = "x".repeat(200);
    assertThat(Slugs.id(Slugs.OFFICIAL_PREFIX, Slugs.slug(longName))).isEmpty();
    assertThat(Slugs.id(Slugs.OFFICIAL_PREFIX, Slugs.slug("x".repeat(20))))
        .hasValueSatisfying(id -> assertThat(CatalogEntry.isValidId(id)).isTrue());
  }
}
