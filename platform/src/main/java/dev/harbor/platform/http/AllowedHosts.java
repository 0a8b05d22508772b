package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a local Harbor server answers to: {@code localhost}, {@code 127.0.0.1} and
 * {@code [::1]} on any port, plus configured extra names. Checks {@code Host} and {@code Origin}
 * header values against them.
 */
final class AllowedHosts {

  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private static final int MAX_PORT = 65_535;

  private final Set<String> names;

  AllowedHosts(Collection<String> extraNames) {
    Set<String> all = new HashSet<>(LOCAL_NAMES);
    for (String name : extraNames) {
      String normalized = normalize(name);
      if (!normalized.isEmpty()) {
        all.add(normalized);
      }
    }
    this.names = Set.copyOf(all);
  }

  /** True when {@code host} is {@code name} or {@code name:port} for an allowed name. */
  boolean allowsHost(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String name = nameOf(host);
    return name != null && names.contains(name);
  }

  /** True when {@code origin} is {@code http://} or {@code https://} and an allowed host. */
  boolean allowsOrigin(@Nullable String origin) {
    if (origin == null) {
      return false;
    }
    String lower = origin.toLowerCase(Locale.ROOT);
    String authority;
    if (lower.startsWith("http://")) {
      authority = origin.substring("http://".length());
    } else if (lower.startsWith("https://")) {
      authority = origin.substring("https://".length());
    } else {
      return false;
    }
    return allowsHost(authority);
  }

  /** The lower-case name of a {@code name[:port]} authority, or null when it is malformed. */
  private static @Nullable String nameOf(String authority) {
    String name;
    String rest;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      name = authority.substring(1, close);
      rest = authority.substring(close + 1);
    } else {
      int colon = authority.indexOf(':');
      name = colon < 0 ? authority : authority.substring(0, colon);
      rest = colon < 0 ? "" : authority.substring(colon);
    }
    if (name.isEmpty() || !(rest.isEmpty() || isPort(rest))) {
      return null;
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static boolean isPort(String colonAndPort) {
    if (colonAndPort.length() < 2 || colonAndPort.length() > 6 || colonAndPort.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < colonAndPort.length(); i++) {
      if (colonAndPort.charAt(i) < '0' || colonAndPort.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(colonAndPort.substring(1)) <= MAX_PORT;
  }

  private static String normalize(String name) {
    String trimmed = name.strip().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}
