package dev.harbor.node.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

  private static final Caller OPERATOR = new Caller("aaaaaaaaaaaa", CallerKind.OPERATOR, "alice");
  private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");

  @TempDir Path home;

  private TokenService service() {
    return new TokenService(home.resolve("nodes/default/tokens.json"), ObjectMapper.getDefault(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void anIssuedTokenAuthenticatesAsItsKindAndName() {
    TokenService tokens = service();

    IssuedToken issued = tokens.create(CallerKind.SCRIPT, "ci.bot-1@host_a", OPERATOR);

    assertThat(issued.token()).matches("hbr_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
    assertThat(tokens.authenticate(issued.token()))
        .contains(new Caller(issued.id(), CallerKind.SCRIPT, "ci.bot-1@host_a"));
  }

  @Test
  void theListShowsWhoCreatedEachTokenAndWhen() {
    TokenService tokens = service();
    IssuedToken issued = tokens.create(CallerKind.AGENT, "agent-1", OPERATOR);

    assertThat(tokens.list()).containsExactly(
        new TokenInfo(issued.id(), CallerKind.AGENT, "agent-1", NOW, OPERATOR.actor()));
  }

  @Test
  void tokensSurviveARestart() {
    IssuedToken issued = service().create(CallerKind.AGENT, "survivor", OPERATOR);

    TokenService restarted = service();

    assertThat(restarted.authenticate(issued.token())).map(Caller::name).contains("survivor");
    assertThat(restarted.list()).extracting(TokenInfo::id).containsExactly(issued.id());
  }

  @Test
  void aRevokedTokenStopsAuthenticatingAndStaysRevokedAfterARestart() {
    TokenService tokens = service();
    IssuedToken issued = tokens.create(CallerKind.AGENT, "gone", OPERATOR);

    assertThat(tokens.revoke(issued.id(), OPERATOR)).isTrue();

    assertThat(tokens.authenticate(issued.token())).isEmpty();
    assertThat(service().authenticate(issued.token())).isEmpty();
    assertThat(tokens.revoke(issued.id(), OPERATOR)).isFalse();
  }

  @Test
  void tokensThatAreMalformedOrHaveTheWrongSecretDoNotAuthenticate() {
    TokenService tokens = service();
    IssuedToken issued = tokens.create(CallerKind.AGENT, "target", OPERATOR);
    String prefix = issued.token().substring(0, 17);
    String secret = issued.token().substring(17);
    String flipped = prefix + (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);

    assertThat(List.of(
        flipped,
        issued.token() + "=",
        issued.token().substring(1),
        issued.token().toUpperCase(),
        prefix + secret.substring(1) + "+",
        issued.token().replace('_', '-'),
        "",
        "hbr_")).allSatisfy(candidate -> assertThat(tokens.authenticate(candidate)).isEmpty());
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void namesMustBeOneToSixtyFourSafeCharacters() {
    TokenService tokens = service();

    for (String bad : new String[] {"", "with space", "slash/", "quote\"", "é", "x".repeat(65)}) {
      assertThatThrownBy(() -> tokens.create(CallerKind.AGENT, bad, OPERATOR))
          .isInstanceOfSatisfying(BadRequestException.class,
              e -> assertThat(e.field()).isEqualTo("name"));
    }
    assertThatThrownBy(() -> tokens.create(CallerKind.AGENT, null, OPERATOR))
        .isInstanceOf(BadRequestException.class);
    assertThat(tokens.list()).isEmpty();
  }

  @Test
  void theTokenFileIsPrivateAndHoldsNoSecret() throws Exception {
    TokenService tokens = service();
    IssuedToken issued = tokens.create(CallerKind.AGENT, "secretive", OPERATOR);

    String content = Files.readString(tokens.file());

    assertThat(content).contains(issued.id()).doesNotContain(issued.token().substring(17));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.file())))
        .isEqualTo("rw-------");
    try (var siblings = Files.list(tokens.file().getParent())) {
      assertThat(siblings).containsExactly(tokens.file());
    }
  }

  @Test
  void theIssuedTokenDoesNotShowItsValueWhenPrinted() {
    IssuedToken issued = service().create(CallerKind.AGENT, "printed", OPERATOR);

    assertThat(issued.toString()).contains(issued.id()).doesNotContain(issued.token());
  }

  @Test
  void concurrentIssuesAreAllKeptAndPersisted() throws Exception {
    TokenService tokens = service();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<IssuedToken>> work = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String name = "agent-" + i;
      work.add(() -> tokens.create(CallerKind.AGENT, name, OPERATOR));
    }

    List<IssuedToken> issued = new ArrayList<>();
    try {
      for (Future<IssuedToken> future : pool.invokeAll(work)) {
        issued.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    TokenService restarted = service();
    Set<String> ids = new HashSet<>();
    issued.forEach(token -> ids.add(token.id()));
    assertThat(ids).hasSize(200);
    assertThat(restarted.list()).hasSize(200);
    assertThat(issued).allSatisfy(token -> assertThat(restarted.authenticate(token.token())).isPresent());
  }

  @Test
  void anUnreadableTokenFileStopsStartupNamingTheFile() throws Exception {
    Path file = home.resolve("nodes/default/tokens.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{ not json");

    assertThatThrownBy(this::service)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
  }
}
