package dev.harbor.policy;

import static dev.harbor.policy.PolicyHarness.AGENT;
import static dev.harbor.policy.PolicyHarness.OPERATOR;
import static dev.harbor.policy.PolicyHarness.OTHER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.policy.PolicyHarness.Results;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy published to the node's policy topic replaces the defaults, and decisions name its rules. */
class CustomPolicyTest {

  private static final String CI_GITHUB =
      """
      rules:
        - id: ci-github-without-approval
          actions: [mcp.setup]
          callerKinds: [agent]
          callerName: ci-*
          tags: [github]
          effect: allow
        - id: no-shady-servers
          publishers: [shady]
          effect: deny
          reason: servers published by shady are not allowed here
      """;

  @TempDir Path stateDir;
  private PolicyHarness node;

  @BeforeEach
  void start() {
    node = new PolicyHarness(stateDir)
        .catalog(
            TestEntries.entry("docker.github").tags("github").build(),
            TestEntries.entry("docker.shady").publisher("shady").build(),
            TestEntries.simple("docker.fetch"));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void without_a_published_policy_an_agents_setup_waits_for_approval() {
    assertThat(node.setup(AGENT, "i-1", "docker.github").instance().status())
        .isEqualTo(InstanceStatus.PENDING_APPROVAL);
  }

  @Test
  void a_published_rule_lets_ci_agents_set_up_github_servers_without_approval() {
    node.policy(withDefaults(PolicyFiles.parse(CI_GITHUB)));

    Results results = node.setup(AGENT, "i-1", "docker.github");

    Instance instance = results.instance();
    assertThat(instance.status()).isEqualTo(InstanceStatus.INSTALLING);
    assertThat(instance.decision().effect()).isEqualTo(PolicyEffect.ALLOW);
    assertThat(instance.decision().rule()).isEqualTo("ci-github-without-approval");
    assertThat(results.orders()).hasSize(1);
    assertThat(results.audit(AuditEventType.SETUP_REQUESTED).details())
        .containsEntry("rule", "ci-github-without-approval");
  }

  @Test
  void the_same_rule_does_not_apply_to_other_agents_or_other_entries() {
    node.policy(withDefaults(PolicyFiles.parse(CI_GITHUB)));

    assertThat(node.setup(OTHER_AGENT, "i-1", "docker.github").instance().decision().rule())
        .isEqualTo(PolicyDefaults.AGENT_SETUP);
    assertThat(node.setup(AGENT, "i-2", "docker.fetch").instance().decision().rule())
        .isEqualTo(PolicyDefaults.AGENT_SETUP);
  }

  @Test
  void a_rule_that_denies_a_publisher_names_itself_and_its_reason_even_for_operators() {
    List<PolicyRule> rules = new ArrayList<>(PolicyFiles.parse(CI_GITHUB));
    rules.addAll(PolicyDefaults.rules());
    node.policy(rules.toArray(PolicyRule[]::new));

    Results results = node.setup(OPERATOR, "i-1", "docker.shady");

    assertThat(results.instance().status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(results.instance().decision().rule()).isEqualTo("no-shady-servers");
    assertThat(results.instance().decision().reason()).isEqualTo("servers published by shady are not allowed here");
    assertThat(results.audit(AuditEventType.SETUP_DENIED).reason())
        .isEqualTo("servers published by shady are not allowed here");
    assertThat(results.orders()).isEmpty();
  }

  @Test
  void an_empty_policy_denies_everything_by_the_default_deny_rule() {
    node.policy();

    Instance instance = node.setup(OPERATOR, "i-1", "docker.fetch").instance();

    assertThat(instance.status()).isEqualTo(InstanceStatus.DENIED);
    assertThat(instance.decision().rule()).isEqualTo(PolicyEngine.DEFAULT_DENY);
    assertThat(node.disable(OPERATOR, "docker.fetch", null).states()).isEmpty();
  }

  private static PolicyRule[] withDefaults(List<PolicyRule> first) {
    List<PolicyRule> rules = new ArrayList<>(first);
    rules.addAll(PolicyDefaults.rules());
    return rules.toArray(PolicyRule[]::new);
  }
}
