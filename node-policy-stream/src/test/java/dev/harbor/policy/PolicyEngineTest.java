package dev.harbor.policy;

import static dev.harbor.policy.TestEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final CatalogEntry GITHUB =
      entry("docker.github").tags("GitHub", "scm").publisher("GitHub").transport(Transport.STDIO)
          .secrets(new SecretSpec("github.token", "GITHUB_TOKEN", null, true)).build();
  private static final CatalogEntry TIME = entry("official.time").tags("time").publisher("acme")
      .transport(Transport.STREAMABLE_HTTP).build();

  @Test
  void the_first_matching_rule_decides_even_when_a_later_one_matches_too() {
    PolicySet policy = policy(
        rule("deny-agents").callerKinds(CallerKind.AGENT).effect(PolicyEffect.DENY).build(),
        rule("allow-all").effect(PolicyEffect.ALLOW).build());

    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.AGENT, "bot", GITHUB, policy).rule()).isEqualTo("deny-agents");
    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.OPERATOR, "alice", GITHUB, policy).rule()).isEqualTo("allow-all");
  }

  @Test
  void a_request_no_rule_matches_is_denied_by_default_deny() {
    Decision decision = decide(PolicyAction.MCP_SETUP, CallerKind.SCRIPT, "nightly", GITHUB,
        policy(rule("agents").callerKinds(CallerKind.AGENT).effect(PolicyEffect.ALLOW).build()));

    assertThat(decision.effect()).isEqualTo(PolicyEffect.DENY);
    assertThat(decision.rule()).isEqualTo(PolicyEngine.DEFAULT_DENY);
    assertThat(decision.reason()).isEqualTo("no policy rule allows mcp.setup for script 'nightly'");
    assertThat(decision.decidedAt()).isEqualTo(AT);
  }

  @Test
  void actions_limit_a_rule_to_those_actions() {
    PolicySet policy = policy(rule("remove-only").actions(PolicyAction.MCP_REMOVE).effect(PolicyEffect.ALLOW).build());

    assertThat(decide(PolicyAction.MCP_REMOVE, CallerKind.AGENT, "bot", GITHUB, policy).effect()).isEqualTo(PolicyEffect.ALLOW);
    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.AGENT, "bot", GITHUB, policy).effect()).isEqualTo(PolicyEffect.DENY);
  }

  @Test
  void the_caller_name_is_a_glob_with_star_and_question_mark() {
    PolicySet policy = policy(rule("ci").callerName("ci-??-*").effect(PolicyEffect.ALLOW).build());

    assertThat(allowed(CallerKind.AGENT, "ci-eu-runner", GITHUB, policy)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "ci-eu-", GITHUB, policy)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "ci-e-runner", GITHUB, policy)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "my-ci-eu-runner", GITHUB, policy)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "CI-eu-runner", GITHUB, policy)).isFalse();
  }

  @Test
  void catalog_ids_are_globs_and_any_of_them_may_match() {
    PolicySet policy = policy(rule("docker").catalogIds("docker.*", "official.t?me").effect(PolicyEffect.ALLOW).build());

    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, policy)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", TIME, policy)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", entry("official.timer").build(), policy)).isFalse();
  }

  @Test
  void tags_and_publishers_match_any_of_them_ignoring_case() {
    PolicySet byTag = policy(rule("scm").tags("github", "gitlab").effect(PolicyEffect.ALLOW).build());
    PolicySet byPublisher = policy(rule("gh").publishers("github").effect(PolicyEffect.ALLOW).build());

    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, byTag)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", TIME, byTag)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, byPublisher)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", TIME, byPublisher)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "bot", entry("docker.anon").publisher(null).build(), byPublisher)).isFalse();
  }

  @Test
  void needs_secrets_compares_with_whether_the_entry_declares_any_secret() {
    PolicySet secretsOnly = policy(rule("secrets").needsSecrets(true).effect(PolicyEffect.ALLOW).build());
    PolicySet noSecrets = policy(rule("plain").needsSecrets(false).effect(PolicyEffect.ALLOW).build());

    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, secretsOnly)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", TIME, secretsOnly)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, noSecrets)).isFalse();
    assertThat(allowed(CallerKind.AGENT, "bot", TIME, noSecrets)).isTrue();
  }

  @Test
  void transports_match_the_entrys_transport() {
    PolicySet http = policy(rule("http").transports(Transport.STREAMABLE_HTTP, Transport.SSE).effect(PolicyEffect.ALLOW).build());

    assertThat(allowed(CallerKind.AGENT, "bot", TIME, http)).isTrue();
    assertThat(allowed(CallerKind.AGENT, "bot", GITHUB, http)).isFalse();
  }

  @Test
  void a_rule_with_catalog_conditions_never_matches_a_request_without_an_entry() {
    PolicySet policy = policy(
        rule("tagged").tags("github").effect(PolicyEffect.ALLOW).build(),
        rule("anyone").callerKinds(CallerKind.OPERATOR).effect(PolicyEffect.REQUIRE_APPROVAL).build());

    assertThat(decide(PolicyAction.MCP_ENABLE, CallerKind.OPERATOR, "alice", null, policy).rule()).isEqualTo("anyone");
  }

  @Test
  void a_rule_without_a_reason_gets_one_naming_it_when_it_denies_or_asks_for_approval() {
    PolicySet policy = policy(
        rule("no-bots").callerKinds(CallerKind.AGENT).effect(PolicyEffect.DENY).build(),
        rule("ask").effect(PolicyEffect.REQUIRE_APPROVAL).build());

    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.AGENT, "bot", GITHUB, policy).reason())
        .isEqualTo("denied by policy rule 'no-bots'");
    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.OPERATOR, "al", GITHUB, policy).reason())
        .isEqualTo("policy rule 'ask' requires an operator's approval");
  }

  @Test
  void the_defaults_let_operators_do_everything_and_make_agents_and_scripts_ask_before_a_setup() {
    PolicySet defaults = PolicyDefaults.policySet(AT);

    for (PolicyAction action : PolicyAction.values()) {
      assertThat(decide(action, CallerKind.OPERATOR, "alice", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.ALLOW);
    }
    for (CallerKind kind : List.of(CallerKind.AGENT, CallerKind.SCRIPT)) {
      assertThat(decide(PolicyAction.MCP_SETUP, kind, "x", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.REQUIRE_APPROVAL);
      assertThat(decide(PolicyAction.MCP_REMOVE, kind, "x", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.ALLOW);
      assertThat(decide(PolicyAction.MCP_RESTART, kind, "x", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.ALLOW);
      assertThat(decide(PolicyAction.MCP_ENABLE, kind, "x", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.DENY);
      assertThat(decide(PolicyAction.MCP_DISABLE, kind, "x", GITHUB, defaults).effect()).isEqualTo(PolicyEffect.DENY);
    }
    assertThat(decide(PolicyAction.MCP_SETUP, CallerKind.SYSTEM, "node-1", GITHUB, defaults).rule())
        .isEqualTo(PolicyEngine.DEFAULT_DENY);
  }

  @Test
  void the_default_policy_set_is_version_zero_by_the_system() {
    PolicySet defaults = PolicyDefaults.policySet("node-1", AT);

    assertThat(defaults.version()).isZero();
    assertThat(defaults.updatedBy()).isEqualTo(new Actor(CallerKind.SYSTEM, "node-1", null));
    assertThat(defaults.rules()).isEqualTo(PolicyDefaults.rules());
  }

  private static boolean allowed(CallerKind kind, String name, CatalogEntry entry, PolicySet policy) {
    return decide(PolicyAction.MCP_SETUP, kind, name, entry, policy).effect() == PolicyEffect.ALLOW;
  }

  private static Decision decide(
      PolicyAction action, CallerKind kind, String name, CatalogEntry entry, PolicySet policy) {
    return PolicyEngine.decide(action, kind, name, entry, policy, AT);
  }

  private static PolicySet policy(PolicyRule... rules) {
    return new PolicySet(1, List.of(rules), new Actor(CallerKind.OPERATOR, "alice", null), AT);
  }

  static RuleBuilder rule(String id) {
    return new RuleBuilder(id);
  }

  /** Policy rules for tests, one condition at a time. */
  static final class RuleBuilder {
    private final String id;
    private List<PolicyAction> actions = List.of();
    private List<CallerKind> kinds = List.of();
    private String callerName;
    private List<String> catalogIds = List.of();
    private List<String> tags = List.of();
    private List<String> publishers = List.of();
    private Boolean needsSecrets;
    private List<Transport> transports = List.of();
    private PolicyEffect effect = PolicyEffect.ALLOW;
    private String reason;
    private String description;

    RuleBuilder(String id) {
      this.id = id;
    }

    RuleBuilder actions(PolicyAction... values) {
      actions = List.of(values);
      return this;
    }

    RuleBuilder callerKinds(CallerKind... values) {
      kinds = List.of(values);
      return this;
    }

    RuleBuilder callerName(String value) {
      callerName = value;
      return this;
    }

    RuleBuilder catalogIds(String... values) {
      catalogIds = List.of(values);
      return this;
    }

    RuleBuilder tags(String... values) {
      tags = List.of(values);
      return this;
    }

    RuleBuilder publishers(String... values) {
      publishers = List.of(values);
      return this;
    }

    RuleBuilder needsSecrets(Boolean value) {
      needsSecrets = value;
      return this;
    }

    RuleBuilder transports(Transport... values) {
      transports = List.of(values);
      return this;
    }

    RuleBuilder effect(PolicyEffect value) {
      effect = value;
      return this;
    }

    RuleBuilder reason(String value) {
      reason = value;
      return this;
    }

    RuleBuilder description(String value) {
      description = value;
      return this;
    }

    PolicyRule build() {
      return new PolicyRule(id, description, actions, kinds, callerName, catalogIds, tags, publishers,
          needsSecrets, transports, effect, reason);
    }
  }
}
