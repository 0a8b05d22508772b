package dev.harbor.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.platform.catalog.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTokenBootstrapTest {

  private static final String TOKEN_SHAPE = "hbr_[a-z0-9]{12}_[A-Za-z0-9_-]{43}";

  @TempDir Path home;

  @Test
  void theFirstStartWritesAnOperatorTokenOnlyItsOwnerCanRead() throws Exception {
    try (TestNode node = TestNode.start(home)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.operatorTokenFile())))
          .isEqualTo("rw-------");
      assertThat(node.operatorToken()).matches(TOKEN_SHAPE);

      var response = node.get("/v1/tokens", node.operatorToken());

      assertThat(response.statusCode()).isEqualTo(200);
      Page<?> tokens = ObjectMapper.getDefault()
          .readValue(response.body(), Argument.of(Page.class, TokenInfo.class));
      assertThat(tokens.items()).singleElement().isInstanceOfSatisfying(TokenInfo.class, token -> {
        assertThat(token.kind().wire()).isEqualTo("operator");
        assertThat(token.name()).isEqualTo("operator");
        assertThat(token.createdBy()).isNull();
      });
    }
  }

  @Test
  void theTokenFileIsOnlyReadableByItsOwnerToo() throws Exception {
    try (TestNode node = TestNode.start(home)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.tokensFile())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aRestartWithAValidTokenFileReusesIt() throws Exception {
    String first;
    try (TestNode node = TestNode.start(home)) {
      first = node.operatorToken();
    }

    try (TestNode node = TestNode.start(home)) {
      assertThat(node.operatorToken()).isEqualTo(first);
      assertThat(node.get("/v1/tokens", first).statusCode()).isEqualTo(200);
      assertThat(node.get("/v1/tokens", first).body()).containsOnlyOnce("\"kind\":\"operator\"");
    }
  }

  @Test
  void aRestartWithoutTheTokenFileIssuesANewOperatorToken() throws Exception {
    String first;
    try (TestNode node = TestNode.start(home)) {
      first = node.operatorToken();
      Files.delete(node.operatorTokenFile());
    }

    try (TestNode node = TestNode.start(home)) {
      String second = node.operatorToken();
      assertThat(second).matches(TOKEN_SHAPE).isNotEqualTo(first);
      assertThat(node.get("/v1/tokens", second).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTokenFileHoldingARevokedTokenIsReplacedOnRestart() throws Exception {
    String revoked;
    try (TestNode node = TestNode.start(home)) {
      revoked = node.operatorToken();
      String spare = tokenOf(node.post("/v1/tokens", revoked, "{\"kind\":\"operator\",\"name\":\"spare\"}").body());
      String revokedId = revoked.substring(4, 16);
      assertThat(node.delete("/v1/tokens/" + revokedId, spare).statusCode()).isEqualTo(204);
    }

    try (TestNode node = TestNode.start(home)) {
      String replacement = node.operatorToken();
      assertThat(replacement).isNotEqualTo(revoked);
      assertThat(node.get("/v1/tokens", replacement).statusCode()).isEqualTo(200);
      assertThat(node.get("/v1/tokens", revoked).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aTokenFileHoldingGarbageIsReplacedOnRestart() throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve("operator.token"), "not a token\n");

    try (TestNode node = TestNode.start(home)) {
      assertThat(node.operatorToken()).matches(TOKEN_SHAPE);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.operatorTokenFile())))
          .isEqualTo("rw-------");
    }
  }

  private static String tokenOf(String body) throws Exception {
    return ObjectMapper.getDefault().readValue(body, IssuedToken.class).token();
  }
}
