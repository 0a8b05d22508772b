package dev.harbor.policy;

import dev.harbor.schemas.Wire;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the rules of a policy file into typed rules, naming the place of the first problem ({@code
 * rules[1].effect}). Only plain YAML is accepted: no custom tags, no duplicate keys, few aliases.
 */
final class PolicyYamlReader {

  static final String ROOT_KEY = "rules";

  static final List<String> FIELDS =
      List.of(
          "id", "description", "actions", "callerKinds", "callerName", "catalogIds", "tags",
          "publishers", "needsSecrets", "transports", "effect", "reason");

  private static final int MAX_CODE_POINTS = 1_000_000;

  private PolicyYamlReader() {}

  static List<PolicyRule> read(String text) {
    Object root = load(text);
    if (root == null) {
      throw new InvalidPolicyException(
          ROOT_KEY, "the policy is empty; write 'rules:' with a list (an empty list denies everything)");
    }
    if (!(root instanceof Map<?, ?> document)) {
      throw new InvalidPolicyException(ROOT_KEY, "the policy must be a mapping with the key 'rules'");
    }
    for (Object key : document.keySet()) {
      if (!ROOT_KEY.equals(key)) {
        throw new InvalidPolicyException(String.valueOf(key), "unknown key; a policy has only 'rules'");
      }
    }
    if (!(document.get(ROOT_KEY) instanceof List<?> items)) {
      throw new InvalidPolicyException(
          ROOT_KEY, "must be a list of rules (write 'rules: []' to deny everything)");
    }
    List<PolicyRule> rules = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rules.add(rule(ROOT_KEY + "[" + i + "]", items.get(i)));
    }
    return List.copyOf(rules);
  }

  private static Object load(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(MAX_CODE_POINTS);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
      throw new InvalidPolicyException("yaml", where + e.getProblem());
    } catch (YAMLException e) {
      throw new InvalidPolicyException("yaml", String.valueOf(e.getMessage()));
    }
  }

  private static PolicyRule rule(String path, Object item) {
    if (!(item instanceof Map<?, ?> fields)) {
      throw new InvalidPolicyException(path, "must be a mapping with at least 'id' and 'effect'");
    }
    for (Object key : fields.keySet()) {
      if (!(key instanceof String name) || !FIELDS.contains(name)) {
        throw new InvalidPolicyException(
            path + "." + key, "unknown field; a rule has " + String.join(", ", FIELDS));
      }
    }
    Fields rule = new Fields(path, fields);
    return new PolicyRule(
        rule.requiredString("id"),
        rule.string("description"),
        rule.wires("actions", PolicyAction.class),
        rule.wires("callerKinds", CallerKind.class),
        rule.string("callerName"),
        rule.strings("catalogIds"),
        rule.strings("tags"),
        rule.strings("publishers"),
        rule.bool("needsSecrets"),
        rule.wires("transports", Transport.class),
        rule.requiredWire("effect", PolicyEffect.class),
        rule.string("reason"));
  }

  /** Typed access to one rule's fields, with errors that name the field. */
  private record Fields(String path, Map<?, ?> values) {

    String requiredString(String field) {
      String value = string(field);
      if (value == null || value.isBlank()) {
        throw new InvalidPolicyException(path + "." + field, "is required");
      }
      return value;
    }

    String string(String field) {
      return asString(path + "." + field, values.get(field));
    }

    Boolean bool(String field) {
      Object value = values.get(field);
      if (value == null || value instanceof Boolean) {
        return (Boolean) value;
      }
      throw new InvalidPolicyException(path + "." + field, "must be true or false");
    }

    List<String> strings(String field) {
      List<?> items = list(field);
      List<String> strings = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String element = path + "." + field + "[" + i + "]";
        String value = asString(element, items.get(i));
        if (value == null) {
          throw new InvalidPolicyException(element, "must not be empty");
        }
        strings.add(value);
      }
      return strings;
    }

    <E extends Enum<E> & Wire> E requiredWire(String field, Class<E> type) {
      String value = requiredString(field);
      return parse(path + "." + field, value, type);
    }

    <E extends Enum<E> & Wire> List<E> wires(String field, Class<E> type) {
      List<String> names = strings(field);
      List<E> values = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        values.add(parse(path + "." + field + "[" + i + "]", names.get(i), type));
      }
      return values;
    }

    private List<?> list(String field) {
      Object value = values.get(field);
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> items) {
        return items;
      }
      throw new InvalidPolicyException(
          path + "." + field, "must be a list, such as [" + String.valueOf(value) + "]");
    }

    private static String asString(String place, Object value) {
      if (value == null || value instanceof String) {
        return (String) value;
      }
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new InvalidPolicyException(place, "must be a single value");
      }
      throw new InvalidPolicyException(
          place, "must be a string; write it in quotes (\"" + value + "\")");
    }

    private static <E extends Enum<E> & Wire> E parse(String place, String value, Class<E> type) {
      try {
        return Wire.parse(type, value);
      } catch (IllegalArgumentException e) {
        throw new InvalidPolicyException(place, e.getMessage());
      }
    }
  }
}
