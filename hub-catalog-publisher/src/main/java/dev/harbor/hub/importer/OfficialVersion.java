package dev.harbor.hub.importer;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * One {@code {server, _meta}} item of an official registry listing: a single published version of a
 * server, with its position in the listing to keep orderings stable.
 */
record OfficialVersion(Tree server, Tree official, int position) {

  static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";

  /** Newest first: by publication time (unknown counts as oldest), then by later position. */
  static final Comparator<OfficialVersion> NEWEST_FIRST =
      Comparator.comparing(
              (OfficialVersion v) -> v.publishedAt().orElse(Instant.MIN), Comparator.reverseOrder())
          .thenComparing(OfficialVersion::position, Comparator.reverseOrder());

  static OfficialVersion of(Tree item, int position) {
    return new OfficialVersion(item.get("server"), item.get("_meta").get(OFFICIAL_META), position);
  }

  String name() {
    return server.text("name");
  }

  String version() {
    return server.text("version");
  }

  Optional<Instant> publishedAt() {
    return official.get("publishedAt").instant();
  }

  Optional<Instant> updatedAt() {
    return official.get("updatedAt").instant().or(this::publishedAt);
  }

  boolean isLatest() {
    return official.flag("isLatest", false);
  }

  String status() {
    return official.text("status");
  }
}
