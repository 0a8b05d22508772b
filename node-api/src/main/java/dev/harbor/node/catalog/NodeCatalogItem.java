package dev.harbor.node.catalog;

import dev.harbor.schemas.catalog.CatalogEntry;
import io.micronaut.serde.annotation.Serdeable;

/** A catalog entry as a node serves it: the Hub's global metadata and this node's state, kept apart. */
@Serdeable
public record NodeCatalogItem(CatalogEntry entry, LocalState local) {}
