package dev.harbor.sdk;

import dev.harbor.schemas.catalog.CatalogEntry;
import io.micronaut.serde.annotation.Serdeable;

/** A catalog entry as a Node serves it: the Hub's global metadata and this Node's own state, kept apart. */
@Serdeable
public record CatalogItem(CatalogEntry entry, LocalState local) {

  /** The entry's catalog id. */
  public String id() {
    return entry.id();
  }
}
