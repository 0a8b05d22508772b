package dev.harbor.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Query parameters in the order they were set; a null value leaves the parameter out. */
final class Query {

  private final Map<String, String> params = new LinkedHashMap<>();

  static Query none() {
    return new Query();
  }

  Query put(String name, Object value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, String.valueOf(value));
    }
    return this;
  }

  Query putAll(Query other) {
    params.putAll(other.params);
    return this;
  }

  Map<String, String> asMap() {
    return Map.copyOf(params);
  }

  /** {@code ?a=1&b=x%20y}, or the empty string without parameters. */
  String encoded() {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    params.forEach((name, value) -> {
      if (query.length() > 1) {
        query.append('&');
      }
      query.append(encode(name)).append('=').append(encode(value));
    });
    return query.toString();
  }

  /** Percent-encodes a query component or a path segment (space as {@code %20}, never {@code +}). */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
