package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.VolumeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one parsed Docker catalog {@code server.yaml} to a catalog entry.
 *
 * <p>Type {@code server} (the default) runs the listed image over stdio; without a usable image the
 * entry is listed but not launchable. Type {@code remote} is a hosted endpoint and type {@code
 * poci} runs one short-lived container per tool call; both are listed, not launchable. Run
 * templates such as {@code {{server.param|filter}}} are kept exactly as the catalog writes them.
 */
final class DockerServerMapper {

  static final String REMOTE_REASON =
      "hosted remote server: Harbor lists remote endpoints but does not launch them";
  static final String POCI_REASON =
      "per-tool containers (type poci): each tool call runs its own short-lived container, which"
          + " Harbor does not launch";
  static final String NO_IMAGE_REASON =
      "the Docker catalog lists no container image for this server";

  private static final Pattern PORT =
      Pattern.compile("(?:(?:[^:]*:)?\\d{1,5}:)?(\\d{1,5})(?:/(tcp|udp))?");

  private DockerServerMapper() {}

  static CatalogEntry map(Tree root, String origin, List<ToolSummary> listedTools, Instant now)
      throws InvalidEntryException {
    if (!root.isMap()) {
      throw new InvalidEntryException("is not a YAML mapping");
    }
    String sourceName = root.text("name");
    if (sourceName == null) {
      throw new InvalidEntryException("has no name");
    }
    String slug = Slugs.slug(sourceName);
    String id =
        Slugs.id(Slugs.DOCKER_PREFIX, slug)
            .orElseThrow(
                () ->
                    new InvalidEntryException(
                        "name " + Texts.quote(sourceName) + " does not give a valid catalog id"));

    EntryDraft entry = new EntryDraft();
    entry.id = id;
    entry.slug = slug;
    Tree about = root.get("about");
    entry.name = about.text("title") != null ? about.text("title") : sourceName;
    entry.description = about.text("description");
    entry.iconUrl = about.text("icon");
    entry.category = root.get("meta").text("category");
    entry.tags = root.get("meta").get("tags").texts().stream().distinct().toList();
    String project = root.get("source").text("project");
    entry.homepageUrl = project;
    entry.tools = listedTools.isEmpty() ? inlineTools(root.get("tools")) : listedTools;

    Tree run = root.get("run");
    entry.args = run.get("command").texts();
    entry.volumes = run.get("volumes").texts().stream().map(VolumeSpec::new).toList();
    entry.ports = ports(run.get("ports"));
    boolean noNetwork = run.flag("disableNetwork", false);
    entry.network =
        new NetworkSpec(
            noNetwork ? NetworkMode.NONE : NetworkMode.EGRESS, run.get("allowHosts").texts());
    DockerConfigMapper.DockerConfig config =
        DockerConfigMapper.map(sourceName, run, root.get("config"));
    entry.parameters = config.parameters();
    entry.env = config.env();
    entry.secrets = config.secrets();

    String type = root.text("type") == null ? "server" : root.text("type").toLowerCase(Locale.ROOT);
    Optional<ImageReference> image = launch(entry, type, root);
    entry.publisher =
        Publishers.fromProjectUrl(project)
            .or(() -> image.flatMap(Publishers::fromImage))
            .or(
                () ->
                    entry.remotes.stream()
                        .findFirst()
                        .flatMap(r -> Publishers.fromRemoteUrl(r.url())))
            .orElse(null);

    entry.source =
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, origin, sourceName, project, null);
    entry.createdAt = now;
    entry.updatedAt = now;
    return entry.build();
  }

  /**
   * Sets the launch fields for the server type; returns the image when the entry names a usable
   * one.
   */
  private static Optional<ImageReference> launch(EntryDraft entry, String type, Tree root)
      throws InvalidEntryException {
    switch (type) {
      case "server" -> {
        String reference = root.text("image");
        Optional<ImageReference> image = ImageReference.parse(reference);
        entry.transport = Transport.STDIO;
        if (image.isPresent()) {
          entry.image = image.get().repository();
          entry.imageTagDefault = image.get().tagOr(null);
          entry.imageDigest = image.get().digest();
          entry.launcherKind = LauncherKind.DOCKER;
          entry.launchable = true;
          entry.healthCheck = HealthCheckMode.MCP_INITIALIZE;
        } else if (reference == null) {
          entry.notLaunchable(LauncherKind.DOCKER, NO_IMAGE_REASON);
        } else {
          entry.notLaunchable(
              LauncherKind.DOCKER,
              "container image " + Texts.quote(reference) + " is not a valid image reference");
        }
        return image;
      }
      case "remote" -> {
        Tree remote = root.get("remote");
        List<RemoteEndpoint> remotes = new ArrayList<>();
        Transports.remote(remote.text("transport_type"), remote.text("url"))
            .ifPresent(remotes::add);
        entry.remotes = remotes;
        entry.transport = Transports.common(remotes);
        entry.notLaunchable(LauncherKind.REMOTE, REMOTE_REASON);
        return Optional.empty();
      }
      case "poci" -> {
        entry.notLaunchable(LauncherKind.DOCKER, POCI_REASON);
        return Optional.empty();
      }
      default -> throw new InvalidEntryException("has unsupported type " + Texts.quote(type));
    }
  }

  private static List<ToolSummary> inlineTools(Tree tools) {
    List<ToolSummary> summaries = new ArrayList<>();
    for (Tree tool : tools.items()) {
      if (tool.text("name") != null) {
        summaries.add(new ToolSummary(tool.text("name"), tool.text("description")));
      }
    }
    return summaries;
  }

  /**
   * {@code "8355:8355"}, {@code "8080"} or {@code "127.0.0.1:80:8080/tcp"}: the container side
   * counts.
   */
  private static List<PortSpec> ports(Tree ports) {
    List<PortSpec> specs = new ArrayList<>();
    for (String port : ports.texts()) {
      Matcher matcher = PORT.matcher(port);
      if (matcher.matches()) {
        int number = Integer.parseInt(matcher.group(1));
        String protocol = matcher.group(2) == null ? "tcp" : matcher.group(2);
        if (number > 0
            && number <= 65535
            && specs.stream().noneMatch(p -> p.containerPort() == number)) {
          specs.add(new PortSpec("port-" + number, number, protocol));
        }
      }
    }
    return specs;
  }
}
