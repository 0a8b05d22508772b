package dev.harbor.hub.importer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A null-safe, read-only view of one node of a parsed YAML or JSON document made of maps, lists and
 * scalars. Navigating into something absent or of the wrong shape yields a missing node instead of
 * failing, so mappers read optional fields without ceremony and tolerate unknown keys.
 */
final class Tree {

  private static final Tree MISSING = new Tree(null);

  private final Object value;

  private Tree(Object value) {
    this.value = value;
  }

  static Tree of(Object value) {
    return value == null ? MISSING : new Tree(value);
  }

  Tree get(String key) {
    return value instanceof Map<?, ?> map ? of(map.get(key)) : MISSING;
  }

  boolean isMissing() {
    return value == null;
  }

  boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  boolean isList() {
    return value instanceof List<?>;
  }

  boolean isScalar() {
    return value != null && !isMap() && !isList();
  }

  Object raw() {
    return value;
  }

  /** A scalar as trimmed text; null when missing, blank, a map or a list. */
  String text() {
    if (!isScalar()) {
      return null;
    }
    String text = value instanceof Date date ? date.toInstant().toString() : value.toString();
    text = text.strip();
    return text.isEmpty() ? null : text;
  }

  String text(String key) {
    return get(key).text();
  }

  /** A boolean scalar, or the text {@code true}/{@code false}; empty otherwise. */
  Optional<Boolean> bool() {
    if (value instanceof Boolean flag) {
      return Optional.of(flag);
    }
    String text = text();
    if ("true".equalsIgnoreCase(text)) {
      return Optional.of(true);
    }
    if ("false".equalsIgnoreCase(text)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  boolean flag(String key, boolean otherwise) {
    return get(key).bool().orElse(otherwise);
  }

  /** An RFC 3339 timestamp; empty when missing or malformed. */
  Optional<Instant> instant() {
    String text = text();
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The elements of a list; empty for anything else. */
  List<Tree> items() {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<Tree> items = new ArrayList<>(list.size());
    for (Object item : list) {
      items.add(of(item));
    }
    return items;
  }

  /** The non-blank scalar elements of a list as text, or a single scalar as a one-element list. */
  List<String> texts() {
    if (isScalar()) {
      String text = text();
      return text == null ? List.of() : List.of(text);
    }
    List<String> texts = new ArrayList<>();
    for (Tree item : items()) {
      String text = item.text();
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** The fields of a map in document order, keys as text; empty for anything else. */
  Map<String, Tree> fields() {
    if (!(value instanceof Map<?, ?> map)) {
      return Map.of();
    }
    Map<String, Tree> fields = new LinkedHashMap<>();
    map.forEach((key, item) -> fields.put(String.valueOf(key), of(item)));
    return fields;
  }
}
