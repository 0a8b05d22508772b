package dev.harbor.node.catalog;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", "catalog-agent");
    node.publishCatalog(entry("disable-me"), entry("enable-me"), entry("untouched"), entry("slow"), entry("viewed"),
        entry("agent-target"));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void aDisableIsSentAsACommandAndAnsweredOnceTheMirrorShowsTheNewState() throws Exception {
    String id = id("disable-me");
    CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
        () -> node.post("/v1/mcp/catalog/" + id + "/disable", operator, "{\"reason\": \"  not on this host \"}"));

    Command command = node.awaitCommand(c -> c.type() == CommandType.DISABLE && id.equals(c.catalogId()));
    node.publishState(new CatalogEntryState(id, false, command.note(), command.actor(), command.at(), null));
    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);

    assertThat(command.note()).isEqualTo("not on this host");
    assertThat(command.actor()).isEqualTo(new Actor(CallerKind.OPERATOR, "operator", operator.substring(4, 16)));
    assertThat(command.nodeId()).isEqualTo(node.nodeId());
    assertThat(node.keyOf(command)).isEqualTo(id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    CatalogItem item = read(response.body(), CatalogItem.class);
    assertThat(item.local().enabled()).isFalse();
    assertThat(item.local().reason()).isEqualTo("not on this host");
  }

  @Test
  void anEnableIsSentAsAnEnableCommandWithoutANote() throws Exception {
    String id = id("enable-me");
    Actor someone = new Actor(CallerKind.OPERATOR, "someone", null);
    node.publishState(new CatalogEntryState(id, false, "was off", someone, Instant.now(), null));
    await().until(() -> node.bean(NodeCatalog.class).state(id).isPresent());
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(() -> node.post("/v1/mcp/catalog/" + id + "/enable", operator));

    Command command = node.awaitCommand(c -> c.type() == CommandType.ENABLE && id.equals(c.catalogId()));
    node.publishState(new CatalogEntryState(id, true, null, command.actor(), command.at(), null));

    assertThat(command.note()).isNull();
    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response.body(), CatalogItem.class).local().enabled()).isTrue();
  }

  @Test
  void askingForTheStateAnEntryAlreadyHasSendsNothing() {
    String id = id("untouched");

    HttpResponse<String> response = node.post("/v1/mcp/catalog/" + id + "/enable", operator);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(node.commands()).noneMatch(c -> id.equals(c.catalogId()) && c.type() == CommandType.ENABLE);
  }

  @Test
  void aChangeThePolicyStreamDoesNotShowInTimeIsAnswered202WithTheEntryAsItIs() {
    String id = id("slow");

    HttpResponse<String> response =
        node.post("/v1/mcp/catalog/" + id + "/disable", operator, "{\"reason\": \"later\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(read(response.body(), CatalogItem.class).local().enabled()).isTrue();
    assertThat(node.commands()).anyMatch(c -> id.equals(c.catalogId()) && c.type() == CommandType.DISABLE);
  }

  @Test
  void anAgentMayNotDisableAndNothingIsSent() {
    String id = id("agent-target");

    assertThat(error(node.post("/v1/mcp/catalog/" + id + "/disable", agent, "{}"), 403).message())
        .contains("operator");
    assertThat(node.commands()).noneMatch(c -> id.equals(c.catalogId()) && c.type() == CommandType.DISABLE);
  }

  @Test
  void aReasonWithControlCharactersIsRefusedNamingItAndNothingIsSent() {
    String id = id("agent-target");

    assertThat(error(node.post("/v1/mcp/catalog/" + id + "/disable", operator, "{\"reason\": \"a\\u0007b\"}"), 400)
        .field()).isEqualTo("reason");
    assertThat(node.commands()).noneMatch(c -> id.equals(c.catalogId()) && c.type() == CommandType.DISABLE);
  }

  @Test
  void anUnknownEntryIsNotFound() {
    assertThat(error(node.post("/v1/mcp/catalog/" + id("nowhere") + "/enable", operator), 404).message())
        .contains("nowhere");
  }

  @Test
  void searchesAndViewsAreSentAsNoticesWithTheCallerAndTheQuery() {
    String id = id("viewed");

    assertThat(node.get("/v1/mcp/catalog/search?q=zebra-probe&state=all", agent).statusCode()).isEqualTo(200);
    assertThat(node.get("/v1/mcp/catalog/" + id, agent).statusCode()).isEqualTo(200);

    Command search = node.awaitCommand(c -> c.notice() == AuditEventType.CATALOG_SEARCHED
        && "zebra-probe".equals(c.details().get("q")));
    Command view = node.awaitCommand(c -> c.notice() == AuditEventType.CATALOG_VIEWED && id.equals(c.catalogId()));
    assertThat(search.type()).isEqualTo(CommandType.NOTICE);
    assertThat(search.actor().name()).isEqualTo("catalog-agent");
    assertThat(search.details()).containsEntry("state", "all").containsKey("total");
    assertThat(view.type()).isEqualTo(CommandType.NOTICE);
    assertThat(node.keyOf(view)).isEqualTo(id);
  }

  @Test
  void issuingATokenIsSentAsANoticeWithoutTheToken() {
    String token = node.issueToken("script", "noticed");

    Command notice = node.awaitCommand(c -> c.notice() == AuditEventType.TOKEN_CREATED
        && "noticed".equals(c.details().get("name")));
    assertThat(notice.details()).containsEntry("kind", "script");
    assertThat(notice.toString()).doesNotContain(token.substring(17));
  }

  private static String id(String name) {
    return node.nodeId() + "." + name;
  }

  private static CatalogEntry entry(String name) {
    return Fixtures.entry(id(name));
  }
}
