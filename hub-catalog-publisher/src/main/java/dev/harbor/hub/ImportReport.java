package dev.harbor.hub;

import dev.harbor.hub.importer.SkippedEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What one import did to the catalog topic: entries new to the catalog, changed, unchanged, removed
 * (tombstoned because they left a complete source), and skipped with reasons.
 */
@Serdeable
public record ImportReport(
    SourceFormat format,
    String origin,
    int imported,
    int updated,
    int unchanged,
    int removed,
    List<SkippedEntry> skipped) {

  public ImportReport {
    skipped = List.copyOf(skipped);
  }

  /** Records written to the topic. */
  public int published() {
    return imported + updated + removed;
  }

  /** A human-readable report: the counts, then each skipped entry's reason (which names it). */
  public String describe() {
    StringBuilder out =
        new StringBuilder()
            .append(format.wire())
            .append(" from ")
            .append(origin)
            .append(": imported ")
            .append(imported)
            .append(", updated ")
            .append(updated)
            .append(", unchanged ")
            .append(unchanged)
            .append(", removed ")
            .append(removed)
            .append(", skipped ")
            .append(skipped.size());
    for (SkippedEntry entry : skipped) {
      out.append(System.lineSeparator()).append("  skipped ").append(entry.reason());
    }
    return out.toString();
  }
}
