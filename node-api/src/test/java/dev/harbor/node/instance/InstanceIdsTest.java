package dev.harbor.node.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceIdsTest {

  @Test
  void aKeyedIdIsTheFirstTwentyHexDigitsOfTheHashOfNodeTokenAndKey() throws Exception {
    String expected = "i-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("default|abcdefghijkl|deploy-7".getBytes(StandardCharsets.UTF_8))).substring(0, 20);

    assertThat(InstanceIds.forKey("default", "abcdefghijkl", "deploy-7")).isEqualTo(expected);
  }

  @Test
  void theSameKeyFromAnotherTokenOrNodeNamesAnotherInstance() {
    String id = InstanceIds.forKey("default", "abcdefghijkl", "k");

    assertThat(InstanceIds.forKey("default", "abcdefghijkl", "k")).isEqualTo(id);
    assertThat(InstanceIds.forKey("default", "bbbbbbbbbbbb", "k")).isNotEqualTo(id);
    assertThat(InstanceIds.forKey("other", "abcdefghijkl", "k")).isNotEqualTo(id);
  }

  @Test
  void randomIdsHaveTheSameShapeAndDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(InstanceIds.random());
    }

    assertThat(ids).hasSize(1000).allMatch(id -> id.matches("i-[0-9a-f]{20}"));
  }

  @Test
  void idempotencyKeysAreOneToOneHundredTwentyEightSafeCharacters() {
    assertThat(InstanceIds.checkKey(null)).isNull();
    assertThat(InstanceIds.checkKey("ci:run-7.step_2")).isEqualTo("ci:run-7.step_2");
    assertThat(InstanceIds.checkKey("k".repeat(128))).hasSize(128);
    for (String bad : new String[] {"", "k".repeat(129), "with space", "slash/", "é"}) {
      assertThatThrownBy(() -> InstanceIds.checkKey(bad))
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }
  }
}
