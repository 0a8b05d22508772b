package dev.harbor.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogQueryTest {

  @Test
  void parsesTermsFiltersAndPage() {
    CatalogQuery query =
        CatalogQuery.parse(
            Map.of("q", "  GitHub   Issues ", "tags", "Git, devops", "transport", "stdio", "launcherKind", "docker", "page", "2", "size", "10"));

    assertThat(query.terms()).containsExactly("github", "issues");
    assertThat(query.tags()).containsExactlyInAnyOrder("git", "devops");
    assertThat(query.transport()).isEqualTo(Transport.STDIO);
    assertThat(query.launcherKind()).isEqualTo(LauncherKind.DOCKER);
    assertThat(query.page()).isEqualTo(2);
    assertThat(query.size()).isEqualTo(10);
  }

  @Test
  void emptyParametersMeanNoFilter() {
    CatalogQuery query = CatalogQuery.parse(Map.of("q", "", "transport", " "));

    assertThat(query.terms()).isEmpty();
    assertThat(query.transport()).isNull();
    assertThat(query.size()).isEqualTo(CatalogQuery.DEFAULT_SIZE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "colour|red",
        "transport|pigeon",
        "launcherKind|kubernetes",
        "status|gone",
        "size|0",
        "size|201",
        "page|-1",
        "page|two",
        "q|$(reboot)",
        "q|a;rm -rf /",
        "publisher|x`id`",
        "tags|<script>"
      })
  void refusesBadParametersNamingThem(String name, String value) {
    assertThatThrownBy(() -> CatalogQuery.parse(Map.of(name, value)))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo(name));
  }

  @Test
  void refusesOverlongText() {
    assertThatThrownBy(() -> CatalogQuery.parse(Map.of("q", "a".repeat(CatalogQuery.MAX_TEXT + 1))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("longer than");
  }
}
