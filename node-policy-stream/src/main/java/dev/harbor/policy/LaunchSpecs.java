package dev.harbor.policy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.launch.LaunchSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves what the launcher runs for a setup: the catalog entry's image, command, arguments,
 * environment, ports, volumes and network, with the caller's checked non-secret values substituted
 * inside each token (a token stays one argv element; nothing is ever a shell string). Secrets are
 * listed by name only. The same entry, configuration and profile always give the same spec and
 * therefore the same {@link LaunchSpec#hash()}, which an approval is bound to.
 *
 * <p>What is refused, as an {@link InvalidConfigException} naming the value ({@code config.<key>}):
 * an unknown key, a key naming a secret, a missing required parameter, a value longer than {@value
 * #MAX_VALUE_LENGTH} characters, with control characters, or starting with '-', a malformed
 * boolean, number or array, and a value an argument or a required environment variable needs but
 * nobody supplied. See {@link Templates} for the template forms. Volumes stay the catalog's
 * templates: a caller's path never becomes a mount here.
 */
public final class LaunchSpecs {

  /** Longest accepted configuration value. */
  public static final int MAX_VALUE_LENGTH = 1_000;

  /** Most configuration values one request may carry. */
  public static final int MAX_KEYS = 100;

  private LaunchSpecs() {}

  /**
   * The launch spec for an entry and a caller's configuration.
   *
   * @throws InvalidConfigException when the configuration is not acceptable
   * @throws IllegalArgumentException when the entry cannot be launched at all (not launchable, no image)
   */
  public static LaunchSpec resolve(
      CatalogEntry entry, Map<String, String> config, String guardrailProfile) {
    Objects.requireNonNull(guardrailProfile, "guardrailProfile");
    if (!entry.launchable() || entry.image() == null || entry.image().isBlank()) {
      throw new IllegalArgumentException(
          "catalog entry '" + entry.id() + "' cannot be launched"
              + (entry.notLaunchableReason() == null ? "" : ": " + entry.notLaunchableReason()));
    }
    ConfigValues parameters = ConfigValues.of(entry);
    Map<String, List<String>> values = parameters.resolve(config == null ? Map.of() : config);
    return new LaunchSpec(
        entry.image(),
        entry.imageTagDefault(),
        entry.imageDigest(),
        entry.transport(),
        tokens(entry.command(), "command", parameters, values),
        tokens(entry.args(), "arguments", parameters, values),
        environment(entry.env(), parameters, values),
        entry.secrets().stream().map(SecretSpec::name).filter(n -> n != null && !n.isBlank()).toList(),
        secretEnvironment(entry, parameters),
        entry.ports(),
        entry.volumes(),
        entry.network(),
        guardrailProfile);
  }

  /** The configuration keys the entry accepts, in declaration order. */
  public static Set<String> acceptedKeys(CatalogEntry entry) {
    return Set.copyOf(ConfigValues.of(entry).acceptedKeys());
  }

  /** The image reference a spec runs: pinned by digest when it has one, else by tag ({@code latest} when none). */
  public static String imageReference(LaunchSpec spec) {
    if (spec.digest() != null) {
      return spec.image() + "@" + spec.digest();
    }
    return spec.image() + ":" + (spec.tag() == null ? "latest" : spec.tag());
  }

  private static List<String> tokens(
      List<String> templates, String what, ConfigValues parameters, Map<String, List<String>> values) {
    List<String> tokens = new ArrayList<>();
    for (String template : templates) {
      try {
        tokens.addAll(Templates.expandToken(template, parameters::keyOf, values));
      } catch (Templates.MissingValueException e) {
        throw new InvalidConfigException(
            ConfigValues.field(e.key()),
            parameters.isSecret(e.key())
                ? "is a secret, which Harbor never puts on a command line"
                : "is required by the server's " + what);
      }
    }
    return tokens;
  }

  /**
   * Secret name to the environment variable it is exported as: the variable the secret's own spec
   * names, else an environment variable whose whole value is a reference to that secret.
   */
  private static Map<String, String> secretEnvironment(CatalogEntry entry, ConfigValues parameters) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (EnvVarSpec variable : entry.env()) {
      if (variable.name() == null || variable.name().isBlank() || variable.value() == null) {
        continue;
      }
      Set<String> references = Templates.references(variable.value());
      if (references.size() == 1 && variable.value().strip().startsWith("{{")
          && variable.value().strip().endsWith("}}")) {
        String key = parameters.keyOf(references.iterator().next());
        if (parameters.isSecret(key)) {
          byName.putIfAbsent(key, variable.name());
        }
      }
    }
    for (SecretSpec secret : entry.secrets()) {
      if (secret.name() != null && !secret.name().isBlank() && secret.env() != null && !secret.env().isBlank()) {
        byName.put(secret.name(), secret.env());
      }
    }
    return byName;
  }

  private static Map<String, String> environment(
      List<EnvVarSpec> variables, ConfigValues parameters, Map<String, List<String>> values) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVarSpec variable : variables) {
      if (variable.name() == null || variable.name().isBlank()) {
        continue;
      }
      if (variable.value() != null
          && Templates.references(variable.value()).stream()
              .anyMatch(name -> parameters.isSecret(parameters.keyOf(name)))) {
        continue;
      }
      String template = variable.value() != null ? variable.value() : "{{" + variable.name() + "}}";
      try {
        env.put(variable.name(), Templates.expandValue(template, parameters::keyOf, values));
      } catch (Templates.MissingValueException e) {
        if (variable.required()) {
          throw new InvalidConfigException(
              ConfigValues.field(e.key()),
              "is required by the environment variable " + variable.name());
        }
      }
    }
    return env;
  }
}
