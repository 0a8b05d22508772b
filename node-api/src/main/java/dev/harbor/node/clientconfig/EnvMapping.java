package dev.harbor.node.clientconfig;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pasted server's environment sorted by what the catalog entry declares. A variable the entry reads
 * a secret from is never configuration: only the secret's name is kept ({@code secretsToSupply}). A
 * variable the entry declares for one of its parameters (an environment template that is exactly
 * {@code {{parameter}}}, or a parameter of the same name) becomes that parameter's configuration value.
 * Every other variable is dropped and only named ({@code ignored}).
 */
record EnvMapping(Map<String, String> config, Map<String, String> configFrom, List<String> secrets, List<String> ignored) {

  private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\{\\{\\s*([^}|\\s]+)\\s*(?:\\|[^}]*)?}}");

  static EnvMapping of(CatalogEntry entry, Map<String, String> env) {
    Map<String, String> config = new LinkedHashMap<>();
    Map<String, String> configFrom = new LinkedHashMap<>();
    Set<String> secrets = new LinkedHashSet<>();
    List<String> ignored = new ArrayList<>();
    env.forEach((name, value) -> {
      Optional<SecretSpec> secret = secret(entry, name);
      if (secret.isPresent()) {
        secrets.add(secret.get().name());
        return;
      }
      String parameter = parameter(entry, name);
      if (parameter != null && !config.containsKey(parameter)) {
        config.put(parameter, value);
        configFrom.put(parameter, name);
      } else {
        ignored.add(name);
      }
    });
    return new EnvMapping(config, configFrom, List.copyOf(secrets), List.copyOf(ignored));
  }

  @Override
  public String toString() {
    return "EnvMapping[config=" + config.keySet() + ", secrets=" + secrets + ", ignored=" + ignored + "]";
  }

  private static Optional<SecretSpec> secret(CatalogEntry entry, String variable) {
    return entry.secrets().stream()
        .filter(s -> s.name() != null && (variable.equals(s.env()) || variable.equals(s.name())))
        .findFirst();
  }

  /** The declared parameter a variable sets, or null when the entry declares none for it. */
  private static @Nullable String parameter(CatalogEntry entry, String variable) {
    for (EnvVarSpec spec : entry.env()) {
      if (!variable.equals(spec.name())) {
        continue;
      }
      if (spec.value() == null) {
        return declared(entry, variable);
      }
      Matcher reference = WHOLE_REFERENCE.matcher(spec.value().strip());
      return reference.matches() ? declared(entry, reference.group(1)) : null;
    }
    return declared(entry, variable);
  }

  /**
   * The parameter a template reference names: itself, or the part after the server's own prefix
   * ({@code airtable-mcp-server.nodeenv} names {@code nodeenv}); null for a secret or an undeclared name.
   */
  private static @Nullable String declared(CatalogEntry entry, String reference) {
    if (secret(entry, reference).isPresent()) {
      return null;
    }
    for (ParameterSpec parameter : entry.parameters()) {
      if (parameter.name().equals(reference)
          || reference.endsWith("." + parameter.name()) && reference.indexOf('.') == reference.length()
              - parameter.name().length() - 1) {
        return parameter.name();
      }
    }
    return null;
  }
}
