package dev.harbor.schemas.api;

import dev.harbor.schemas.catalog.CatalogEntry;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A catalog entry as a Node's API serves it: the Hub's global metadata ({@code entry}) and this
 * Node's own state ({@code local}), kept apart.
 */
@Serdeable
public record CatalogItem(CatalogEntry entry, LocalState local) {

  /** The entry's catalog id. */
  public String id() {
    return entry.id();
  }
}
