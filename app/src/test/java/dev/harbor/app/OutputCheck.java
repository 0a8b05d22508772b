package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares what an example printed with the output its page shows. Ids, times and ports differ from
 * run to run; the shape, the statuses and the wording must not.
 */
final class OutputCheck {

  /** The key a shown JSON object uses to say "and more fields". */
  static final String ELIDED = "...";

  private static final Pattern INSTANCE_ID = Pattern.compile("\\bi-[0-9a-f]{20}\\b");
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");

  private OutputCheck() {}

  /**
   * Every field the shown value has, the printed one has too (objects recursively, arrays by their
   * first element), and where the shown value names a {@code status} the printed one has that status.
   */
  static void fields(String example, Object shown, Object printed, String path) {
    if (shown instanceof Map<?, ?> shownObject) {
      assertThat(printed).as("%s: %s is an object", example, path.isEmpty() ? "the output" : path)
          .isInstanceOf(Map.class);
      Map<String, Object> printedObject = Json.object(printed);
      for (Map.Entry<?, ?> field : shownObject.entrySet()) {
        String key = String.valueOf(field.getKey());
        if (key.equals(ELIDED)) {
          continue;
        }
        String at = path.isEmpty() ? key : path + "." + key;
        assertThat(printedObject).as("%s: printed %s", example, at).containsKey(key);
        if (key.equals("status")) {
          assertThat(printedObject.get(key)).as("%s: %s", example, at).isEqualTo(field.getValue());
        }
        fields(example, field.getValue(), printedObject.get(key), at);
      }
    } else if (shown instanceof List<?> shownList && !shownList.isEmpty()) {
      assertThat(printed).as("%s: %s is an array", example, path).isInstanceOf(List.class);
      List<?> printedList = (List<?>) printed;
      assertThat(printedList).as("%s: %s has an element", example, path).isNotEmpty();
      fields(example, shownList.get(0), printedList.get(0), path + "[0]");
    }
  }

  /**
   * Each shown line matches the printed line at its place once ids, times and ports are set aside
   * and runs of spaces are one; {@code ...} in a shown line stands for anything.
   */
  static void lines(String example, String shown, String printed) {
    List<String> shownLines = shown.lines().toList();
    List<String> printedLines = printed.strip().lines().toList();
    assertThat(printedLines).as("%s printed%n%s", example, printed).hasSameSizeAs(shownLines);
    for (int i = 0; i < shownLines.size(); i++) {
      String expected = normal(shownLines.get(i));
      String actual = normal(printedLines.get(i));
      assertThat(actual).as("%s, line %d", example, i + 1).matches(pattern(expected));
    }
  }

  private static String normal(String line) {
    String normal = INSTANCE_ID.matcher(line).replaceAll("i-ID");
    normal = TIME.matcher(normal).replaceAll("TIME");
    normal = PORT.matcher(normal).replaceAll("127.0.0.1:PORT");
    return normal.strip().replaceAll("\\s+", " ");
  }

  private static Pattern pattern(String expected) {
    StringBuilder regex = new StringBuilder();
    String[] pieces = expected.split(Pattern.quote(ELIDED), -1);
    for (int i = 0; i < pieces.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(pieces[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
