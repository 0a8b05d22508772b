package dev.harbor.app.cli;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Where a command writes its answer: a table or lines for people, or the API's JSON with {@code -o json}. */
public final class Output {

  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private final PrintStream out;
  private final boolean json;

  /**
   * @param out standard output
   * @param json whether {@code -o json} was asked for
   */
  public Output(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Whether the answer is JSON. */
  public boolean isJson() {
    return json;
  }

  /** Writes {@code value} as JSON when JSON was asked for, else the table. */
  public void show(Object value, Table table) {
    if (json) {
      out.println(toJson(value));
    } else {
      out.print(table.render());
    }
  }

  /** Writes {@code value} as JSON when JSON was asked for, else the line. */
  public void show(Object value, String line) {
    out.println(json ? toJson(value) : line);
  }

  /** Writes a line as it is, whatever the format. */
  public void line(String line) {
    out.println(line);
  }

  /** {@code value} as compact JSON, written as the Node's API writes it. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
