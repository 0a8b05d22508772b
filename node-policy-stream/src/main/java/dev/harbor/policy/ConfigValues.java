package dev.harbor.policy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a catalog entry accepts and the validated values of one request.
 *
 * <p>Accepted keys are the entry's declared parameters, names its templates reference without
 * declaring them (such as the official registry's {@code {placeholder}}), and environment variables
 * the entry declares without a value. A key that names a secret is refused: secrets never travel as
 * configuration. A caller's value must be at most {@value LaunchSpecs#MAX_VALUE_LENGTH} characters,
 * hold no control characters and not start with '-'; a declared boolean, integer or number must look
 * like one, and a declared array is a JSON array of strings (or one plain value).
 */
final class ConfigValues {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
  private static final Pattern INTEGER = Pattern.compile("\\+?\\d{1,18}");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final int MAX_LISTED_KEYS = 20;

  private final CatalogEntry entry;
  private final Map<String, ParameterSpec> declared = new LinkedHashMap<>();
  private final Set<String> accepted = new LinkedHashSet<>();
  private final Set<String> secrets = new TreeSet<>();
  private final List<String> prefixes;

  private ConfigValues(CatalogEntry entry) {
    this.entry = entry;
    entry.parameters().stream()
        .filter(p -> p.name() != null && !p.name().isBlank())
        .forEach(p -> declared.putIfAbsent(p.name(), p));
    this.prefixes =
        Stream.of(entry.source().sourceName(), entry.slug())
            .filter(p -> p != null && !p.isBlank())
            .distinct()
            .map(p -> p + ".")
            .toList();
    for (SecretSpec secret : entry.secrets()) {
      if (secret.name() != null) {
        secrets.add(secret.name());
      }
      if (secret.env() != null) {
        secrets.add(secret.env());
      }
    }
    accepted.addAll(declared.keySet());
    templates().forEach(t -> Templates.references(t).forEach(name -> accepted.add(keyOf(name))));
    entry.env().stream()
        .filter(e -> e.value() == null && e.name() != null && !e.name().isBlank())
        .forEach(e -> accepted.add(e.name()));
    accepted.removeAll(secrets);
  }

  static ConfigValues of(CatalogEntry entry) {
    return new ConfigValues(entry);
  }

  /** Every key a caller may set, in declaration order. */
  Set<String> acceptedKeys() {
    return accepted;
  }

  /** The configuration key a template's reference names: the server-name prefix dropped when the rest is declared. */
  String keyOf(String reference) {
    if (declared.containsKey(reference) || secrets.contains(reference)) {
      return reference;
    }
    for (String prefix : prefixes) {
      if (reference.startsWith(prefix) && reference.length() > prefix.length()) {
        return reference.substring(prefix.length());
      }
    }
    return reference;
  }

  /** True when the key names one of the entry's secrets (by name or by its environment variable). */
  boolean isSecret(String key) {
    return secrets.contains(key);
  }

  /**
   * Checks the caller's configuration and returns every value the templates may use: the caller's,
   * else the parameter's default. A list per key; one element for a plain value.
   */
  Map<String, List<String>> resolve(Map<String, String> config) {
    if (config.size() > LaunchSpecs.MAX_KEYS) {
      throw new InvalidConfigException("config", "more than " + LaunchSpecs.MAX_KEYS + " values");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> item : new TreeMap<>(config).entrySet()) {
      String key = item.getKey();
      checkKey(key);
      if (item.getValue() != null && !item.getValue().isEmpty()) {
        values.put(key, checkValue(key, item.getValue()));
      }
    }
    for (ParameterSpec parameter : declared.values()) {
      if (values.containsKey(parameter.name())) {
        continue;
      }
      if (parameter.defaultValue() != null) {
        values.put(parameter.name(), defaultValue(parameter));
      } else if (parameter.required()) {
        throw new InvalidConfigException("config." + parameter.name(), "is required");
      }
    }
    return values;
  }

  private void checkKey(String key) {
    if (secrets.contains(key)) {
      throw new InvalidConfigException(
          field(key), "names a secret; secret values are never sent as configuration");
    }
    if (!accepted.contains(key)) {
      throw new InvalidConfigException(field(key), "unknown parameter; " + acceptedText());
    }
  }

  private List<String> checkValue(String key, String value) {
    ParameterSpec parameter = declared.get(key);
    String type = parameter == null || parameter.type() == null ? "string" : parameter.type();
    if ("array".equals(type)) {
      List<String> elements = value.startsWith("[") ? jsonList(key, value) : List.of(value);
      for (int i = 0; i < elements.size(); i++) {
        checkText(field(key) + "[" + i + "]", elements.get(i));
      }
      return elements;
    }
    checkText(field(key), value);
    switch (type) {
      case "boolean" -> require(key, value.equals("true") || value.equals("false"), "must be true or false");
      case "integer" -> require(key, INTEGER.matcher(value).matches(), "must be a whole number");
      case "number" -> require(key, NUMBER.matcher(value).matches(), "must be a number");
      default -> { }
    }
    return List.of(value);
  }

  private static void checkText(String field, String value) {
    if (value.length() > LaunchSpecs.MAX_VALUE_LENGTH) {
      throw new InvalidConfigException(field, "longer than " + LaunchSpecs.MAX_VALUE_LENGTH + " characters");
    }
    if (CONTROL.matcher(value).find()) {
      throw new InvalidConfigException(field, "must not contain control characters");
    }
    if (value.startsWith("-")) {
      throw new InvalidConfigException(
          field, "must not start with '-' (it would read as a command-line option)");
    }
  }

  private static void require(String key, boolean ok, String problem) {
    if (!ok) {
      throw new InvalidConfigException(field(key), problem);
    }
  }

  private static List<String> jsonList(String key, String value) {
    try {
      List<String> list = ObjectMapper.getDefault().readValue(value, Argument.listOf(String.class));
      if (list == null || list.stream().anyMatch(e -> e == null)) {
        throw new IOException("null element");
      }
      return List.copyOf(list);
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfigException(field(key), "must be a JSON array of strings, or one value");
    }
  }

  private static List<String> defaultValue(ParameterSpec parameter) {
    String value = parameter.defaultValue();
    if ("array".equals(parameter.type()) && value.startsWith("[")) {
      try {
        List<String> list = ObjectMapper.getDefault().readValue(value, Argument.listOf(String.class));
        if (list != null && list.stream().noneMatch(e -> e == null)) {
          return List.copyOf(list);
        }
      } catch (IOException | RuntimeException e) {
        return List.of(value);
      }
    }
    return List.of(value);
  }

  private String acceptedText() {
    if (accepted.isEmpty()) {
      return entry.id() + " takes no configuration";
    }
    List<String> listed = new ArrayList<>(accepted);
    String shown = String.join(", ", listed.subList(0, Math.min(listed.size(), MAX_LISTED_KEYS)));
    return entry.id() + " accepts " + shown + (listed.size() > MAX_LISTED_KEYS ? ", ..." : "");
  }

  private Stream<String> templates() {
    return Stream.of(
            entry.command().stream(),
            entry.args().stream(),
            entry.env().stream().map(EnvVarSpec::value).filter(v -> v != null))
        .flatMap(s -> s);
  }

  static String field(String key) {
    return "config." + CONTROL.matcher(key).replaceAll("?");
  }
}
