package dev.harbor.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command's arguments after its words, checked against its {@link CommandSpec}. */
public final class Args {

  private final CommandSpec spec;
  private final List<String> positionals;
  private final Map<String, List<String>> flags;

  private Args(CommandSpec spec, List<String> positionals, Map<String, List<String>> flags) {
    this.spec = spec;
    this.positionals = positionals;
    this.flags = flags;
  }

  /**
   * Reads {@code raw} as {@code spec} says: {@code --flag value} or {@code --flag=value}, switches
   * alone, everything else positional.
   *
   * @throws UsageException for an unknown flag, a missing value or flag, too few or too many positionals
   */
  public static Args parse(CommandSpec spec, List<String> raw) {
    List<String> positionals = new ArrayList<>();
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String arg = raw.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        positionals.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals > 0 ? arg.substring(0, equals) : arg;
      CommandSpec.Flag flag = spec.flags().get(name);
      if (flag == null) {
        throw new UsageException("unknown option '" + name + "' for " + spec.path(), spec.synopsis());
      }
      String value;
      if (flag.isSwitch()) {
        if (equals > 0) {
          throw new UsageException(name + " takes no value", spec.synopsis());
        }
        value = "";
      } else if (equals > 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < raw.size()) {
        value = raw.get(++i);
      } else {
        throw new UsageException(name + " needs a value (" + flag.metavar() + ")", spec.synopsis());
      }
      List<String> values = flags.computeIfAbsent(name, n -> new ArrayList<>());
      if (!values.isEmpty() && !flag.repeatable()) {
        throw new UsageException(name + " given twice", spec.synopsis());
      }
      values.add(value);
    }
    for (CommandSpec.Flag flag : spec.flags().values()) {
      if (flag.required() && !flags.containsKey(flag.name())) {
        throw new UsageException(spec.path() + " needs " + flag.name() + " " + flag.metavar(), spec.synopsis());
      }
    }
    if (positionals.size() < spec.requiredPositionals()) {
      throw new UsageException(spec.path() + " needs " + spec.positionals().get(positionals.size()), spec.synopsis());
    }
    if (positionals.size() > spec.positionals().size()) {
      throw new UsageException("unexpected argument '" + positionals.get(spec.positionals().size()) + "'",
          spec.synopsis());
    }
    return new Args(spec, List.copyOf(positionals), flags);
  }

  /** The command these arguments are for. */
  public CommandSpec spec() {
    return spec;
  }

  /** The positional at {@code index}, if given. */
  public Optional<String> positional(int index) {
    return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
  }

  /** The required positional at {@code index}, non-blank. */
  public String required(int index) {
    String value = positionals.get(index);
    if (value.isBlank()) {
      throw usage(spec.positionals().get(index) + " must not be blank");
    }
    return value;
  }

  /** The flag's value, if given. */
  public Optional<String> value(String flag) {
    List<String> values = flags.get(flag);
    return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  /** Every value of a repeatable flag, in order. */
  public List<String> values(String flag) {
    return flags.getOrDefault(flag, List.of());
  }

  /** Whether the switch (or flag) was given. */
  public boolean has(String flag) {
    return flags.containsKey(flag);
  }

  /** The flag's value as a positive number, if given. */
  public Optional<Integer> positiveInt(String flag) {
    return value(flag).map(text -> {
      try {
        int number = Integer.parseInt(text);
        if (number > 0) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw usage(flag + " must be a positive number, not '" + text + "'");
    });
  }

  /** A usage error for this command. */
  public UsageException usage(String message) {
    return new UsageException(message, spec.synopsis());
  }
}
