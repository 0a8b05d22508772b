package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.SourceFormat;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The result of reading one catalog source: the normalized entries, in source order with unique
 * ids, and the records that were skipped.
 *
 * <p>{@code origin} is what every entry carries in {@code source().origin()}: the absolute path of
 * a file or directory, or the base URL of a registry. {@code complete} is true when the batch
 * stands for the whole source, so a publisher may retire entries of the same format and origin that
 * it no longer contains. It is false for incremental syncs and for a source that could not be read
 * as a whole (a listing that does not parse), where missing entries say nothing about the catalog.
 */
@Serdeable
public record ImportBatch(
    SourceFormat format,
    String origin,
    boolean complete,
    List<CatalogEntry> entries,
    List<SkippedEntry> skipped) {

  public ImportBatch {
    entries = entries == null ? List.of() : List.copyOf(entries);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }
}
