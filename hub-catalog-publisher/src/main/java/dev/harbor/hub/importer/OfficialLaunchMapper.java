package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.PackageRef;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps how an official registry server runs: its {@code packages} and {@code remotes}.
 *
 * <p>The first {@code oci} package makes the entry a launchable Docker entry: image, tag and digest
 * from its identifier, transport from its transport type, a port when the transport URL names one,
 * secrets and environment from its {@code environmentVariables}, and container arguments from its
 * {@code packageArguments}. Its {@code runtimeArguments} are left out: for an image they are
 * options of the container runtime itself ({@code -v}, {@code -e}, {@code --rm}, sometimes a whole
 * {@code docker run} line), which Harbor's launcher decides, not the server's arguments. Without an
 * image, packages make a not launchable {@link LauncherKind#PACKAGE} entry and remotes alone a not
 * launchable {@link LauncherKind#REMOTE} one. Remotes and packages (registry type, identifier,
 * version) are always listed.
 */
final class OfficialLaunchMapper {

  static final String REMOTE_REASON = DockerServerMapper.REMOTE_REASON;
  static final String NOTHING_TO_RUN = "publishes neither a package nor a remote endpoint";

  private static final Pattern URL_PORT =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*?:(\\d{1,5})(?:[/?#].*)?$");
  private static final Map<String, String> REGISTRY_NAMES =
      Map.of("npm", "npm", "pypi", "PyPI", "nuget", "NuGet", "mcpb", "MCPB");

  private OfficialLaunchMapper() {}

  static void apply(EntryDraft entry, Tree server) throws InvalidEntryException {
    List<Tree> packages = server.get("packages").items().stream().filter(Tree::isMap).toList();
    List<RemoteEndpoint> remotes = new ArrayList<>();
    for (Tree remote : server.get("remotes").items()) {
      Transports.remote(remote.text("type"), remote.text("url")).ifPresent(remotes::add);
    }
    entry.remotes = remotes;
    entry.packages = references(packages);
    Optional<Tree> oci =
        packages.stream().filter(p -> "oci".equalsIgnoreCase(p.text("registryType"))).findFirst();
    if (oci.isPresent()) {
      container(entry, oci.get());
    } else if (!packages.isEmpty()) {
      describe(entry, packages.getFirst());
      entry.notLaunchable(
          LauncherKind.PACKAGE, "no container image: published only as " + registries(packages));
    } else if (!remotes.isEmpty()) {
      entry.transport = Transports.common(remotes);
      entry.notLaunchable(LauncherKind.REMOTE, REMOTE_REASON);
    } else {
      throw new InvalidEntryException(NOTHING_TO_RUN);
    }
  }

  /** Every package with a registry type and an identifier, the type in lower case. */
  private static List<PackageRef> references(List<Tree> packages) {
    List<PackageRef> references = new ArrayList<>();
    for (Tree pkg : packages) {
      String type = pkg.text("registryType");
      String identifier = pkg.text("identifier");
      if (type != null && !type.isBlank() && identifier != null && !identifier.isBlank()) {
        references.add(new PackageRef(type.strip().toLowerCase(Locale.ROOT), identifier.strip(), pkg.text("version")));
      }
    }
    return List.copyOf(references);
  }

  private static void container(EntryDraft entry, Tree oci) {
    describe(entry, oci);
    String identifier = oci.text("identifier");
    Optional<ImageReference> image = ImageReference.parse(identifier);
    if (image.isEmpty()) {
      entry.notLaunchable(
          LauncherKind.DOCKER,
          "container image " + Texts.quote(identifier) + " is not a valid image reference");
      return;
    }
    entry.image = image.get().repository();
    entry.imageTagDefault = image.get().tagOr(oci.text("version"));
    entry.imageDigest = image.get().digest();
    entry.ports = port(oci.get("transport").text("url"), entry.transport).stream().toList();
    entry.launcherKind = LauncherKind.DOCKER;
    entry.launchable = true;
    entry.healthCheck = HealthCheckMode.MCP_INITIALIZE;
  }

  /** What any package says about running it: transport, environment, secrets and arguments. */
  private static void describe(EntryDraft entry, Tree pkg) {
    entry.transport = Transports.of(pkg.get("transport").text("type"));
    Map<String, EnvVarSpec> env = new LinkedHashMap<>();
    Map<String, SecretSpec> secrets = new LinkedHashMap<>();
    for (Tree variable : pkg.get("environmentVariables").items()) {
      String name = variable.text("name");
      if (!Texts.isEnvName(name)) {
        continue;
      }
      boolean required = variable.flag("isRequired", false);
      String description = variable.text("description");
      if (variable.flag("isSecret", false)) {
        if (Texts.isSecretName(name)) {
          secrets.putIfAbsent(name, new SecretSpec(name, name, description, required));
        }
      } else {
        String value =
            variable.text("value") != null ? variable.text("value") : variable.text("default");
        env.putIfAbsent(name, new EnvVarSpec(name, description, required, value));
      }
    }
    entry.env = List.copyOf(env.values());
    entry.secrets = List.copyOf(secrets.values());
    entry.args = arguments(pkg.get("packageArguments"));
  }

  /**
   * Declarative argument tokens: a positional argument gives its value, a named one its name and
   * then its value. The value is {@code value}, else {@code default}, else a {@code {valueHint}}
   * placeholder. A secret argument never carries its default: without a fixed value it gets a
   * placeholder named after its hint or its flag ({@code --token} then {@code {token}}).
   */
  private static List<String> arguments(Tree arguments) {
    List<String> tokens = new ArrayList<>();
    for (Tree argument : arguments.items()) {
      String type = argument.text("type");
      boolean named = type == null ? argument.text("name") != null : "named".equalsIgnoreCase(type);
      String name = argument.text("name");
      if (named && name == null) {
        continue;
      }
      boolean secret = argument.flag("isSecret", false);
      String hint = argument.text("valueHint");
      String value = argument.text("value");
      if (value == null && !secret) {
        value = argument.text("default");
      }
      if (value == null && hint != null) {
        value = "{" + hint + "}";
      }
      if (value == null && secret && named) {
        value = "{" + name.replaceFirst("^-+", "") + "}";
      }
      if (named) {
        tokens.add(name);
      }
      if (value != null) {
        tokens.add(value);
      }
    }
    return tokens;
  }

  private static Optional<PortSpec> port(String url, Transport transport) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher matcher = URL_PORT.matcher(url.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int port = Integer.parseInt(matcher.group(1));
    return port > 0 && port <= 65535
        ? Optional.of(new PortSpec(transport.wire().replace('_', '-'), port, "tcp"))
        : Optional.empty();
  }

  /**
   * {@code an npm package}, or {@code npm and PyPI packages} when there are several registry types.
   */
  private static String registries(List<Tree> packages) {
    List<String> names =
        packages.stream()
            .map(p -> p.text("registryType"))
            .filter(type -> type != null)
            .map(type -> REGISTRY_NAMES.getOrDefault(type.toLowerCase(Locale.ROOT), type))
            .distinct()
            .toList();
    if (names.isEmpty()) {
      return "a package of unknown type";
    }
    if (names.size() == 1) {
      String name = names.getFirst();
      return (startsWithVowelSound(name) ? "an " : "a ") + name + " package";
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.getLast()
        + " packages";
  }

  /**
   * Article choice for registry names read as letters or words: an npm, an MCPB, a PyPI, a NuGet.
   */
  private static boolean startsWithVowelSound(String name) {
    char first = Character.toLowerCase(name.charAt(0));
    boolean spelled =
        name.equals(name.toLowerCase(Locale.ROOT)) || name.equals(name.toUpperCase(Locale.ROOT));
    return "aeiou".indexOf(first) >= 0 || (spelled && "fhlmnrsx".indexOf(first) >= 0);
  }
}
