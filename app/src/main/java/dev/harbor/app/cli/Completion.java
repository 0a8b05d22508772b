package dev.harbor.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./harbor completion bash}: a bash completion script for {@code ./harbor}, its commands,
 * {@code mcp}'s commands and subcommands, their flags and the flags' fixed values, and file names
 * where a command reads a file. Load it with {@code source <(./harbor completion bash)}.
 */
public final class Completion {

  /** The top-level commands of {@code ./harbor}. */
  static final List<String> TOP_LEVEL = List.of("up", "test", "bench", "hub", "mcp", "completion", "help");

  /** The options every {@code mcp} command takes. */
  static final List<String> GLOBAL_FLAGS = List.of("--node", "--token", "-o");

  private Completion() {}

  /** The script. */
  public static String bash() {
    StringBuilder cases = new StringBuilder();
    caseLine(cases, "\"\"", TOP_LEVEL);
    caseLine(cases, "hub", List.of("import"));
    caseLine(cases, "completion", List.of("bash"));
    List<String> mcpWords = new ArrayList<>(firstWords(""));
    mcpWords.add("help");
    caseLine(cases, "mcp", mcpWords);
    for (String group : groups()) {
      caseLine(cases, "\"mcp " + group + "\"", firstWords(group + " "));
    }
    for (CommandSpec spec : McpCommands.ALL) {
      List<String> flags = new ArrayList<>(spec.flags().keySet());
      flags.addAll(GLOBAL_FLAGS);
      caseLine(cases, "\"mcp " + spec.path() + "\"|\"mcp " + spec.path() + " \"*", flags);
    }
    List<String> fileCommands = new ArrayList<>(List.of("hub import"));
    McpCommands.ALL.stream()
        .filter(spec -> spec.synopsis().contains(" FILE"))
        .forEach(spec -> fileCommands.add("mcp " + spec.path()));
    String files = fileCommands.stream()
        .map(command -> "\"" + command + "\"|\"" + command + " \"*")
        .collect(Collectors.joining("|"));
    StringBuilder values = new StringBuilder();
    valueLine(values, "-o", "table json");
    McpCommands.ALL.stream()
        .flatMap(spec -> spec.flags().values().stream())
        .filter(flag -> !flag.isSwitch() && flag.metavar().contains("|"))
        .map(flag -> flag.name() + "\t" + flag.metavar().replace('|', ' '))
        .distinct()
        .forEach(pair -> valueLine(values, pair.split("\t")[0], pair.split("\t")[1]));
    return """
        # bash completion for ./harbor; load it with: source <(./harbor completion bash)
        _harbor() {
          local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
          local typed="${COMP_WORDS[*]:1:COMP_CWORD-1}" words=""
          case "$prev" in
        %s  esac
          case "$typed" in
            %s) [[ "$cur" == -* ]] || { COMPREPLY=($(compgen -f -- "$cur")); return; } ;;
          esac
          case "$typed" in
        %s  esac
          COMPREPLY=($(compgen -W "$words" -- "$cur"))
        }
        complete -F _harbor harbor ./harbor
        """.formatted(values, files, cases);
  }

  private static Set<String> groups() {
    return McpCommands.ALL.stream()
        .map(CommandSpec::path)
        .filter(path -> path.contains(" "))
        .map(path -> path.substring(0, path.indexOf(' ')))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static List<String> firstWords(String prefix) {
    return McpCommands.ALL.stream()
        .map(CommandSpec::path)
        .filter(path -> path.startsWith(prefix))
        .map(path -> path.substring(prefix.length()).split(" ")[0])
        .distinct()
        .collect(Collectors.toList());
  }

  private static void caseLine(StringBuilder out, String pattern, List<String> words) {
    out.append("    ").append(pattern).append(") words=\"").append(String.join(" ", words)).append("\" ;;\n");
  }

  private static void valueLine(StringBuilder out, String flag, String words) {
    out.append("    ").append(flag).append(") COMPREPLY=($(compgen -W \"").append(words)
        .append("\" -- \"$cur\")); return ;;\n");
  }
}
