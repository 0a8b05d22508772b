package dev.harbor.policy;

import static dev.harbor.policy.TestEntries.entry;
import static dev.harbor.policy.TestEntries.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.launch.LaunchSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSpecsTest {

  private static final String PROFILE = "restricted";

  private static final CatalogEntry JIRA =
      entry("docker.atlassian")
          .command("mcp-atlassian")
          .args("--url={{atlassian.jira.url}}", "--project", "{{atlassian.project}}", "--verbose")
          .parameters(parameter("jira.url", true), parameter("project", "string", false, "MAIN"))
          .env(new EnvVarSpec("JIRA_URL", null, true, "{{atlassian.jira.url}}"),
              new EnvVarSpec("MODE", null, false, "read-only"))
          .secrets(new SecretSpec("atlassian.jira.api_token", "JIRA_API_TOKEN", null, true))
          .build();

  @Test
  void values_are_substituted_inside_tokens_that_stay_single_argv_elements() {
    LaunchSpec spec = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "https://acme.atlassian.net"), PROFILE);

    assertThat(spec.command()).containsExactly("mcp-atlassian");
    assertThat(spec.args())
        .containsExactly("--url=https://acme.atlassian.net", "--project", "MAIN", "--verbose");
    assertThat(spec.env()).containsEntry("JIRA_URL", "https://acme.atlassian.net").containsEntry("MODE", "read-only");
    assertThat(spec.guardrailProfile()).isEqualTo(PROFILE);
    assertThat(spec.image()).isEqualTo("mcp/docker-atlassian");
  }

  @Test
  void a_value_with_spaces_and_shell_characters_is_one_token_and_is_never_interpreted() {
    String hostile = "x; rm -rf / && echo $(id) `id` | tee";

    LaunchSpec spec = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "u", "project", hostile), PROFILE);

    assertThat(spec.args()).containsExactly("--url=u", "--project", hostile, "--verbose");
  }

  @Test
  void official_registry_placeholders_take_the_value_of_the_same_name() {
    CatalogEntry official = entry("official.time").args("--port", "{port}", "--tz={timezone}").build();

    LaunchSpec spec = LaunchSpecs.resolve(official, Map.of("port", "8080", "timezone", "UTC"), PROFILE);

    assertThat(spec.args()).containsExactly("--port", "8080", "--tz=UTC");
    assertThat(LaunchSpecs.acceptedKeys(official)).containsExactlyInAnyOrder("port", "timezone");
  }

  @Test
  void a_token_whose_value_nobody_supplied_is_refused_naming_the_value() {
    CatalogEntry official = entry("official.time").args("--port", "{port}").build();

    assertInvalid(official, Map.of(), "config.port", "is required by the server's arguments");
  }

  @Test
  void filters_give_defaults_spread_lists_and_make_volume_paths() {
    CatalogEntry fs =
        entry("docker.fs")
            .command("{{fs.dirs|volume-target|into}}")
            .args("{{fs.extra|or:[]|into}}", "--mode={{fs.mode|or:ro}}", "{{fs.dirs|volume}}")
            .parameters(parameter("dirs", "array", true, null), parameter("extra", "array", false, null),
                parameter("mode", false))
            .build();

    LaunchSpec spec = LaunchSpecs.resolve(fs, Map.of("dirs", "[\"/data/a\",\"/data/b\"]"), PROFILE);

    assertThat(spec.command()).containsExactly("/data/a", "/data/b");
    assertThat(spec.args()).containsExactly("--mode=ro", "/data/a:/data/a,/data/b:/data/b");
  }

  @Test
  void an_array_default_from_the_catalog_is_used_when_nothing_is_supplied() {
    CatalogEntry fs = entry("docker.fs").command("{{fs.paths|into}}")
        .parameters(parameter("paths", "array", true, "[\"/srv\"]")).build();

    assertThat(LaunchSpecs.resolve(fs, Map.of(), PROFILE).command()).containsExactly("/srv");
  }

  @Test
  void volumes_stay_the_catalogs_templates() {
    CatalogEntry fs = entry("docker.fs").parameters(parameter("paths", "array", false, null))
        .volumes("{{fs.paths|volume|into}}").build();

    LaunchSpec spec = LaunchSpecs.resolve(fs, Map.of("paths", "/home/me"), PROFILE);

    assertThat(spec.volumes()).extracting(VolumeSpec::template).containsExactly("{{fs.paths|volume|into}}");
  }

  @Test
  void secrets_travel_by_name_only_and_cannot_be_sent_as_configuration() {
    LaunchSpec spec = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "u"), PROFILE);

    assertThat(spec.secretNames()).containsExactly("atlassian.jira.api_token");
    assertThat(spec.secretEnv()).containsExactly(Map.entry("atlassian.jira.api_token", "JIRA_API_TOKEN"));
    assertThat(spec.env()).doesNotContainKey("JIRA_API_TOKEN");
    assertInvalid(JIRA, Map.of("jira.url", "u", "atlassian.jira.api_token", "s3cr3t"),
        "config.atlassian.jira.api_token", "names a secret");
    assertInvalid(JIRA, Map.of("jira.url", "u", "JIRA_API_TOKEN", "s3cr3t"), "config.JIRA_API_TOKEN", "names a secret");
  }

  @Test
  void an_environment_value_that_references_a_secret_is_left_to_the_launcher() {
    CatalogEntry github = entry("docker.github")
        .env(new EnvVarSpec("GITHUB_TOKEN", null, true, "{{github.personal_access_token}}"))
        .secrets(new SecretSpec("github.personal_access_token", null, null, true))
        .build();

    LaunchSpec spec = LaunchSpecs.resolve(github, Map.of(), PROFILE);

    assertThat(spec.env()).isEmpty();
    assertThat(spec.secretNames()).containsExactly("github.personal_access_token");
    assertThat(spec.secretEnv()).containsExactly(Map.entry("github.personal_access_token", "GITHUB_TOKEN"));
  }

  @Test
  void environment_variables_without_a_value_take_the_configuration_of_their_name() {
    CatalogEntry official = entry("official.api")
        .env(new EnvVarSpec("API_URL", null, true, null), new EnvVarSpec("LOG_LEVEL", null, false, null))
        .build();

    assertThat(LaunchSpecs.resolve(official, Map.of("API_URL", "https://api"), PROFILE).env())
        .isEqualTo(Map.of("API_URL", "https://api"));
    assertInvalid(official, Map.of(), "config.API_URL", "is required by the environment variable API_URL");
  }

  @Test
  void an_optional_environment_variable_without_its_value_is_left_out() {
    CatalogEntry entry = entry("docker.x").parameters(parameter("org", false))
        .env(new EnvVarSpec("ORG", null, false, "{{x.org}}")).build();

    assertThat(LaunchSpecs.resolve(entry, Map.of(), PROFILE).env()).isEmpty();
  }

  @Test
  void an_unknown_key_is_refused_and_the_accepted_keys_are_named() {
    assertInvalid(JIRA, Map.of("jira.url", "u", "cmd", "sh"), "config.cmd",
        "unknown parameter; docker.atlassian accepts jira.url, project");
  }

  @Test
  void a_missing_required_parameter_is_refused() {
    assertInvalid(JIRA, Map.of(), "config.jira.url", "is required");
  }

  @Test
  void a_value_that_looks_like_a_flag_is_refused() {
    assertInvalid(JIRA, Map.of("jira.url", "--privileged"), "config.jira.url", "must not start with '-'");
  }

  @Test
  void control_and_invisible_formatting_characters_are_refused() {
    assertInvalid(JIRA, Map.of("jira.url", "a\u0000b"), "config.jira.url", "control characters");
    assertInvalid(JIRA, Map.of("jira.url", "a\u001b[31m"), "config.jira.url", "control characters");
    assertInvalid(JIRA, Map.of("jira.url", "evil\u202Etxt"), "config.jira.url", "control characters");
  }

  @Test
  void a_value_over_a_thousand_characters_is_refused() {
    assertThat(LaunchSpecs.resolve(JIRA, Map.of("jira.url", "u".repeat(1000)), PROFILE).args().getFirst())
        .hasSize(1006);
    assertInvalid(JIRA, Map.of("jira.url", "u".repeat(1001)), "config.jira.url", "longer than 1000 characters");
  }

  @Test
  void typed_parameters_check_their_values() {
    CatalogEntry typed = entry("docker.t")
        .parameters(parameter("write", "boolean", false, null), parameter("port", "integer", false, null),
            parameter("ratio", "number", false, null), parameter("dirs", "array", false, null))
        .build();

    assertThat(LaunchSpecs.resolve(typed, Map.of("write", "true", "port", "8080", "ratio", "0.5"), PROFILE)).isNotNull();
    assertInvalid(typed, Map.of("write", "yes"), "config.write", "must be true or false");
    assertInvalid(typed, Map.of("port", "80a"), "config.port", "must be a whole number");
    assertInvalid(typed, Map.of("ratio", "half"), "config.ratio", "must be a number");
    assertInvalid(typed, Map.of("dirs", "[\"/a\", 3"), "config.dirs", "must be a JSON array of strings");
    assertInvalid(typed, Map.of("dirs", "[\"/a\", \"-rf\"]"), "config.dirs[1]", "must not start with '-'");
  }

  @Test
  void an_unsupported_template_filter_is_refused_naming_the_value() {
    CatalogEntry odd = entry("docker.odd").args("{{odd.x|shell}}").parameters(parameter("x", false)).build();

    assertInvalid(odd, Map.of("x", "v"), "config.x", "template filter 'shell'");
  }

  @Test
  void the_same_request_always_resolves_to_the_same_spec_hash() {
    String first = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "u", "project", "P"), PROFILE).hash();
    String again = LaunchSpecs.resolve(JIRA, Map.of("project", "P", "jira.url", "u"), PROFILE).hash();
    String other = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "v", "project", "P"), PROFILE).hash();
    String otherProfile = LaunchSpecs.resolve(JIRA, Map.of("jira.url", "u", "project", "P"), "open").hash();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(otherProfile).isNotEqualTo(first);
  }

  @Test
  void an_entry_that_cannot_be_launched_has_no_spec() {
    CatalogEntry remote = entry("official.remote").notLaunchable("hosted remote server").build();

    assertThatThrownBy(() -> LaunchSpecs.resolve(remote, Map.of(), PROFILE))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("hosted remote server");
  }

  @Test
  void the_image_reference_prefers_the_digest_over_the_tag() {
    LaunchSpec tagged = LaunchSpecs.resolve(TestEntries.simple("docker.x"), Map.of(), PROFILE);
    LaunchSpec pinned = new LaunchSpec("mcp/x", "1.0", "sha256:abc", null, null, null, null, null, null, null, null, null, PROFILE);

    assertThat(LaunchSpecs.imageReference(tagged)).isEqualTo("mcp/docker-x:1.0");
    assertThat(LaunchSpecs.imageReference(pinned)).isEqualTo("mcp/x@sha256:abc");
  }

  private static void assertInvalid(CatalogEntry entry, Map<String, String> config, String field, String problem) {
    assertThatThrownBy(() -> LaunchSpecs.resolve(entry, config, PROFILE))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
        });
  }
}
