package dev.harbor.policy;

import dev.harbor.schemas.Wire;
import dev.harbor.schemas.policy.PolicyRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes rules as a policy file {@link PolicyYamlReader} reads back to the same rules. */
final class PolicyYamlWriter {

  private PolicyYamlWriter() {}

  static String write(List<PolicyRule> rules) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(PolicyYamlReader.ROOT_KEY, rules.stream().map(PolicyYamlWriter::fields).toList());
    return new Yaml(options).dump(document);
  }

  private static Map<String, Object> fields(PolicyRule rule) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", rule.id());
    putIfPresent(fields, "description", rule.description());
    putIfPresent(fields, "actions", wires(rule.actions()));
    putIfPresent(fields, "callerKinds", wires(rule.callerKinds()));
    putIfPresent(fields, "callerName", rule.callerName());
    putIfPresent(fields, "catalogIds", rule.catalogIds());
    putIfPresent(fields, "tags", rule.tags());
    putIfPresent(fields, "publishers", rule.publishers());
    putIfPresent(fields, "needsSecrets", rule.needsSecrets());
    putIfPresent(fields, "transports", wires(rule.transports()));
    fields.put("effect", rule.effect().wire());
    putIfPresent(fields, "reason", rule.reason());
    return fields;
  }

  private static List<String> wires(List<? extends Wire> values) {
    return values.stream().map(Wire::wire).toList();
  }

  private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
    if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
      fields.put(key, value);
    }
  }
}
