package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.HealthCheckMode;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PackageRef;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.ToolSummary;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.catalog.VolumeSpec;
import java.time.Instant;
import java.util.List;

/**
 * The fields of a {@link CatalogEntry} being assembled by a mapper, so each mapping step sets only
 * what it knows; {@link #build()} applies the record's own defaults to whatever was left unset.
 */
final class EntryDraft {

  String id;
  String slug;
  String name;
  String description;
  String publisher;
  List<String> tags = List.of();
  String category;
  String homepageUrl;
  String docsUrl;
  String iconUrl;
  String image;
  String imageTagDefault;
  String imageDigest;
  Transport transport;
  LauncherKind launcherKind;
  boolean launchable;
  String notLaunchableReason;
  List<String> command = List.of();
  List<String> args = List.of();
  List<ParameterSpec> parameters = List.of();
  List<EnvVarSpec> env = List.of();
  List<SecretSpec> secrets = List.of();
  List<PortSpec> ports = List.of();
  List<VolumeSpec> volumes = List.of();
  NetworkSpec network;
  HealthCheckMode healthCheck;
  List<RemoteEndpoint> remotes = List.of();
  List<PackageRef> packages = List.of();
  List<ToolSummary> tools = List.of();
  String version;
  List<String> knownVersions = List.of();
  EntryStatus status;
  Visibility visibility;
  CatalogSource source;
  Instant createdAt;
  Instant updatedAt;

  /** Marks the entry as not launchable by Harbor, for the given plain-language reason. */
  void notLaunchable(LauncherKind kind, String reason) {
    launcherKind = kind;
    launchable = false;
    notLaunchableReason = reason;
    healthCheck = HealthCheckMode.NONE;
  }

  CatalogEntry build() {
    return new CatalogEntry(
        id,
        slug,
        name,
        description,
        publisher,
        tags,
        category,
        homepageUrl,
        docsUrl,
        iconUrl,
        image,
        imageTagDefault,
        imageDigest,
        transport,
        launcherKind,
        launchable,
        notLaunchableReason,
        command,
        args,
        parameters,
        env,
        secrets,
        ports,
        volumes,
        network,
        healthCheck,
        remotes,
        packages,
        tools,
        version,
        knownVersions,
        status,
        visibility,
        source,
        createdAt,
        updatedAt);
  }
}
