package dev.harbor.schemas;

/**
 * Checks record constructors share. The JSON mapping leaves empty strings out, so a required string
 * must not be blank, or the record written could never be read back.
 */
public final class Require {

  private Require() {}

  /** Returns {@code value}, or throws naming {@code field} when it is null or blank. */
  public static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }
}
