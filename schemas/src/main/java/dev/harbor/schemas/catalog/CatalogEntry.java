package dev.harbor.schemas.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One MCP server in the Hub catalog: the value of the compacted catalog topic, keyed by {@link #id()}.
 *
 * <p>Global metadata only. Whether a node has the entry enabled is node state ({@code
 * CatalogEntryState}), never part of this record. Lists are never null. Templates ({@link #command()},
 * {@link #args()}, {@link EnvVarSpec#value()}) are declarative: literal tokens or whole {@code
 * {{parameter}}} references.
 */
@Serdeable
public record CatalogEntry(
    String id,
    String slug,
    String name,
    @Nullable String description,
    @Nullable String publisher,
    List<String> tags,
    @Nullable String category,
    @Nullable String homepageUrl,
    @Nullable String docsUrl,
    @Nullable String iconUrl,
    @Nullable String image,
    @Nullable String imageTagDefault,
    @Nullable String imageDigest,
    Transport transport,
    LauncherKind launcherKind,
    boolean launchable,
    @Nullable String notLaunchableReason,
    List<String> command,
    List<String> args,
    List<ParameterSpec> parameters,
    List<EnvVarSpec> env,
    List<SecretSpec> secrets,
    List<PortSpec> ports,
    List<VolumeSpec> volumes,
    NetworkSpec network,
    HealthCheckMode healthCheck,
    List<RemoteEndpoint> remotes,
    List<PackageRef> packages,
    List<ToolSummary> tools,
    @Nullable String version,
    List<String> knownVersions,
    EntryStatus status,
    Visibility visibility,
    CatalogSource source,
    Instant createdAt,
    Instant updatedAt) {

  /** Catalog ids: lower-case letters, digits, dots and dashes; safe in a URL path, a file name and a label. */
  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9.-]{0,159}");

  public CatalogEntry {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("catalog id '" + id + "' must match " + ID_PATTERN.pattern());
    }
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(launcherKind, "launcherKind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    tags = copy(tags);
    command = copy(command);
    args = copy(args);
    parameters = copy(parameters);
    env = copy(env);
    secrets = copy(secrets);
    ports = copy(ports);
    volumes = copy(volumes);
    remotes = copy(remotes);
    packages = copy(packages);
    tools = copy(tools);
    knownVersions = copy(knownVersions);
    if (network == null) {
      network = new NetworkSpec(NetworkMode.EGRESS, List.of());
    }
    if (healthCheck == null) {
      healthCheck = HealthCheckMode.NONE;
    }
    if (status == null) {
      status = EntryStatus.AVAILABLE;
    }
    if (visibility == null) {
      visibility = Visibility.PUBLIC;
    }
    if (transport == null) {
      transport = Transport.UNKNOWN;
    }
  }

  public static boolean isValidId(String id) {
    return id != null && ID_PATTERN.matcher(id).matches();
  }

  /** The same entry with other timestamps; the importer compares entries with timestamps set aside. */
  public CatalogEntry withTimestamps(Instant created, Instant updated) {
    return new CatalogEntry(
        id, slug, name, description, publisher, tags, category, homepageUrl, docsUrl, iconUrl, image,
        imageTagDefault, imageDigest, transport, launcherKind, launchable, notLaunchableReason, command,
        args, parameters, env, secrets, ports, volumes, network, healthCheck, remotes, packages, tools, version,
        knownVersions, status, visibility, source, created, updated);
  }

  /** True when both describe the same content, whatever their timestamps. */
  public boolean sameContentAs(CatalogEntry other) {
    return other != null
        && withTimestamps(Instant.EPOCH, Instant.EPOCH)
            .equals(other.withTimestamps(Instant.EPOCH, Instant.EPOCH));
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
