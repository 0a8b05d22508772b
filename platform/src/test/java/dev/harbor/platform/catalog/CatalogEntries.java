package dev.harbor.platform.catalog;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import java.time.Instant;
import java.util.List;

/** Small catalog entries for tests. */
public final class CatalogEntries {

  private CatalogEntries() {}

  public static CatalogEntry entry(
      String id, String name, String description, String publisher, List<String> tags, Transport transport, LauncherKind kind, EntryStatus status) {
    return entry(id, name, description, publisher, tags, transport, kind, status, Visibility.PUBLIC);
  }

  public static CatalogEntry entry(
      String id, String name, String description, String publisher, List<String> tags, Transport transport, LauncherKind kind,
      EntryStatus status, Visibility visibility) {
    return new CatalogEntry(
        id, id, name, description, publisher, tags, "devops", null, null, null,
        kind == LauncherKind.DOCKER ? "example/" + id : null, kind == LauncherKind.DOCKER ? "latest" : null, null,
        transport, kind, kind == LauncherKind.DOCKER, kind == LauncherKind.DOCKER ? null : "not a container",
        null, null, null, null, null, null, null, null, null, null, null, null, "1.0.0", null, status, visibility,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "test", id, null, null),
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
  }

  public static CatalogEntry simple(String id, String name) {
    return entry(id, name, "A server called " + name, "acme", List.of("tools"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.AVAILABLE);
  }
}
