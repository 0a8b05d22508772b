package dev.harbor.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.http.ApiError;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenApiTest {

  @TempDir static Path home;

  private static TestNode node;
  private static String operator;

  @BeforeAll
  static void startNode() throws IOException {
    node = TestNode.start(home);
    operator = node.operatorToken();
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void aRequestWithoutATokenIsRefusedWithABearerChallenge() throws Exception {
    HttpResponse<String> response = node.get("/v1/tokens", null);

    assertThat(error(response, 401)).isEqualTo(
        new ApiError(401, "unauthorized", "missing bearer token", null));
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void garbageTokensAreRefused() throws Exception {
    String wellFormedButUnknown = "hbr_abcdefghijkl_" + "A".repeat(43);
    String knownIdWrongSecret = operator.substring(0, 17) + "B".repeat(43);

    for (String token : List.of("garbage", wellFormedButUnknown, knownIdWrongSecret, operator + "x")) {
      HttpResponse<String> response = node.get("/v1/tokens", token);
      assertThat(error(response, 401).message()).isEqualTo("invalid or revoked token");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
  }

  @Test
  void aNonBearerAuthorizationIsRefused() throws Exception {
    HttpResponse<String> response = node.send(node.request("/v1/tokens", null)
        .header("Authorization", "Basic b3BlcmF0b3I6c2VjcmV0"));

    assertThat(error(response, 401).message()).contains("Bearer");
  }

  @Test
  void anUnknownRouteUnderV1IsRefusedToAnAnonymousCaller() throws Exception {
    assertThat(node.get("/v1/no-such-thing", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anOperatorIssuesAnAgentTokenThatCannotManageTokens() throws Exception {
    HttpResponse<String> created = node.post("/v1/tokens", operator,
        "{\"kind\": \"agent\", \"name\": \"claude@laptop\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
    IssuedToken issued = ObjectMapper.getDefault().readValue(created.body(), IssuedToken.class);
    assertThat(issued.kind()).isEqualTo(CallerKind.AGENT);
    assertThat(issued.name()).isEqualTo("claude@laptop");
    assertThat(issued.token()).startsWith("hbr_" + issued.id() + "_");

    HttpResponse<String> listed = node.get("/v1/tokens", issued.token());

    assertThat(error(listed, 403).message()).isEqualTo("this action requires an operator token");
  }

  @Test
  void aScriptTokenCannotIssueTokens() throws Exception {
    String script = issue("script", "nightly-sync").token();

    HttpResponse<String> response =
        node.post("/v1/tokens", script, "{\"kind\": \"operator\", \"name\": \"escalated\"}");

    assertThat(error(response, 403).error()).isEqualTo("forbidden");
    assertThat(names()).doesNotContain("escalated");
  }

  @Test
  void aRevokedTokenIsRefusedOnTheVeryNextRequest() throws Exception {
    IssuedToken agent = issue("agent", "short-lived");
    assertThat(node.get("/v1/tokens", agent.token()).statusCode()).isEqualTo(403);

    assertThat(node.delete("/v1/tokens/" + agent.id(), operator).statusCode()).isEqualTo(204);

    assertThat(error(node.get("/v1/tokens", agent.token()), 401).message())
        .isEqualTo("invalid or revoked token");
    assertThat(names()).doesNotContain("short-lived");
  }

  @Test
  void revokingAnUnknownTokenIsNotFound() throws Exception {
    ApiError error = error(node.delete("/v1/tokens/zzzzzzzzzzzz", operator), 404);

    assertThat(error.message()).contains("zzzzzzzzzzzz");
  }

  @Test
  void theRawTokenAppearsNeitherInTheTokenFileNorInTheList() throws Exception {
    IssuedToken script = issue("script", "backup");
    String secret = script.token().substring(17);

    String file = Files.readString(node.tokensFile());
    String list = node.get("/v1/tokens", operator).body();

    assertThat(file).contains(script.id()).doesNotContain(secret).doesNotContain(operator.substring(17));
    assertThat(list).contains(script.id()).doesNotContain(secret).doesNotContain("token\"");
  }

  @Test
  void theTokenListIsPaged() throws Exception {
    issue("script", "paged-1");
    issue("script", "paged-2");
    long total = tokens("").total();
    assertThat(total).isGreaterThanOrEqualTo(3);

    Page<?> first = tokens("?size=1");
    assertThat(first.items()).hasSize(1);
    assertThat(first.total()).isEqualTo(total);
    List<Object> second = List.copyOf(tokens("?page=1&size=1").items());
    assertThat(second).hasSize(1).doesNotContainAnyElementsOf(List.copyOf(first.items()));
    assertThat(error(node.get("/v1/tokens?size=201", operator), 400).field()).isEqualTo("size");
    assertThat(error(node.get("/v1/tokens?kind=agent", operator), 400).field()).isEqualTo("kind");
  }

  @Test
  void issuingAndRevokingAreAuditedAsTheOperatorWithoutTheToken() throws Exception {
    IssuedToken agent = issue("agent", "audited");
    node.delete("/v1/tokens/" + agent.id(), operator);
    Actor operatorActor = new Actor(CallerKind.OPERATOR, "operator", operator.substring(4, 16));
    Map<String, String> details = Map.of("id", agent.id(), "kind", "agent", "name", "audited");

    List<AuditEvent> events = node.audit().events().stream()
        .filter(e -> agent.id().equals(e.details().get("id")))
        .toList();

    assertThat(events).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.TOKEN_CREATED, AuditEventType.TOKEN_REVOKED);
    assertThat(events).allSatisfy(event -> {
      assertThat(event.actor()).isEqualTo(operatorActor);
      assertThat(event.details()).isEqualTo(details);
      assertThat(event.nodeId()).isEqualTo(TestNode.NODE_ID);
      assertThat(event.toString()).doesNotContain(agent.token().substring(17));
    });
  }

  @Test
  void malformedJsonIsRefusedAndIssuesNothing() throws Exception {
    byte[] before = Files.readAllBytes(node.tokensFile());

    ApiError error = error(node.post("/v1/tokens", operator, "{\"kind\": \"agent\", "), 400);

    assertThat(error.message()).startsWith("malformed JSON: ");
    assertThat(Files.readAllBytes(node.tokensFile())).isEqualTo(before);
  }

  @Test
  void anUnknownFieldIsRefusedNamingItAndIssuesNothing() throws Exception {
    byte[] before = Files.readAllBytes(node.tokensFile());

    ApiError error = error(node.post("/v1/tokens", operator,
        "{\"kind\": \"agent\", \"name\": \"x\", \"admin\": true}"), 400);

    assertThat(error.field()).isEqualTo("admin");
    assertThat(Files.readAllBytes(node.tokensFile())).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsRefusedAndIssuesNothing() throws Exception {
    byte[] before = Files.readAllBytes(node.tokensFile());
    String huge = "{\"kind\": \"agent\", \"name\": \"" + "n".repeat(80 * 1024) + "\"}";

    ApiError error = error(node.post("/v1/tokens", operator, huge), 413);

    assertThat(error.error()).isEqualTo("payload_too_large");
    assertThat(Files.readAllBytes(node.tokensFile())).isEqualTo(before);
  }

  @Test
  void anUnknownKindIsRefusedListingTheAcceptedKinds() throws Exception {
    ApiError error = error(node.post("/v1/tokens", operator,
        "{\"kind\": \"admin\", \"name\": \"x\"}"), 400);

    assertThat(error.field()).isEqualTo("kind");
    assertThat(error.message()).contains("operator").contains("agent").contains("script");
  }

  @Test
  void aMissingKindIsRefusedNamingTheField() throws Exception {
    ApiError error = error(node.post("/v1/tokens", operator, "{\"name\": \"x\"}"), 400);

    assertThat(error.field()).isEqualTo("kind");
  }

  @Test
  void namesOutsideTheAllowedCharactersOrLengthAreRefused() throws Exception {
    for (String name : List.of("", "has space", "semi;colon", "n".repeat(65))) {
      ApiError error = error(node.post("/v1/tokens", operator,
          "{\"kind\": \"agent\", \"name\": \"" + name + "\"}"), 400);
      assertThat(error.field()).isEqualTo("name");
    }
    assertThat(issue("agent", "n".repeat(64)).name()).hasSize(64);
  }

  @Test
  void aForeignHostIsRefusedEvenWithAValidToken() throws Exception {
    assertThat(node.statusWithHost("/v1/tokens", "evil.example", operator)).isEqualTo(403);
    assertThat(node.statusWithHost("/v1/tokens", "localhost:8080", operator)).isEqualTo(200);
  }

  private static IssuedToken issue(String kind, String name) throws Exception {
    HttpResponse<String> response = node.post("/v1/tokens", operator,
        "{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ObjectMapper.getDefault().readValue(response.body(), IssuedToken.class);
  }

  private static List<String> names() throws Exception {
    return tokens("?size=200").items().stream().map(t -> ((TokenInfo) t).name()).toList();
  }

  private static Page<?> tokens(String query) throws Exception {
    HttpResponse<String> response = node.get("/v1/tokens" + query, operator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ObjectMapper.getDefault().readValue(response.body(), Argument.of(Page.class, TokenInfo.class));
  }

  private static ApiError error(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return ObjectMapper.getDefault().readValue(response.body(), ApiError.class);
  }
}
