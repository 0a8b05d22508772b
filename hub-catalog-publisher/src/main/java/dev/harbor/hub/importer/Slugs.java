package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.CatalogEntry;
import java.util.Locale;
import java.util.Optional;

/**
 * Catalog slugs and ids. A slug is the source name in lower case with every character outside
 * {@code [a-z0-9]} replaced by a dash, runs of dashes collapsed and leading or trailing dashes
 * removed, so it is safe as a path segment, file name or label ({@code ../../etc} becomes {@code
 * etc}). An id is a source prefix, a dot and the slug, and must satisfy {@link
 * CatalogEntry#isValidId}.
 */
final class Slugs {

  static final String DOCKER_PREFIX = "docker.";
  static final String OFFICIAL_PREFIX = "official.";

  private Slugs() {}

  static String slug(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder(lower.length());
    boolean dash = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        slug.append(c);
        dash = false;
      } else if (!dash && !slug.isEmpty()) {
        slug.append('-');
        dash = true;
      }
    }
    if (dash) {
      slug.setLength(slug.length() - 1);
    }
    return slug.toString();
  }

  /** The id for a source name, or empty when the slug is empty or the id too long to be valid. */
  static Optional<String> id(String prefix, String slug) {
    String id = prefix + slug;
    return !slug.isEmpty() && CatalogEntry.isValidId(id) ? Optional.of(id) : Optional.empty();
  }
}
