package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.harbor.schemas.api.InstanceStatusView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every refusal a Node sends becomes the matching typed exception, with the Node's code, field and message. */
class ErrorMappingTest extends FakeNodeTest {

  @Test
  void aBadRequestNamesTheFieldTheNodeNamed() {
    node.onJson("POST", "/v1/mcp/setup", 400,
        Samples.error(400, "bad_request", "config.path", "must not start with '-'"));

    assertThatThrownBy(() -> client.setup("test.everything", Map.of("path", "-x"), null))
        .asInstanceOf(type(BadRequestException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.error()).isEqualTo("bad_request");
          assertThat(e.field()).contains("config.path");
          assertThat(e.serverMessage()).contains("must not start with '-'");
          assertThat(e.getMessage()).isEqualTo("HTTP 400 bad_request (field config.path): must not start with '-'");
        });
  }

  @Test
  void eachStatusHasItsOwnException() {
    assertRefusal(401, "unauthorized", UnauthorizedException.class);
    assertRefusal(403, "forbidden", ForbiddenException.class);
    assertRefusal(404, "not_found", NotFoundException.class);
    assertRefusal(409, "conflict", ConflictException.class);
  }

  @Test
  void aNodeThatIsNotReadySaysWhenToAskAgain() {
    node.on("GET", "/v1/mcp/approvals", new FakeNode.Reply(503,
        Samples.error(503, "not_ready", null, "still catching up"),
        Map.of("Content-Type", "application/json", "Retry-After", "2")));

    assertThatThrownBy(client::approvals)
        .asInstanceOf(type(NotReadyException.class))
        .satisfies(e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
          assertThat(e.error()).isEqualTo("not_ready");
        });
  }

  @Test
  void anyOtherStatusIsAPlainHarborExceptionWithTheNodesCode() {
    node.onJson("GET", "/v1/mcp/policy", 500, Samples.error(500, "internal_error", null, "see the log"));

    assertThatThrownBy(client::policy)
        .isExactlyInstanceOf(HarborException.class)
        .satisfies(e -> assertThat(((HarborException) e).status()).isEqualTo(500))
        .hasMessage("HTTP 500 internal_error: see the log");
  }

  @Test
  void anAnswerWithoutHarborsErrorBodyKeepsItsStatusAndText() {
    node.on("GET", "/v1/tokens", new FakeNode.Reply(502, "Bad Gateway", Map.of("Content-Type", "text/plain")));

    assertThatThrownBy(client::tokens)
        .isExactlyInstanceOf(HarborException.class)
        .hasMessage("HTTP 502: Bad Gateway");
  }

  @Test
  void anEmptyErrorAnswerStillThrows() {
    node.on("DELETE", "/v1/tokens/t1", new FakeNode.Reply(404, "", Map.of()));

    assertThatThrownBy(() -> client.revokeToken("t1"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("HTTP 404");
  }

  @Test
  void aNodeThatCannotBeReachedIsAnIoFailureNotAHarborRefusal() {
    String base = node.baseUri();
    node.close();
    HarborClient unreachable = HarborClient.builder().baseUri(base).token("hbr_a_b")
        .requestTimeout(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> unreachable.status("i-1")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET /v1/mcp/instances/i-1/status");
  }

  @Test
  void aSuccessfulAnswerThatIsNotTheExpectedRecordIsNotSwallowed() {
    node.onJson("GET", "/v1/mcp/instances/i-1/status", 200, "{\"id\":");

    assertThatThrownBy(() -> client.status("i-1")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("InstanceStatusView");
  }

  private void assertRefusal(int status, String code, Class<? extends HarborException> type) {
    node.onJson("GET", "/v1/mcp/instances/i-" + status, status, Samples.error(status, code, null, "refused " + status));

    assertThatThrownBy(() -> client.instance("i-" + status))
        .isExactlyInstanceOf(type)
        .satisfies(e -> {
          HarborException harbor = (HarborException) e;
          assertThat(harbor.status()).isEqualTo(status);
          assertThat(harbor.error()).isEqualTo(code);
          assertThat(harbor.field()).isEmpty();
          assertThat(harbor.serverMessage()).contains("refused " + status);
        });
  }
}
