package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.SourceFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps all listed versions of one official registry server to a catalog entry. The version flagged
 * {@code isLatest} (the newest of them if several are; the newest published if none is) describes
 * the entry; every version, newest first, goes to {@code knownVersions}. {@code createdAt} is the
 * earliest publication and {@code updatedAt} the latest update of any version.
 */
final class OfficialServerMapper {

  private OfficialServerMapper() {}

  static CatalogEntry map(
      String serverName, List<OfficialVersion> versions, String origin, Instant now)
      throws InvalidEntryException {
    String slug = Slugs.slug(serverName);
    String id =
        Slugs.id(Slugs.OFFICIAL_PREFIX, slug)
            .orElseThrow(() -> new InvalidEntryException("name does not give a valid catalog id"));
    List<OfficialVersion> newestFirst =
        versions.stream().sorted(OfficialVersion.NEWEST_FIRST).toList();
    OfficialVersion latest =
        newestFirst.stream()
            .filter(OfficialVersion::isLatest)
            .findFirst()
            .orElse(newestFirst.getFirst());
    Tree server = latest.server();

    EntryDraft entry = new EntryDraft();
    entry.id = id;
    entry.slug = slug;
    entry.name = server.text("title") != null ? server.text("title") : lastPathPart(serverName);
    entry.description = server.text("description");
    entry.publisher = Publishers.fromServerName(serverName).orElse(null);
    entry.homepageUrl = server.text("websiteUrl");
    entry.iconUrl = icon(server.get("icons"));
    OfficialLaunchMapper.apply(entry, server);
    entry.version = latest.version();
    entry.knownVersions =
        newestFirst.stream()
            .map(OfficialVersion::version)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    entry.status = status(latest.status());
    String repository = server.get("repository").text("url");
    entry.source =
        new CatalogSource(SourceFormat.OFFICIAL_REGISTRY, origin, serverName, repository, null);
    Instant created =
        versions.stream()
            .flatMap(v -> v.publishedAt().stream())
            .min(Instant::compareTo)
            .orElse(now);
    Instant updated =
        versions.stream()
            .flatMap(v -> v.updatedAt().stream())
            .max(Instant::compareTo)
            .orElse(created);
    entry.createdAt = created;
    entry.updatedAt = updated.isBefore(created) ? created : updated;
    return entry.build();
  }

  private static String lastPathPart(String serverName) {
    String last = serverName.substring(serverName.lastIndexOf('/') + 1).strip();
    return last.isEmpty() ? serverName : last;
  }

  private static String icon(Tree icons) {
    return icons.items().stream()
        .map(icon -> icon.text("src"))
        .filter(src -> src != null && src.toLowerCase(Locale.ROOT).startsWith("https://"))
        .findFirst()
        .orElse(null);
  }

  private static EntryStatus status(String status) {
    return switch (Optional.ofNullable(status).orElse("active").toLowerCase(Locale.ROOT)) {
      case "deprecated" -> EntryStatus.DEPRECATED;
      case "deleted" -> EntryStatus.HIDDEN;
      default -> EntryStatus.AVAILABLE;
    };
  }
}
