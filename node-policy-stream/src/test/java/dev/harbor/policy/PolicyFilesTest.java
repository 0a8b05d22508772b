package dev.harbor.policy;

import static dev.harbor.policy.PolicyEngineTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {

  private static final List<PolicyRule> RULES =
      List.of(
          rule("ci-github")
              .description("CI agents set up GitHub servers.\nNo approval needed.")
              .actions(PolicyAction.MCP_SETUP, PolicyAction.MCP_RESTART)
              .callerKinds(CallerKind.AGENT, CallerKind.SCRIPT)
              .callerName("*ci-*")
              .catalogIds("docker.github*", "official.?")
              .tags("github", "yes", "123")
              .publishers("GitHub: Inc.", "'quoted'")
              .needsSecrets(false)
              .transports(Transport.STDIO, Transport.STREAMABLE_HTTP)
              .effect(PolicyEffect.ALLOW)
              .reason("because: \"CI\" # not a comment")
              .build(),
          rule("deny-rest").effect(PolicyEffect.DENY).build());

  @Test
  void rules_written_as_yaml_read_back_to_the_same_rules() {
    String yaml = PolicyFiles.toYaml(RULES);

    assertThat(PolicyFiles.parse(yaml)).isEqualTo(RULES);
    assertThat(yaml).startsWith("# Harbor node policy.").contains("effect: allow").contains("- mcp.setup");
  }

  @Test
  void the_commented_default_file_reads_as_the_default_rules() {
    String yaml = PolicyFiles.defaultYaml();

    assertThat(PolicyFiles.parse(yaml)).isEqualTo(PolicyDefaults.rules());
    assertThat(yaml).contains("# Examples").contains("default-deny");
  }

  @Test
  void the_examples_in_the_default_file_are_valid_rules_once_uncommented() {
    String examples = PolicyFiles.defaultYaml().lines()
        .dropWhile(line -> !line.startsWith("# Examples"))
        .skip(1)
        .takeWhile(line -> line.startsWith("#"))
        .map(line -> line.length() > 2 ? line.substring(2) : "")
        .reduce("rules:\n", (text, line) -> text + line + "\n");

    List<PolicyRule> rules = PolicyFiles.parse(examples);

    assertThat(rules).extracting(PolicyRule::id).containsExactly("ci-github-without-approval", "no-acme-servers");
  }

  @Test
  void an_unknown_field_is_named_with_its_rule_index() {
    assertInvalid("rules:\n  - id: a\n    effect: allow\n  - id: b\n    efect: deny\n",
        "rules[1].efect", "unknown field; a rule has id, description");
  }

  @Test
  void an_unknown_effect_names_the_field_and_the_accepted_values() {
    assertInvalid("rules:\n  - id: a\n    effect: permit\n",
        "rules[0].effect", "unknown value 'permit', expected one of [allow, deny, require_approval]");
  }

  @Test
  void an_unknown_action_in_a_list_names_its_position() {
    assertInvalid("rules:\n  - id: a\n    actions: [mcp.setup, mcp.delete]\n    effect: allow\n",
        "rules[0].actions[1]", "unknown value 'mcp.delete'");
  }

  @Test
  void a_rule_without_an_id_or_effect_is_refused() {
    assertInvalid("rules:\n  - effect: allow\n", "rules[0].id", "is required");
    assertInvalid("rules:\n  - id: a\n", "rules[0].effect", "is required");
  }

  @Test
  void a_single_value_where_a_list_belongs_is_refused_with_a_hint() {
    assertInvalid("rules:\n  - id: a\n    tags: github\n    effect: allow\n", "rules[0].tags", "must be a list, such as [github]");
  }

  @Test
  void a_number_where_text_belongs_asks_for_quotes() {
    assertInvalid("rules:\n  - id: a\n    tags: [2024]\n    effect: allow\n", "rules[0].tags[0]", "must be a string");
  }

  @Test
  void needs_secrets_must_be_a_boolean() {
    assertInvalid("rules:\n  - id: a\n    needsSecrets: maybe\n    effect: allow\n", "rules[0].needsSecrets", "must be true or false");
  }

  @Test
  void rule_ids_are_unique_well_formed_and_not_reserved() {
    assertInvalid("rules:\n  - id: a\n    effect: allow\n  - id: a\n    effect: deny\n",
        "rules[1].id", "'a' is already the id of rules[0]");
    assertInvalid("rules:\n  - id: default-deny\n    effect: allow\n", "rules[0].id", "reserved");
    assertInvalid("rules:\n  - id: node-state\n    effect: allow\n", "rules[0].id", "reserved");
    assertInvalid("rules:\n  - id: has space\n    effect: allow\n", "rules[0].id", "is not a rule id");
  }

  @Test
  void catalog_id_globs_use_only_catalog_id_characters() {
    assertInvalid("rules:\n  - id: a\n    catalogIds: [docker.*, Docker.GitHub]\n    effect: allow\n",
        "rules[0].catalogIds[1]", "is not a catalog id glob");
  }

  @Test
  void a_reason_with_a_control_character_is_refused() {
    assertInvalid("rules:\n  - id: a\n    effect: deny\n    reason: \"one\\ttwo\"\n", "rules[0].reason", "control characters");
  }

  @Test
  void text_that_is_not_yaml_is_refused_with_its_line() {
    assertInvalid("rules:\n  - id: a\n   effect: [allow\n", "yaml", "line ");
  }

  @Test
  void duplicate_keys_unknown_top_level_keys_and_empty_files_are_refused() {
    assertInvalid("rules:\n  - id: a\n    id: b\n    effect: allow\n", "yaml", "duplicate key");
    assertInvalid("version: 2\nrules: []\n", "version", "unknown key");
    assertInvalid("", "rules", "the policy is empty");
    assertInvalid("rules:\n", "rules", "must be a list of rules");
    assertInvalid("rules:\n  - allow\n", "rules[0]", "must be a mapping");
  }

  @Test
  void yaml_tags_that_would_build_java_objects_are_refused() {
    assertInvalid("rules: !!java.util.ArrayList []\n", "yaml", "");
  }

  @Test
  void an_empty_rule_list_is_a_valid_policy_that_denies_everything() {
    assertThat(PolicyFiles.parse("rules: []\n")).isEmpty();
  }

  @Test
  void validation_also_checks_rules_that_did_not_come_from_a_file() {
    assertThatThrownBy(() -> PolicyFiles.validate(List.of(rule("ok").build(), rule("second").build(), rule("ok").build())))
        .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.field()).isEqualTo("rules[2].id"));
  }

  @Test
  void the_policy_file_lives_in_the_nodes_folder() {
    assertThat(PolicyFiles.path(Path.of("/data/harbor"), "node-1"))
        .isEqualTo(Path.of("/data/harbor/nodes/node-1/policy.yaml"));
    assertThatThrownBy(() -> PolicyFiles.path(Path.of("/data"), "../etc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_saved_file_loads_back_and_no_temporary_file_stays(@TempDir Path home) throws IOException {
    Path file = PolicyFiles.path(home, "node-1");

    PolicyFiles.save(file, RULES);

    assertThat(PolicyFiles.load(file)).isEqualTo(RULES);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void load_or_create_writes_the_commented_default_once_and_then_keeps_the_operators_file(@TempDir Path home)
      throws IOException {
    Path file = PolicyFiles.path(home, "node-1");

    assertThat(PolicyFiles.loadOrCreateDefault(file)).isEqualTo(PolicyDefaults.rules());
    assertThat(Files.readString(file)).isEqualTo(PolicyFiles.defaultYaml());

    Files.writeString(file, "rules:\n  - id: mine\n    effect: deny\n");
    assertThat(PolicyFiles.loadOrCreateDefault(file)).extracting(PolicyRule::id).containsExactly("mine");
  }

  @Test
  void a_broken_file_is_reported_not_replaced(@TempDir Path home) throws IOException {
    Path file = PolicyFiles.path(home, "node-1");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "rules:\n  - id: a\n    effect: maybe\n");

    assertThatThrownBy(() -> PolicyFiles.loadOrCreateDefault(file)).isInstanceOf(InvalidPolicyException.class);
    assertThat(Files.readString(file)).contains("maybe");
  }

  private static void assertInvalid(String yaml, String field, String problem) {
    assertThatThrownBy(() -> PolicyFiles.parse(yaml))
        .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
          assertThat(e.getMessage()).isEqualTo(field + ": " + e.problem());
        });
  }
}
