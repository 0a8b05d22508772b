package dev.harbor.hub.importer;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A source record an importer left out of its batch: {@code source} names it (a file relative to
 * the import origin, a server name, or a position in a listing) and {@code reason} says why, in
 * words an operator can act on.
 */
@Serdeable
public record SkippedEntry(String source, String reason) {}
