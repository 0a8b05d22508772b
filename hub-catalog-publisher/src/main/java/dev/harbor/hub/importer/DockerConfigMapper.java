package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the configuration of a Docker catalog server: {@code config.parameters} (a JSON Schema
 * object; nested objects become dotted names such as {@code confluence.url}), {@code run.env} and
 * {@code config.env} (environment templates) and {@code config.secrets}. {@code example} values are
 * never copied: they are illustrations, sometimes secret-looking ones.
 */
final class DockerConfigMapper {

  /** A whole-value reference such as {@code {{aks.kubeconfig}}} or {@code {{fs.paths|volume}}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*([^}|\\s]+)\\s*(?:\\|[^}]*)?}}");

  /** What a server's configuration contributes to its entry. */
  record DockerConfig(
      List<ParameterSpec> parameters, List<EnvVarSpec> env, List<SecretSpec> secrets) {}

  private DockerConfigMapper() {}

  static DockerConfig map(String serverName, Tree run, Tree config) throws InvalidEntryException {
    List<ParameterSpec> parameters = new ArrayList<>();
    flatten("", config.get("parameters"), true, parameters);
    Set<String> required = new HashSet<>();
    parameters.stream().filter(ParameterSpec::required).forEach(p -> required.add(p.name()));
    return new DockerConfig(
        parameters, env(serverName, run, config, required), secrets(config.get("secrets")));
  }

  private static void flatten(
      String prefix, Tree schema, boolean parentRequired, List<ParameterSpec> out) {
    Set<String> required = new HashSet<>(schema.get("required").texts());
    for (Map.Entry<String, Tree> property : schema.get("properties").fields().entrySet()) {
      String name = prefix + property.getKey();
      Tree spec = property.getValue();
      boolean isRequired = parentRequired && required.contains(property.getKey());
      if ("object".equals(type(spec)) && spec.get("properties").isMap()) {
        flatten(name + ".", spec, isRequired, out);
      } else {
        String description =
            spec.text("description") != null ? spec.text("description") : spec.text("title");
        out.add(
            new ParameterSpec(
                name, description, type(spec), isRequired, defaultValue(spec.get("default"))));
      }
    }
  }

  private static String type(Tree spec) {
    for (String type : spec.get("type").texts()) {
      if (!type.equals("null")) {
        return type;
      }
    }
    return "string";
  }

  private static String defaultValue(Tree value) {
    if (value.isMissing()) {
      return null;
    }
    return value.isScalar() ? value.text() : JsonTrees.write(value.raw());
  }

  private static List<EnvVarSpec> env(
      String serverName, Tree run, Tree config, Set<String> required) throws InvalidEntryException {
    Map<String, EnvVarSpec> env = new LinkedHashMap<>();
    for (Map.Entry<String, Tree> variable : run.get("env").fields().entrySet()) {
      String value = variable.getValue().text();
      addEnv(
          env,
          new EnvVarSpec(
              variable.getKey(), null, referencesRequired(serverName, value, required), value));
    }
    for (Tree variable : config.get("env").items()) {
      String name = variable.text("name");
      if (name == null) {
        continue;
      }
      String value = variable.text("value");
      boolean isRequired =
          variable.flag("required", referencesRequired(serverName, value, required));
      addEnv(env, new EnvVarSpec(name, variable.text("description"), isRequired, value));
    }
    return List.copyOf(env.values());
  }

  private static void addEnv(Map<String, EnvVarSpec> env, EnvVarSpec variable)
      throws InvalidEntryException {
    if (!Texts.isEnvName(variable.name())) {
      throw new InvalidEntryException(
          "environment variable name " + Texts.quote(variable.name()) + " is not a valid name");
    }
    env.putIfAbsent(variable.name(), variable);
  }

  /** True when the value refers to a required parameter, with or without the server-name prefix. */
  private static boolean referencesRequired(String serverName, String value, Set<String> required) {
    if (value == null) {
      return false;
    }
    Matcher matcher = REFERENCE.matcher(value);
    while (matcher.find()) {
      String reference = matcher.group(1);
      if (reference.startsWith(serverName + ".")) {
        reference = reference.substring(serverName.length() + 1);
      }
      if (required.contains(reference)) {
        return true;
      }
    }
    return false;
  }

  private static List<SecretSpec> secrets(Tree secrets) throws InvalidEntryException {
    Map<String, SecretSpec> specs = new LinkedHashMap<>();
    for (Tree secret : secrets.items()) {
      String name = secret.text("name");
      if (name == null) {
        continue;
      }
      if (!Texts.isSecretName(name)) {
        throw new InvalidEntryException(
            "secret name " + Texts.quote(name) + " is not safe as a file name");
      }
      String env = secret.text("env");
      if (env != null && !Texts.isEnvName(env)) {
        throw new InvalidEntryException(
            "secret " + name + " names an invalid environment variable " + Texts.quote(env));
      }
      specs.putIfAbsent(
          name,
          new SecretSpec(name, env, secret.text("description"), secret.flag("required", true)));
    }
    return List.copyOf(specs.values());
  }
}
