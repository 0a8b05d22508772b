package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.PolicyHarness.Results;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.CallerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's reports become status changes; stale and repeated reports change nothing. */
class LauncherReportsTest {

  @TempDir Path stateDir;
  private PolicyHarness node;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir).catalog(
        TestEntries.simple("docker.fetch"),
        TestEntries.entry("docker.github").secrets(new SecretSpec("github.token", "GITHUB_TOKEN", null, true)).build());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private LaunchOrder launched(String instanceId, String catalogId) {
    Results setup = node.setup(OPERATOR, instanceId, catalogId);
    assertThat(setup.orders()).hasSize(1);
    return setup.orders().getFirst();
  }

  private LauncherEvent started(LaunchOrder order) {
    LauncherEvent plain = node.reportOf(order, LauncherEventType.STARTED);
    return new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), plain.orderId(), plain.type(),
        plain.specHash(), plain.containerName(), "c0ffee", "sha256:feed", null, false, null, null,
        Map.of("url", "http://127.0.0.1:49200/mcp", "serverName", "fetch", "toolCount", "3"), plain.at());
  }

  private LauncherEvent failed(LaunchOrder order, String reason, boolean drift, List<String> logs) {
    LauncherEvent plain = node.reportOf(order, LauncherEventType.FAILED);
    return new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), plain.orderId(), plain.type(),
        plain.specHash(), plain.containerName(), null, null, reason, drift, null, logs, null, plain.at());
  }

  @Test
  void a_started_report_makes_the_instance_active_with_its_connection_info() {
    LaunchOrder order = launched("i-1", "docker.fetch");

    Results results = node.report(started(order));

    Instance active = results.instance();
    assertThat(active.status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(active.connectionInfo()).containsEntry("url", "http://127.0.0.1:49200/mcp");
    assertThat(active.dockerContainerName()).isEqualTo("harbor-node-1-i-1");
    assertThat(active.lastStartedAt()).isNotNull();
    assertThat(active.lastCorrelationId()).isEqualTo(order.correlationId());
    AuditEvent succeeded = results.audit(AuditEventType.LAUNCH_SUCCEEDED);
    assertThat(succeeded.actor().kind()).isEqualTo(CallerKind.SYSTEM);
    assertThat(succeeded.details()).containsEntry("imageDigest", "sha256:feed").containsEntry("toolCount", "3");
    assertThat(succeeded.correlationId()).isEqualTo(order.correlationId());
  }

  @Test
  void a_repeated_report_changes_nothing() {
    LaunchOrder order = launched("i-1", "docker.fetch");
    node.report(started(order));

    assertThat(node.report(started(order)).isEmpty()).isTrue();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.ACTIVE);
  }

  @Test
  void a_report_about_an_older_order_is_stale_and_changes_nothing() {
    LaunchOrder first = launched("i-1", "docker.fetch");
    node.report(started(first));
    LaunchOrder restart = node.restart(OPERATOR, "i-1").orders().getFirst();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);

    assertThat(node.report(started(first)).isEmpty()).isTrue();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);

    assertThat(node.report(started(restart)).instance().status()).isEqualTo(InstanceStatus.ACTIVE);
  }

  @Test
  void a_failure_keeps_the_reason_and_the_last_log_lines_in_the_lifecycle_log() {
    LaunchOrder order = launched("i-1", "docker.fetch");

    Results results = node.report(failed(order, "container was killed: out of memory (limit 256 MiB)", false,
        List.of("allocating", "x".repeat(2_000))));

    Instance failed = results.instance();
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.errorMessage()).isEqualTo("container was killed: out of memory (limit 256 MiB)");
    assertThat(failed.lastStoppedAt()).isNotNull();
    AuditEvent event = results.audit(AuditEventType.LAUNCH_FAILED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.details().get("logTail")).startsWith("allocating\n").hasSizeLessThan(600);
  }

  @Test
  void drift_of_an_active_instance_is_audited_as_such() {
    LaunchOrder order = launched("i-1", "docker.fetch");
    node.report(started(order));

    Results results = node.report(failed(order, "container was removed outside Harbor", true, List.of()));

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(results.instance().connectionInfo()).isEmpty();
    assertThat(results.audit(AuditEventType.CONTAINER_DRIFTED).reason()).isEqualTo("container was removed outside Harbor");
  }

  @Test
  void an_unhealthy_report_degrades_and_a_started_report_recovers() {
    LaunchOrder order = launched("i-1", "docker.fetch");
    node.report(started(order));
    LauncherEvent plain = node.reportOf(order, LauncherEventType.UNHEALTHY);
    LauncherEvent unhealthy = new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), plain.orderId(),
        plain.type(), plain.specHash(), plain.containerName(), null, null, "container is restarting (2 restarts)",
        false, null, null, null, plain.at());

    assertThat(node.report(unhealthy).instance().status()).isEqualTo(InstanceStatus.DEGRADED);
    assertThat(node.report(started(order)).instance().status()).isEqualTo(InstanceStatus.ACTIVE);
  }

  @Test
  void removal_is_complete_only_when_the_launcher_reports_the_container_gone() {
    LaunchOrder launch = launched("i-1", "docker.fetch");
    node.report(started(launch));
    LaunchOrder remove = node.remove(OPERATOR, "i-1").orders().getFirst();
    assertThat(remove.type()).isEqualTo(OrderType.REMOVE);
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.REMOVING);

    Results results = node.report(node.reportOf(remove, LauncherEventType.REMOVED));

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.REMOVED);
    assertThat(results.audit(AuditEventType.REMOVE_SUCCEEDED).correlationId()).isEqualTo(remove.correlationId());
  }

  @Test
  void a_missing_secret_waits_for_an_operator_and_the_launch_is_ordered_again_once_supplied() {
    LaunchOrder order = launched("i-1", "docker.github");
    LauncherEvent plain = node.reportOf(order, LauncherEventType.SECRETS_MISSING);
    LauncherEvent missing = new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), plain.orderId(),
        plain.type(), plain.specHash(), null, null, null, null, false, List.of("github.token"), null, null,
        plain.at());

    Results waiting = node.report(missing);

    assertThat(waiting.instance().status()).isEqualTo(InstanceStatus.SECRET_MISSING);
    assertThat(waiting.instance().errorMessage()).isEqualTo("waiting for an operator to supply secret: github.token");
    assertThat(waiting.audit(AuditEventType.SECRET_MISSING).details()).containsEntry("secrets", "github.token");

    Results supplied = node.secretSupplied(OPERATOR, "i-1", "github.token");

    assertThat(supplied.audit(AuditEventType.SECRET_LINKED).details()).containsExactly(Map.entry("secret", "github.token"));
    assertThat(supplied.instance().status()).isEqualTo(InstanceStatus.INSTALLING);
    LaunchOrder again = supplied.orders().getFirst();
    assertThat(again.type()).isEqualTo(OrderType.LAUNCH);
    assertThat(again.id()).isNotEqualTo(order.id());
    assertThat(again.spec()).isEqualTo(order.spec());
    assertThat(again.specHash()).isEqualTo(order.specHash());
    assertThat(node.report(started(order)).isEmpty()).as("a report about the first order is stale").isTrue();
    assertThat(node.report(started(again)).instance().status()).isEqualTo(InstanceStatus.ACTIVE);
  }

  @Test
  void only_operators_supply_secrets() {
    launched("i-1", "docker.github");

    Results results = node.secretSupplied(AGENT, "i-1", "github.token");

    assertThat(results.auditTypes()).containsExactly(AuditEventType.TRANSITION_REFUSED);
    assertThat(results.orders()).isEmpty();
  }

  @Test
  void a_secret_supplied_before_it_is_missed_is_linked_without_a_new_order() {
    launched("i-1", "docker.github");

    Results results = node.secretSupplied(OPERATOR, "i-1", "github.token");

    assertThat(results.auditTypes()).containsExactly(AuditEventType.SECRET_LINKED);
    assertThat(results.orders()).isEmpty();
    assertThat(node.stored("i-1").status()).isEqualTo(InstanceStatus.INSTALLING);
  }

  @Test
  void removing_an_instance_that_waits_for_secrets_orders_the_launcher_to_clean_up() {
    LaunchOrder order = launched("i-1", "docker.github");
    LauncherEvent plain = node.reportOf(order, LauncherEventType.SECRETS_MISSING);
    node.report(new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), plain.orderId(), plain.type(),
        null, null, null, null, null, false, List.of("github.token"), null, null, plain.at()));

    Results results = node.remove(OPERATOR, "i-1");

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.REMOVING);
    assertThat(results.orders()).extracting(LaunchOrder::type).containsExactly(OrderType.REMOVE);
  }

  @Test
  void a_foreign_container_is_audited_and_changes_no_instance() {
    LaunchOrder order = launched("i-1", "docker.fetch");
    LauncherEvent plain = node.reportOf(order, LauncherEventType.FOREIGN_CONTAINER);

    Results results = node.report(new LauncherEvent(plain.id(), plain.nodeId(), plain.instanceId(), null,
        plain.type(), null, "harbor-node-1-i-1-copy", "bad1", null, "ownership label does not verify", false, null,
        null, null, plain.at()));

    assertThat(results.instances()).isEmpty();
    AuditEvent event = results.audit(AuditEventType.FOREIGN_CONTAINER_FOUND);
    assertThat(event.details()).containsEntry("container", "harbor-node-1-i-1-copy");
    assertThat(event.reason()).isEqualTo("ownership label does not verify");
  }
}
