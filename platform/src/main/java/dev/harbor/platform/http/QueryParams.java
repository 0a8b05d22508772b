package dev.harbor.platform.http;

import dev.harbor.schemas.Wire;
import io.micronaut.core.annotation.Nullable;

/** Parsing of single query-parameter values; every failure is a 400 naming the parameter. */
public final class QueryParams {

  private QueryParams() {}

  /** A wire-named enum value, or null when the value is absent or blank. */
  public static <E extends Enum<E> & Wire> @Nullable E wire(@Nullable String value, String name, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Wire.parse(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name, e.getMessage());
    }
  }

  /** A flag: absent is false, present without a value or {@code true} is true, {@code false} is false. */
  public static boolean flag(@Nullable String value, String name) {
    if (value == null) {
      return false;
    }
    return switch (value.trim()) {
      case "", "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestException(name, "must be true or false");
    };
  }

  /** A whole number within {@code [min, max]}, or {@code fallback} when the value is absent or blank. */
  public static int number(@Nullable String value, String name, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name, "not a whole number: '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new BadRequestException(name, "must be between " + min + " and " + max);
    }
    return parsed;
  }
}
