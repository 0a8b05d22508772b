package dev.harbor.policy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.EnvVarSpec;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.catalog.VolumeSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Catalog entries for tests, built step by step from a small launchable Docker entry. */
final class TestEntries {

  static final Instant UPDATED = Instant.parse("2026-01-01T00:00:00Z");

  private String id;
  private String publisher = "acme";
  private List<String> tags = List.of("tools");
  private Transport transport = Transport.STDIO;
  private boolean launchable = true;
  private String notLaunchableReason;
  private String image;
  private List<String> command = List.of();
  private List<String> args = List.of();
  private List<ParameterSpec> parameters = List.of();
  private List<EnvVarSpec> env = List.of();
  private List<SecretSpec> secrets = List.of();
  private List<VolumeSpec> volumes = List.of();

  private TestEntries(String id) {
    this.id = id;
    this.image = "mcp/" + id.replace('.', '-');
  }

  static TestEntries entry(String id) {
    return new TestEntries(id);
  }

  static CatalogEntry simple(String id) {
    return entry(id).build();
  }

  TestEntries publisher(String value) {
    this.publisher = value;
    return this;
  }

  TestEntries tags(String... values) {
    this.tags = List.of(values);
    return this;
  }

  TestEntries transport(Transport value) {
    this.transport = value;
    return this;
  }

  TestEntries notLaunchable(String reason) {
    this.launchable = false;
    this.notLaunchableReason = reason;
    this.image = null;
    return this;
  }

  TestEntries image(String value) {
    this.image = value;
    return this;
  }

  TestEntries command(String... tokens) {
    this.command = List.of(tokens);
    return this;
  }

  TestEntries args(String... tokens) {
    this.args = List.of(tokens);
    return this;
  }

  TestEntries parameters(ParameterSpec... values) {
    this.parameters = List.of(values);
    return this;
  }

  TestEntries env(EnvVarSpec... values) {
    this.env = List.of(values);
    return this;
  }

  TestEntries secrets(SecretSpec... values) {
    this.secrets = List.of(values);
    return this;
  }

  TestEntries volumes(String... templates) {
    this.volumes = Stream.of(templates).map(VolumeSpec::new).toList();
    return this;
  }

  static ParameterSpec parameter(String name, String type, boolean required, String defaultValue) {
    return new ParameterSpec(name, null, type, required, defaultValue);
  }

  static ParameterSpec parameter(String name, boolean required) {
    return parameter(name, "string", required, null);
  }

  CatalogEntry build() {
    return new CatalogEntry(
        id, id.substring(id.indexOf('.') + 1), "Server " + id, "A test server", publisher, tags, "devops",
        null, null, null, image, launchable ? "1.0" : null, null, transport,
        launchable ? LauncherKind.DOCKER : LauncherKind.REMOTE, launchable, notLaunchableReason,
        command, args, parameters, env, secrets, null, volumes, null, null, null, null, null, "1.0", null,
        EntryStatus.AVAILABLE, Visibility.PUBLIC,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "test", id.substring(id.indexOf('.') + 1), null, null),
        UPDATED, UPDATED);
  }
}
