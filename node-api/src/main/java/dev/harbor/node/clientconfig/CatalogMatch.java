package dev.harbor.node.clientconfig;

import dev.harbor.schemas.api.CatalogItem;

/** A catalog entry recognised for a pasted server, how ({@code image}, {@code npm}, {@code pypi}, {@code url}) and by which catalog value. */
record CatalogMatch(CatalogItem item, String matchedBy, String matched) {}
