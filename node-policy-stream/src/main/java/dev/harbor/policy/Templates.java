package dev.harbor.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes values into the catalog's declarative templates, inside one token at a time: the
 * result of a token is whole argv tokens, never something a shell would split or interpret.
 *
 * <p>References are {@code {{name}}}, {@code {{server.name}}} (the server-name prefix is dropped
 * when the rest names a parameter), {@code {{name|filter|...}}} and the official registry's {@code
 * {name}}. Filters: {@code or:X} (X when the value is absent or empty; {@code or:[]} an empty list),
 * {@code volume} ({@code p} becomes {@code p:p}), {@code volume-target} ({@code p} stays {@code p})
 * and {@code into} (a list value spreads into one token per element). A list value without {@code
 * into} joins with commas.
 */
final class Templates {

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\{\\{\\s*([^{}|\\s]+)\\s*((?:\\|[^{}|]*)*)}}|\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

  /** A token, or an environment value, that needs a value nobody supplied. */
  static final class MissingValueException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String key;

    MissingValueException(String key) {
      super(key, null, false, false);
      this.key = key;
    }

    String key() {
      return key;
    }
  }

  private Templates() {}

  /** The names the template references, as written (with any server-name prefix). */
  static Set<String> references(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = REFERENCE.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
    }
    return names;
  }

  /**
   * Expands one argv token.
   *
   * @param keyOf maps a referenced name to the configuration key that holds its value
   * @param values configuration values by key; a list per key (one element for a plain value)
   * @return the tokens: usually one, none or several when a list spreads with {@code into}
   * @throws MissingValueException when a reference has no value and no {@code or:} default
   */
  static List<String> expandToken(
      String token, UnaryOperator<String> keyOf, Map<String, List<String>> values)
      throws MissingValueException {
    List<Object> parts = parts(token, keyOf, values);
    List<String> tokens = new ArrayList<>();
    tokens.add("");
    boolean spread = false;
    for (Object part : parts) {
      if (part instanceof Spread list) {
        if (spread) {
          throw new InvalidConfigException(
              "config." + list.key(), "the catalog entry spreads two lists into one argument");
        }
        spread = true;
        String prefix = tokens.getFirst();
        tokens.clear();
        list.values().forEach(value -> tokens.add(prefix + value));
      } else {
        tokens.replaceAll(t -> t + part);
      }
    }
    return List.copyOf(tokens);
  }

  /** Expands a template into one string (environment values): lists join with commas. */
  static String expandValue(
      String template, UnaryOperator<String> keyOf, Map<String, List<String>> values)
      throws MissingValueException {
    StringBuilder text = new StringBuilder();
    for (Object part : parts(template, keyOf, values)) {
      text.append(part instanceof Spread list ? String.join(",", list.values()) : part);
    }
    return text.toString();
  }

  /** Literal text and substituted values in order; a spreading list stays a {@link Spread}. */
  private static List<Object> parts(
      String template, UnaryOperator<String> keyOf, Map<String, List<String>> values)
      throws MissingValueException {
    List<Object> parts = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(template);
    int end = 0;
    while (matcher.find()) {
      parts.add(template.substring(end, matcher.start()));
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
      String key = keyOf.apply(name);
      String filters = matcher.group(1) != null ? matcher.group(2) : "";
      parts.add(substitute(key, values.get(key), filters));
      end = matcher.end();
    }
    parts.add(template.substring(end));
    return parts;
  }

  private static Object substitute(String key, List<String> value, String filters)
      throws MissingValueException {
    List<String> current = value;
    boolean spread = false;
    for (String filter : filters.isEmpty() ? List.<String>of() : List.of(filters.substring(1).split("\\|", -1))) {
      String name = filter.strip();
      if (name.startsWith("or:")) {
        if (current == null || current.isEmpty() || current.equals(List.of(""))) {
          String fallback = name.substring(3);
          current = fallback.equals("[]") ? List.of() : List.of(fallback);
        }
      } else if (name.equals("volume")) {
        current = current == null ? null : current.stream().map(p -> p + ":" + p).toList();
      } else if (name.equals("volume-target")) {
        continue;
      } else if (name.equals("into")) {
        spread = true;
      } else {
        throw new InvalidConfigException(
            "config." + key,
            "the catalog entry uses the template filter '" + name + "', which Harbor does not support");
      }
    }
    if (current == null) {
      throw new MissingValueException(key);
    }
    return spread ? new Spread(key, current) : String.join(",", current);
  }

  /** A list value that spreads into one token per element. */
  private record Spread(String key, List<String> values) {}
}
