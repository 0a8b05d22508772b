package dev.harbor.node.command;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/** Checks the free text a caller attaches to a command (a reason, a note): shown to others and audited. */
public final class Notes {

  public static final int MAX_LENGTH = 500;
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");

  private Notes() {}

  /**
   * The text without surrounding blanks, or null when there is none.
   *
   * @throws BadRequestException naming {@code field} when it is too long or holds control characters
   */
  public static @Nullable String check(String field, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadRequestException(field, "longer than " + MAX_LENGTH + " characters");
    }
    if (!PRINTABLE.matcher(text).matches()) {
      throw new BadRequestException(field, "must not contain control characters");
    }
    return text.strip();
  }
}
