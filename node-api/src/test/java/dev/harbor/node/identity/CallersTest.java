package dev.harbor.node.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.platform.http.ForbiddenException;
import dev.harbor.platform.http.UnauthorizedException;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

class CallersTest {

  private static final Caller AGENT = new Caller("abcdefghijkl", CallerKind.AGENT, "claude");

  @Test
  void aRequestWithoutAnAuthenticatedCallerIsUnauthorized() {
    HttpRequest<?> request = HttpRequest.GET("/v1/anything");

    assertThat(Callers.find(request)).isEmpty();
    assertThatThrownBy(() -> Callers.current(request)).isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> Callers.require(request, CallerKind.AGENT))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void theAttachedCallerIsTheCurrentOne() {
    HttpRequest<?> request = HttpRequest.GET("/v1/anything");
    Callers.attach(request, AGENT);

    assertThat(Callers.current(request)).isEqualTo(AGENT);
    assertThat(Callers.require(request, CallerKind.SCRIPT, CallerKind.AGENT)).isEqualTo(AGENT);
  }

  @Test
  void aCallerOfAnotherKindIsForbiddenWithTheRequiredKindsNamed() {
    HttpRequest<?> request = HttpRequest.GET("/v1/anything");
    Callers.attach(request, AGENT);

    assertThatThrownBy(() -> Callers.require(request, CallerKind.OPERATOR))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("this action requires an operator token");
    assertThatThrownBy(() -> Callers.require(request, CallerKind.OPERATOR, CallerKind.SCRIPT))
        .hasMessage("this action requires an operator or script token");
  }

  @Test
  void aCallerActsUnderItsKindNameAndTokenId() {
    assertThat(AGENT.actor()).isEqualTo(new Actor(CallerKind.AGENT, "claude", "abcdefghijkl"));
  }
}
