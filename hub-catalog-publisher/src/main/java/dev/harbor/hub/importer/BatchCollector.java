package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the entries and skips of one import. The first entry with a given id wins; later ones
 * are skipped with a reason naming the source that produced the id first. Skip reasons start with
 * the source they concern, so they read on their own in a log.
 */
final class BatchCollector {

  private final SourceFormat format;
  private final String origin;
  private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
  private final Map<String, String> sourceById = new LinkedHashMap<>();
  private final List<SkippedEntry> skipped = new ArrayList<>();

  BatchCollector(SourceFormat format, String origin) {
    this.format = format;
    this.origin = origin;
  }

  void add(String source, CatalogEntry entry) {
    String first = sourceById.putIfAbsent(entry.id(), source);
    if (first != null) {
      skip(source, "duplicate id " + entry.id() + ", already produced by " + first);
    } else {
      entries.put(entry.id(), entry);
    }
  }

  /** Records a skip; the reason is {@code source: problem}. */
  void skip(String source, String problem) {
    skipped.add(new SkippedEntry(source, Texts.clean(source) + ": " + problem));
  }

  ImportBatch toBatch(boolean complete) {
    return new ImportBatch(format, origin, complete, List.copyOf(entries.values()), skipped);
  }
}
