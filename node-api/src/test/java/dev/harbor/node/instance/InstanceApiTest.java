package dev.harbor.node.instance;

import static dev.harbor.node.KafkaNode.error;
import static dev.harbor.node.KafkaNode.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.Fixtures;
import dev.harbor.node.KafkaNode;
import dev.harbor.platform.catalog.Page;
import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.api.InstanceStatusView;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.type.Argument;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceApiTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Actor AGENT = new Actor(CallerKind.AGENT, "instance-agent", null);
  private static final Actor OTHER_AGENT = new Actor(CallerKind.AGENT, "another-agent", null);
  private static final Actor SCRIPT = new Actor(CallerKind.SCRIPT, "nightly", null);
  private static final Actor LISTER = new Actor(CallerKind.SCRIPT, "lister", null);

  @TempDir static Path home;

  private static KafkaNode node;
  private static String operator;
  private static String agent;

  @BeforeAll
  static void startNode() {
    node = KafkaNode.start(home);
    operator = node.operatorToken();
    agent = node.issueToken("agent", AGENT.name());
    publish("i-list-old", "listed", InstanceStatus.ACTIVE, AGENT, T0);
    publish("i-list-mid", "listed", InstanceStatus.REMOVED, LISTER, T0.plusSeconds(60));
    publish("i-list-new", "listed-too", InstanceStatus.ACTIVE, LISTER, T0.plusSeconds(120));
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void instancesAreListedNewestFirstAndFilteredByStatusEntryAndRequester() {
    assertThat(ids("/v1/mcp/instances?catalogId=" + id("listed"))).containsExactly("i-list-mid", "i-list-old");
    assertThat(ids("/v1/mcp/instances?catalogId=" + id("listed") + "&status=active")).containsExactly("i-list-old");
    assertThat(ids("/v1/mcp/instances?requestedByKind=script&requestedByName=lister"))
        .containsExactly("i-list-new", "i-list-mid");
    assertThat(ids("/v1/mcp/instances?requestedByName=lister&status=removed")).containsExactly("i-list-mid");
  }

  @Test
  void instancesArePaged() {
    Page<Instance> second = page("/v1/mcp/instances?requestedByName=lister&size=1&page=1");

    assertThat(second.items()).extracting(Instance::id).containsExactly("i-list-mid");
    assertThat(second.total()).isEqualTo(2);
    assertThat(second.size()).isEqualTo(1);
  }

  @Test
  void unknownParametersAndBadFilterValuesAreRefusedNamingThem() {
    assertThat(error(node.get("/v1/mcp/instances?owner=x", agent), 400).field()).isEqualTo("owner");
    assertThat(error(node.get("/v1/mcp/instances?status=sleeping", agent), 400).message()).contains("pending_approval");
    assertThat(error(node.get("/v1/mcp/instances?status=sleeping", agent), 400).field()).isEqualTo("status");
    assertThat(error(node.get("/v1/mcp/instances?requestedByKind=robot", agent), 400).field())
        .isEqualTo("requestedByKind");
    assertThat(error(node.get("/v1/mcp/instances?catalogId=UPPER", agent), 400).field()).isEqualTo("catalogId");
    assertThat(error(node.get("/v1/mcp/instances?size=0", agent), 400).field()).isEqualTo("size");
    assertThat(error(node.get("/v1/mcp/approvals?all=true", agent), 400).field()).isEqualTo("all");
  }

  @Test
  void oneInstanceAndItsStatusAreShownToAnyCaller() {
    Instance instance = read(node.get("/v1/mcp/instances/i-list-old", agent).body(), Instance.class);
    InstanceStatusView status =
        read(node.get("/v1/mcp/instances/i-list-old/status", agent).body(), InstanceStatusView.class);

    assertThat(instance.catalogId()).isEqualTo(id("listed"));
    assertThat(instance.requestedBy()).isEqualTo(AGENT);
    assertThat(status).isEqualTo(InstanceStatusView.of(instance));
    assertThat(node.get("/v1/mcp/instances/i-list-old/status", agent).body())
        .contains("\"status\":\"active\"", "\"approvalState\":\"not_required\"");
  }

  @Test
  void anUnknownInstanceIsNotFoundAndAMalformedIdIsABadRequest() {
    assertThat(error(node.get("/v1/mcp/instances/i-nowhere", agent), 404).message()).contains("i-nowhere");
    assertThat(error(node.post("/v1/mcp/instances/i-nowhere/remove", agent), 404).error()).isEqualTo("not_found");
    assertThat(error(node.get("/v1/mcp/instances/%2Fetc", agent), 400).field()).isEqualTo("id");
  }

  @Test
  void readsNeedAToken() {
    assertThat(node.get("/v1/mcp/instances", null).statusCode()).isEqualTo(401);
    assertThat(node.get("/v1/mcp/approvals", null).statusCode()).isEqualTo(401);
  }

  @Test
  void pendingApprovalsAreListedOldestFirstWithWhatTheOperatorApproves() {
    publish("i-appr-late", "appr-late", InstanceStatus.PENDING_APPROVAL, AGENT, T0.plus(2, ChronoUnit.DAYS));
    publish("i-appr-early", "appr-early", InstanceStatus.PENDING_APPROVAL, SCRIPT, T0.plus(1, ChronoUnit.DAYS));

    List<ApprovalItem> approvals = approvals("");

    List<ApprovalItem> mine = approvals.stream().filter(a -> a.instanceId().startsWith("i-appr-")).toList();
    assertThat(mine).extracting(ApprovalItem::instanceId).containsExactly("i-appr-early", "i-appr-late");
    assertThat(mine.get(0).specHash()).isEqualTo(Fixtures.SPEC_HASH);
    assertThat(mine.get(0).requestedBy()).isEqualTo(SCRIPT);
    assertThat(mine.get(0).catalogId()).isEqualTo(id("appr-early"));
    assertThat(mine.get(0).expiresAt()).isEqualTo(T0.plus(2, ChronoUnit.DAYS));
    assertThat(mine.get(0).state()).isEqualTo(ApprovalState.PENDING);
  }

  @Test
  void mineListsOnlyTheCallersOwnInstances() {
    publish("i-mine-agent", "mine-a", InstanceStatus.ACTIVE, AGENT, T0.plus(6, ChronoUnit.DAYS));
    publish("i-mine-script", "mine-b", InstanceStatus.ACTIVE, SCRIPT, T0.plus(6, ChronoUnit.DAYS));
    publish("i-mine-other", "mine-c", InstanceStatus.ACTIVE, OTHER_AGENT, T0.plus(6, ChronoUnit.DAYS));

    List<String> mine = ids("/v1/mcp/instances?mine=true&size=200");
    assertThat(mine).contains("i-mine-agent").doesNotContain("i-mine-script", "i-mine-other");
    assertThat(page("/v1/mcp/instances?mine=true&size=200").items())
        .allSatisfy(i -> assertThat(i.requestedBy().name()).isEqualTo(AGENT.name()));
    assertThat(ids("/v1/mcp/instances?mine=false&size=200")).contains("i-mine-agent", "i-mine-script");
    assertThat(error(node.get("/v1/mcp/instances?mine=maybe", agent), 400).field()).isEqualTo("mine");
    assertThat(error(node.get("/v1/mcp/instances?mine=true&requestedByName=someone-else", agent), 400).field())
        .isEqualTo("mine");
  }

  @Test
  void approvalsArePagedLikeEveryOtherListing() {
    publish("i-apage-1", "apage-1", InstanceStatus.PENDING_APPROVAL, AGENT, T0.plus(3, ChronoUnit.DAYS));
    publish("i-apage-2", "apage-2", InstanceStatus.PENDING_APPROVAL, AGENT, T0.plus(4, ChronoUnit.DAYS));
    publish("i-apage-3", "apage-3", InstanceStatus.PENDING_APPROVAL, AGENT, T0.plus(5, ChronoUnit.DAYS));
    List<ApprovalItem> all = approvals("?size=200");
    assertThat(all).extracting(ApprovalItem::instanceId).contains("i-apage-1", "i-apage-2", "i-apage-3");

    HttpResponse<String> second = node.get("/v1/mcp/approvals?page=1&size=2", agent);
    Page<?> page = read(second.body(), Argument.of(Page.class, ApprovalItem.class));
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.size()).isEqualTo(2);
    assertThat(page.total()).isEqualTo(all.size());
    assertThat(approvals("?page=1&size=2")).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
    assertThat(approvals("?page=1000&size=200")).isEmpty();
    assertThat(node.get("/v1/mcp/approvals?page=1000", agent).body()).contains("\"items\":[]");
    assertThat(error(node.get("/v1/mcp/approvals?size=0", agent), 400).field()).isEqualTo("size");
    assertThat(error(node.get("/v1/mcp/approvals?page=x", agent), 400).field()).isEqualTo("page");
  }

  @Test
  void anOperatorApprovesThePendingSpecAndIsAnsweredWithTheInstanceOnceTheStreamMovedIt() throws Exception {
    Instance pending = publish("i-approve-ok", "approve-ok", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());
    CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() ->
        node.post("/v1/mcp/instances/i-approve-ok/approve", operator, "{\"note\": \"looks fine\"}"));

    Command command = node.awaitCommand(c -> c.type() == CommandType.APPROVE && "i-approve-ok".equals(c.instanceId()));
    Approval approved = new Approval(ApprovalState.APPROVED, Fixtures.SPEC_HASH, pending.approval().requestedAt(),
        pending.approval().expiresAt(), command.actor(), command.at(), command.note());
    node.publishInstance(Fixtures.moved(pending, InstanceStatus.INSTALLING, approved, command.id()));
    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);

    assertThat(command.details()).isEqualTo(Map.of("specHash", Fixtures.SPEC_HASH));
    assertThat(command.note()).isEqualTo("looks fine");
    assertThat(command.catalogId()).isEqualTo(id("approve-ok"));
    assertThat(node.keyOf(command)).isEqualTo("i-approve-ok");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response.body(), Instance.class).status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void anApprovalThePolicyStreamDoesNotApplyInTimeIsAnswered202WithTheInstanceAsItIs() {
    publish("i-approve-slow", "approve-slow", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());

    HttpResponse<String> response = node.post("/v1/mcp/instances/i-approve-slow/approve", operator,
        "{\"specHash\": \"" + Fixtures.SPEC_HASH + "\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(read(response.body(), Instance.class).status()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
  }

  @Test
  void theAgentThatAskedMayNotApproveItsOwnSetupAndTheRefusalIsAudited() {
    publish("i-self-approve", "self-approve", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());

    assertThat(error(node.post("/v1/mcp/instances/i-self-approve/approve", agent, "{}"), 403).message())
        .contains("operator");

    Command notice = refusalOf("i-self-approve");
    assertThat(notice.details()).containsEntry("action", "approve").containsEntry("outcome", "denied");
    assertThat(notice.actor().name()).isEqualTo(AGENT.name());
    assertThat(sent(CommandType.APPROVE, "i-self-approve")).isFalse();
  }

  @Test
  void approvingWhatIsNotPendingIsAConflictAndTheRefusalIsAudited() {
    publish("i-not-pending", "not-pending", InstanceStatus.ACTIVE, AGENT, Instant.now());

    assertThat(error(node.post("/v1/mcp/instances/i-not-pending/approve", operator), 409).message())
        .contains("active");

    assertThat(refusalOf("i-not-pending").details()).containsEntry("status", "active").containsEntry("outcome", "failed");
    assertThat(sent(CommandType.APPROVE, "i-not-pending")).isFalse();
  }

  @Test
  void approvingAnotherLaunchSpecOrAnExpiredRequestIsAConflict() {
    publish("i-other-spec", "other-spec", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());
    publish("i-expired", "expired", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now().minus(2, ChronoUnit.DAYS));

    assertThat(error(node.post("/v1/mcp/instances/i-other-spec/approve", operator,
        "{\"specHash\": \"" + "cd".repeat(32) + "\"}"), 409).message()).contains("launch spec");
    assertThat(error(node.post("/v1/mcp/instances/i-expired/approve", operator), 409).message()).contains("expired");
    assertThat(sent(CommandType.APPROVE, "i-other-spec")).isFalse();
    assertThat(sent(CommandType.APPROVE, "i-expired")).isFalse();
  }

  @Test
  void approvalBodiesAreCheckedNamingTheField() {
    publish("i-bad-body", "bad-body", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());

    assertThat(error(node.post("/v1/mcp/instances/i-bad-body/approve", operator, "{\"specHash\": \"xyz\"}"), 400)
        .field()).isEqualTo("specHash");
    assertThat(error(node.post("/v1/mcp/instances/i-bad-body/deny", operator, "{\"note\": \"" + "n".repeat(501) + "\"}"),
        400).field()).isEqualTo("note");
    assertThat(error(node.post("/v1/mcp/instances/i-bad-body/deny", operator, "{\"why\": \"x\"}"), 400).field())
        .isEqualTo("why");
  }

  @Test
  void anOperatorDeniesWithANote() {
    publish("i-deny", "deny", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());

    node.post("/v1/mcp/instances/i-deny/deny", operator, "{\"note\": \"not today\"}");

    Command command = node.awaitCommand(c -> c.type() == CommandType.DENY && "i-deny".equals(c.instanceId()));
    assertThat(command.note()).isEqualTo("not today");
    assertThat(command.actor().kind()).isEqualTo(CallerKind.OPERATOR);
  }

  @Test
  void anAgentRemovesItsOwnInstance() throws Exception {
    Instance active = publish("i-own", "own", InstanceStatus.ACTIVE, AGENT, Instant.now());
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(() -> node.post("/v1/mcp/instances/i-own/remove", agent));

    Command command = node.awaitCommand(c -> c.type() == CommandType.REMOVE && "i-own".equals(c.instanceId()));
    node.publishInstance(Fixtures.moved(active, InstanceStatus.REMOVING, null, command.id()));

    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response.body(), Instance.class).status()).isIn(InstanceStatus.REMOVING, InstanceStatus.REMOVED);
    assertThat(command.actor().name()).isEqualTo(AGENT.name());
  }

  @Test
  void anAgentMayNotRemoveOrRestartSomeoneElsesInstanceAndTheRefusalIsAudited() {
    publish("i-foreign", "foreign", InstanceStatus.ACTIVE, OTHER_AGENT, Instant.now());

    assertThat(error(node.post("/v1/mcp/instances/i-foreign/remove", agent), 403).message())
        .contains("only instances they requested");
    assertThat(error(node.post("/v1/mcp/instances/i-foreign/restart", agent), 403).error()).isEqualTo("forbidden");

    assertThat(refusalOf("i-foreign").details()).containsEntry("outcome", "denied");
    assertThat(sent(CommandType.REMOVE, "i-foreign")).isFalse();
    assertThat(sent(CommandType.RESTART, "i-foreign")).isFalse();
  }

  @Test
  void anOperatorRestartsAnInstanceSomeoneElseRequested() {
    publish("i-restart", "restart", InstanceStatus.FAILED, OTHER_AGENT, Instant.now());

    assertThat(node.post("/v1/mcp/instances/i-restart/restart", operator).statusCode()).isEqualTo(202);

    assertThat(sent(CommandType.RESTART, "i-restart")).isTrue();
  }

  @Test
  void actionsTheStatusDoesNotAllowAreConflictsAndAreAudited() {
    publish("i-removed", "removed", InstanceStatus.REMOVED, AGENT, Instant.now());
    publish("i-pending", "pending", InstanceStatus.PENDING_APPROVAL, AGENT, Instant.now());

    assertThat(error(node.post("/v1/mcp/instances/i-removed/remove", agent), 409).message())
        .isEqualTo("cannot remove an instance that is removed");
    assertThat(error(node.post("/v1/mcp/instances/i-pending/restart", agent), 409).message())
        .isEqualTo("cannot restart an instance that is pending_approval");

    assertThat(refusalOf("i-removed").details()).containsEntry("action", "remove").containsEntry("status", "removed");
    assertThat(refusalOf("i-pending").details()).containsEntry("action", "restart");
    assertThat(sent(CommandType.REMOVE, "i-removed")).isFalse();
    assertThat(sent(CommandType.RESTART, "i-pending")).isFalse();
  }

  private static Instance publish(String id, String entry, InstanceStatus status, Actor requestedBy, Instant createdAt) {
    return node.publishInstance(
        Fixtures.instance(node.nodeId(), id, id(entry), status, requestedBy, createdAt, "test"));
  }

  private static Command refusalOf(String instanceId) {
    Command notice = node.awaitCommand(
        c -> c.notice() == AuditEventType.TRANSITION_REFUSED && instanceId.equals(c.instanceId()));
    assertThat(notice.type()).isEqualTo(CommandType.NOTICE);
    assertThat(notice.details()).containsKeys("action", "status", "outcome", "reason");
    return notice;
  }

  private static boolean sent(CommandType type, String instanceId) {
    return node.commands().stream().anyMatch(c -> c.type() == type && instanceId.equals(c.instanceId()));
  }

  @SuppressWarnings("unchecked")
  private static Page<Instance> page(String path) {
    HttpResponse<String> response = node.get(path, agent);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (Page<Instance>) read(response.body(), Argument.of(Page.class, Instance.class));
  }

  @SuppressWarnings("unchecked")
  private static List<ApprovalItem> approvals(String query) {
    HttpResponse<String> response = node.get("/v1/mcp/approvals" + query, agent);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ((Page<ApprovalItem>) read(response.body(), Argument.of(Page.class, ApprovalItem.class))).items();
  }

  private static List<String> ids(String path) {
    return page(path).items().stream().map(Instance::id).toList();
  }

  private static String id(String name) {
    return node.nodeId() + "." + name;
  }
}
