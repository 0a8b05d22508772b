package dev.harbor.node.clientconfig;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a pasted server runs, read from its command line or URL: a container image ({@code docker run
 * [options] IMAGE}), an npm package ({@code npx [-y] PKG[@version]}), a PyPI package ({@code uvx
 * PKG}), a remote URL, or nothing recognisable. {@code env} holds the variables the server gets from
 * its {@code env} object and from {@code -e NAME=value} options of a {@code docker run} line.
 */
record LaunchTarget(Kind kind, @Nullable String value, Map<String, String> env) {

  /** How a server is run. */
  enum Kind {
    IMAGE,
    NPM,
    PYPI,
    URL,
    UNKNOWN
  }

  /** {@code docker run} options that take the next argument as their value. */
  private static final Set<String> DOCKER_VALUE_OPTIONS = Set.of(
      "-e", "--env", "--env-file", "-v", "--volume", "--mount", "-p", "--publish", "--name", "--network",
      "--net", "-w", "--workdir", "-u", "--user", "--entrypoint", "-l", "--label", "--label-file", "--platform",
      "--pull", "--cpus", "-m", "--memory", "--add-host", "--cap-add", "--cap-drop", "--security-opt", "-h",
      "--hostname", "--restart", "--device", "--tmpfs", "--ulimit", "--shm-size", "--runtime", "--ipc", "--pid",
      "--dns", "--log-driver", "--log-opt", "--gpus", "--stop-signal", "--stop-timeout", "--cidfile",
      "--memory-swap", "--user-ns", "--userns", "--group-add", "--expose", "--link", "--volumes-from");
  private static final Set<String> NPX_VALUE_OPTIONS = Set.of("-p", "--package", "-c", "--call");
  private static final Set<String> UVX_VALUE_OPTIONS = Set.of(
      "--from", "--with", "--python", "-p", "--index", "--index-url", "--extra-index-url", "--with-requirements");

  @Override
  public String toString() {
    return "LaunchTarget[kind=" + kind + ", env=" + env.keySet() + "]";
  }

  static LaunchTarget of(PastedServer server) {
    Map<String, String> env = new LinkedHashMap<>(server.env());
    if (server.command() == null) {
      return new LaunchTarget(server.url() == null ? Kind.UNKNOWN : Kind.URL, server.url(), env);
    }
    String program = program(server.command());
    List<String> args = server.args();
    return switch (program) {
      case "docker", "podman" -> docker(args, env);
      case "npx", "bunx", "pnpx" -> new LaunchTarget(Kind.NPM, npmPackage(args), env);
      case "uvx" -> new LaunchTarget(Kind.PYPI, pypiPackage(args), env);
      default -> new LaunchTarget(Kind.UNKNOWN, null, env);
    };
  }

  /** The command's file name, without a directory or a Windows extension, in lower case. */
  private static String program(String command) {
    String name = command.strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    return name.replaceFirst("\\.(exe|cmd|bat)$", "");
  }

  private static LaunchTarget docker(List<String> args, Map<String, String> env) {
    if (args.isEmpty() || !args.get(0).equals("run")) {
      return new LaunchTarget(Kind.UNKNOWN, null, env);
    }
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-")) {
        return new LaunchTarget(Kind.IMAGE, arg, env);
      }
      boolean takesValue = DOCKER_VALUE_OPTIONS.contains(arg);
      String value = takesValue && i + 1 < args.size() ? args.get(i + 1) : null;
      if (arg.startsWith("--env=")) {
        value = arg.substring("--env=".length());
      } else if (arg.startsWith("-e") && arg.length() > 2 && !arg.startsWith("-e=")) {
        value = arg.substring(2);
      }
      if (value != null && (arg.startsWith("-e") || arg.startsWith("--env")) && !arg.startsWith("--env-file")) {
        int equals = value.indexOf('=');
        if (equals > 0) {
          env.put(value.substring(0, equals), value.substring(equals + 1));
        }
      }
      if (takesValue) {
        i++;
      }
    }
    return new LaunchTarget(Kind.UNKNOWN, null, env);
  }

  private static @Nullable String npmPackage(List<String> args) {
    String spec = firstOperand(args, NPX_VALUE_OPTIONS, Set.of("-p", "--package"));
    if (spec == null) {
      return null;
    }
    int version = spec.lastIndexOf('@');
    return version > 0 ? spec.substring(0, version) : spec;
  }

  private static @Nullable String pypiPackage(List<String> args) {
    String spec = firstOperand(args, UVX_VALUE_OPTIONS, Set.of("--from"));
    return spec == null ? null : spec.split("[\\[=<>!~@ ;]", 2)[0];
  }

  /**
   * The first argument that is not an option, or the value of one of {@code packageOptions} when it
   * comes first: the package a runner such as npx or uvx runs.
   */
  private static @Nullable String firstOperand(List<String> args, Set<String> valueOptions, Set<String> packageOptions) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (packageOptions.contains(arg) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (!arg.startsWith("-")) {
        return arg;
      }
      if (valueOptions.contains(arg)) {
        i++;
      }
    }
    return null;
  }
}
