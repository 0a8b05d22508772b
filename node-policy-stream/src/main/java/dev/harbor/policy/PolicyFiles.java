package dev.harbor.policy;

import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A node's policy as a YAML file ({@code $HARBOR_HOME/nodes/<id>/policy.yaml}): reading, checking
 * and writing its rules. The file holds only {@code rules:}, a list of rules with the fields of
 * {@link PolicyRule} and the wire names of their values ({@code mcp.setup}, {@code agent}, {@code
 * require_approval}). Every problem is reported as an {@link InvalidPolicyException} naming the rule
 * index and the field. Version, author and time are not part of the file: whoever publishes the
 * rules to the node's policy topic adds them.
 */
public final class PolicyFiles {

  /** The policy file's name inside the node's data folder. */
  public static final String FILE_NAME = "policy.yaml";

  /** Most rules a policy may hold. */
  public static final int MAX_RULES = 1_000;

  private static final long MAX_FILE_BYTES = 1024 * 1024;
  private static final String DEFAULT_RESOURCE = "default-policy.yaml";
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern CATALOG_GLOB = Pattern.compile("[a-z0-9.*?-]{1,160}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final int MAX_TEXT = 200;
  private static final int MAX_REASON = 500;
  private static final int MAX_DESCRIPTION = 1_000;
  private static final String HEADER =
      "# Harbor node policy. Rules are tried in order; the first that matches decides, and a request\n"
          + "# no rule matches is denied (rule \"default-deny\"). See docs/lifecycle.md.\n";

  private PolicyFiles() {}

  /** Where the node's policy file lives: {@code <harborHome>/nodes/<nodeId>/policy.yaml}. */
  public static Path path(Path harborHome, String nodeId) {
    return harborHome.resolve("nodes").resolve(Topics.requireNodeId(nodeId)).resolve(FILE_NAME);
  }

  /** Reads and checks the rules of a policy document. */
  public static List<PolicyRule> parse(String yaml) {
    List<PolicyRule> rules = PolicyYamlReader.read(yaml);
    validate(rules);
    return rules;
  }

  /** The rules as a policy document, with a short header comment; {@link #parse} reads it back. */
  public static String toYaml(List<PolicyRule> rules) {
    validate(rules);
    return HEADER + PolicyYamlWriter.write(rules);
  }

  /** Reads and checks a policy file. */
  public static List<PolicyRule> load(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new InvalidPolicyException("yaml", "the file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Checks the rules and replaces the file with them in one step (a partial file is never seen). */
  public static void save(Path file, List<PolicyRule> rules) throws IOException {
    writeAtomically(file, toYaml(rules));
  }

  /**
   * Reads the policy file, first writing the commented default policy ({@link #defaultYaml()}) when
   * there is none yet.
   */
  public static List<PolicyRule> loadOrCreateDefault(Path file) throws IOException {
    if (!Files.exists(file)) {
      writeAtomically(file, defaultYaml());
    }
    return load(file);
  }

  /**
   * The default policy as a commented document meant for people to read and edit; it parses to
   * {@link PolicyDefaults#rules()}.
   */
  public static String defaultYaml() {
    try (InputStream in = PolicyFiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + DEFAULT_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks rules however they were made (from a file or from JSON): ids are unique, well-formed and
   * not reserved for the checks made before policy ({@link SetupChecks#RESERVED}), catalog id globs
   * use only catalog id characters and {@code *} {@code ?}, and texts are short and printable.
   */
  public static void validate(List<PolicyRule> rules) {
    if (rules.size() > MAX_RULES) {
      throw new InvalidPolicyException("rules", "more than " + MAX_RULES + " rules");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      String path = "rules[" + i + "]";
      PolicyRule rule = rules.get(i);
      checkId(path + ".id", rule.id(), seen, i);
      checkText(path + ".description", rule.description(), MAX_DESCRIPTION, CONTROL_BUT_LINES);
      checkText(path + ".callerName", rule.callerName(), MAX_TEXT, CONTROL);
      for (int k = 0; k < rule.catalogIds().size(); k++) {
        String glob = rule.catalogIds().get(k);
        if (!CATALOG_GLOB.matcher(glob).matches()) {
          throw new InvalidPolicyException(
              path + ".catalogIds[" + k + "]",
              "'" + printable(glob) + "' is not a catalog id glob (lower-case letters, digits, '.',"
                  + " '-', '*' and '?')");
        }
      }
      checkTexts(path + ".tags", rule.tags());
      checkTexts(path + ".publishers", rule.publishers());
      checkText(path + ".reason", rule.reason(), MAX_REASON, CONTROL);
    }
  }

  private static void checkId(String place, String id, Map<String, Integer> seen, int index) {
    if (!RULE_ID.matcher(id).matches()) {
      throw new InvalidPolicyException(
          place, "'" + printable(id) + "' is not a rule id (letters, digits, '.', '_' and '-', at most 64)");
    }
    if (SetupChecks.RESERVED.contains(id)) {
      throw new InvalidPolicyException(
          place, "'" + id + "' is reserved for a check the node makes itself");
    }
    Integer previous = seen.putIfAbsent(id, index);
    if (previous != null) {
      throw new InvalidPolicyException(place, "'" + id + "' is already the id of rules[" + previous + "]");
    }
  }

  private static void checkTexts(String place, List<String> values) {
    for (int k = 0; k < values.size(); k++) {
      checkText(place + "[" + k + "]", values.get(k), MAX_TEXT, CONTROL);
    }
  }

  private static void checkText(String place, String value, int max, Pattern forbidden) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      throw new InvalidPolicyException(place, "must not be blank");
    }
    if (value.length() > max) {
      throw new InvalidPolicyException(place, "longer than " + max + " characters");
    }
    if (forbidden.matcher(value).find()) {
      throw new InvalidPolicyException(place, "must not contain control characters");
    }
  }

  private static String printable(String value) {
    return CONTROL.matcher(value).replaceAll("?");
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
