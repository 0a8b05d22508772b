package dev.harbor.bench;

import dev.harbor.schemas.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A larger catalog made from the real one: entry {@code i} copies real entry {@code i mod n} (in id
 * order) with {@code -k} appended to its id and slug and {@code " k"} to its name, where {@code k = i / n
 * + 1} is the copy number. Everything else, descriptions and tags included, is unchanged, so searches
 * match the same share of entries at every size.
 */
final class SyntheticCatalog {

  private static final int MAX_ID = 160;

  private SyntheticCatalog() {}

  static List<CatalogEntry> derive(List<CatalogEntry> real, int count) {
    if (real.isEmpty()) {
      throw new IllegalArgumentException("no real entries to derive from");
    }
    List<CatalogEntry> byId = real.stream().sorted(Comparator.comparing(CatalogEntry::id)).toList();
    List<CatalogEntry> derived = new ArrayList<>(count);
    Set<String> ids = new HashSet<>(count * 2);
    for (int i = 0; i < count; i++) {
      CatalogEntry base = byId.get(i % byId.size());
      int copy = i / byId.size() + 1;
      String suffix = "-" + copy;
      String id = base.id().substring(0, Math.min(base.id().length(), MAX_ID - suffix.length())) + suffix;
      if (!CatalogEntry.isValidId(id) || !ids.add(id)) {
        throw new IllegalStateException("derived id '" + id + "' is invalid or taken");
      }
      derived.add(renamed(base, id, base.slug() + suffix, base.name() + " " + copy));
    }
    return derived;
  }

  private static CatalogEntry renamed(CatalogEntry e, String id, String slug, String name) {
    return new CatalogEntry(
        id, slug, name, e.description(), e.publisher(), e.tags(), e.category(), e.homepageUrl(),
        e.docsUrl(), e.iconUrl(), e.image(), e.imageTagDefault(), e.imageDigest(), e.transport(),
        e.launcherKind(), e.launchable(), e.notLaunchableReason(), e.command(), e.args(),
        e.parameters(), e.env(), e.secrets(), e.ports(), e.volumes(), e.network(), e.healthCheck(),
        e.remotes(), null, e.tools(), e.version(), e.knownVersions(), e.status(), e.visibility(),
        e.source(), e.createdAt(), e.updatedAt());
  }
}
