package dev.harbor.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command of {@code ./harbor mcp}, described by its synopsis, from which its words, positionals
 * and flags are read: {@code ID} is a required positional, {@code [QUERY]} an optional one, {@code
 * --reason TEXT} a required flag with a value, {@code [--tag T]} an optional one, {@code [--config
 * k=v ...]} one that repeats, {@code [--wait]} a switch.
 *
 * @param path the command's words, such as {@code catalog search}
 * @param synopsis the whole synopsis, path included
 * @param summary one line on what it does
 * @param positionals the positionals' names in order; optional ones in brackets
 * @param flags every flag by name
 */
public record CommandSpec(String path, String synopsis, String summary, List<String> positionals,
    Map<String, Flag> flags) {

  /**
   * One flag of a command.
   *
   * @param name such as {@code --tag}
   * @param metavar the value's name, such as {@code T} or {@code agent|script|operator}; null for a switch
   * @param required whether the command needs it
   * @param repeatable whether it may be given more than once
   */
  public record Flag(String name, String metavar, boolean required, boolean repeatable) {

    /** True for a flag without a value. */
    public boolean isSwitch() {
      return metavar == null;
    }
  }

  /** A command read from its synopsis. */
  public static CommandSpec of(String synopsis, String summary) {
    String[] tokens = synopsis.trim().split("\\s+");
    List<String> path = new ArrayList<>();
    int i = 0;
    while (i < tokens.length && tokens[i].matches("[a-z]+")) {
      path.add(tokens[i++]);
    }
    List<String> positionals = new ArrayList<>();
    Map<String, Flag> flags = new LinkedHashMap<>();
    for (; i < tokens.length; i++) {
      String token = tokens[i];
      boolean optional = token.startsWith("[");
      String bare = token.replace("[", "").replace("]", "");
      if (!bare.startsWith("--")) {
        positionals.add(token);
        continue;
      }
      if (token.endsWith("]") || i + 1 == tokens.length) {
        flags.put(bare, new Flag(bare, null, false, false));
        continue;
      }
      String metavar = tokens[++i].replace("]", "");
      boolean repeatable = i + 1 < tokens.length && tokens[i + 1].equals("...]");
      if (repeatable) {
        i++;
      }
      flags.put(bare, new Flag(bare, metavar, !optional, repeatable));
    }
    return new CommandSpec(String.join(" ", path), synopsis, summary, List.copyOf(positionals), flags);
  }

  /** How many positionals the command needs. */
  public int requiredPositionals() {
    return (int) positionals.stream().filter(p -> !p.startsWith("[")).count();
  }
}
