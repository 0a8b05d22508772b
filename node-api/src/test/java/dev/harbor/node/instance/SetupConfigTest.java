package dev.harbor.node.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.BadRequestException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupConfigTest {

  @Test
  void anAbsentConfigurationIsEmpty() {
    assertThat(SetupConfig.check(null)).isEmpty();
  }

  @Test
  void wellFormedKeysAndValuesPassUnchanged() {
    Map<String, String> config = Map.of("server.port", "8080", "Path_1", "/srv/data", "empty", "", "dash-in", "a-b");

    assertThat(SetupConfig.check(config)).isEqualTo(config);
  }

  @Test
  void aValueThatLooksLikeAFlagIsRefusedNamingItsKey() {
    assertRefused(Map.of("path", "-rf"), "config.path");
  }

  @Test
  void controlCharactersInAValueAreRefusedNamingItsKey() {
    assertRefused(Map.of("name", "a\u0000b"), "config.name");
    assertRefused(Map.of("name", "line\nbreak"), "config.name");
  }

  @Test
  void aValueOverAThousandCharactersIsRefusedNamingItsKey() {
    assertThat(SetupConfig.check(Map.of("v", "x".repeat(1000)))).hasSize(1);
    assertRefused(Map.of("v", "x".repeat(1001)), "config.v");
  }

  @Test
  void aMissingValueIsRefusedNamingItsKey() {
    Map<String, String> config = new HashMap<>();
    config.put("v", null);

    assertRefused(config, "config.v");
  }

  @Test
  void malformedKeysAreRefusedWithoutEchoingThem() {
    assertRefused(Map.of("has space", "x"), "config");
    assertRefused(Map.of("k".repeat(65), "x"), "config");
    assertRefused(Map.of("", "x"), "config");
  }

  @Test
  void moreThanFiftyKeysAreRefused() {
    Map<String, String> config = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      config.put("k" + i, "v");
    }

    assertRefused(config, "config");
    config.remove("k0");
    assertThat(SetupConfig.check(config)).hasSize(50);
  }

  private static void assertRefused(Map<String, String> config, String field) {
    assertThatThrownBy(() -> SetupConfig.check(config))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
