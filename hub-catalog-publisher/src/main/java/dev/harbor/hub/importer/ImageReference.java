package dev.harbor.hub.importer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference split into repository, tag and digest: {@code
 * ghcr.io/o/img:1.2@sha256:…} is repository {@code ghcr.io/o/img}, tag {@code 1.2} and digest
 * {@code sha256:…}; tag and digest are null when the reference names none. Only plain references
 * parse; anything with spaces, shell characters or an empty part does not.
 */
record ImageReference(String repository, String tag, String digest) {

  static final String DEFAULT_TAG = "latest";

  private static final String COMPONENT = "[A-Za-z0-9][A-Za-z0-9._-]*";
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "(?:[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]{1,5})?/)?"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}");

  /** Parses a reference; empty when it is not a plain image reference. */
  static Optional<ImageReference> parse(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String rest = reference.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        return Optional.empty();
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return Optional.empty();
      }
    }
    if (!REPOSITORY.matcher(rest).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ImageReference(rest, tag, digest));
  }

  /** The tag, else {@code fallback} when that is a valid tag, else {@link #DEFAULT_TAG}. */
  String tagOr(String fallback) {
    if (tag != null) {
      return tag;
    }
    return fallback != null && TAG.matcher(fallback).matches() ? fallback : DEFAULT_TAG;
  }

  /**
   * The account part of the repository, without a registry host: {@code ghcr.io/o/img} gives {@code
   * o}, {@code mcp/aks} gives {@code mcp}, a single-component name gives nothing.
   */
  Optional<String> namespace() {
    String[] parts = repository.split("/");
    int first = parts.length > 1 && isRegistryHost(parts[0]) ? 1 : 0;
    return parts.length - first >= 2 ? Optional.of(parts[first]) : Optional.empty();
  }

  private static boolean isRegistryHost(String part) {
    return part.contains(".") || part.contains(":") || part.equals("localhost");
  }
}
