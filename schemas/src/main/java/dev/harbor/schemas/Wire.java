package dev.harbor.schemas;

import java.util.Arrays;
import java.util.Locale;

/**
 * Enum constants travel as lower-case wire names ({@code STREAMABLE_HTTP} is {@code "streamable_http"}).
 * Every contract enum implements this so JSON, JSON Schema files and query parameters agree.
 */
public interface Wire {

  String name();

  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, or throws {@link IllegalArgumentException} listing the accepted values. */
  static <E extends Enum<E> & Wire> E parse(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown value '" + value + "', expected one of " + wireNames(type));
  }

  static <E extends Enum<E> & Wire> java.util.List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Wire::wire).toList();
  }
}
