package dev.harbor.launcher.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads UTF-8 lines from a stream that may never deliver one, on a daemon thread of its own, so
 * the caller can wait with a timeout. It reads byte by byte and only when asked, so it never takes
 * more from the stream than the lines it returns.
 */
final class LineReader implements AutoCloseable {

  /** What waiting for a line can come to, besides the line. */
  enum Outcome { LINE, END_OF_STREAM, TIMED_OUT }

  /** The result of {@link #next}: a line, the end of the stream, or a timeout. */
  record Read(Outcome outcome, String line) {
  }

  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private final InputStream in;
  private final ExecutorService thread;
  private Future<String> pending;

  LineReader(InputStream in) {
    this.in = in;
    this.thread = Executors.newSingleThreadExecutor(task -> {
      Thread reader = new Thread(task, "mcp-probe-line-reader");
      reader.setDaemon(true);
      return reader;
    });
  }

  /**
   * Waits up to {@code timeout} for the next line (without its line break; a trailing CR is
   * dropped). A line that is still on its way when the wait times out is kept for the next call.
   *
   * @throws IOException when reading fails or a line is longer than {@link #MAX_LINE_BYTES}
   */
  Read next(Duration timeout) throws IOException, InterruptedException {
    if (pending == null) {
      pending = thread.submit(this::readLine);
    }
    try {
      String line = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      pending = null;
      return line == null ? new Read(Outcome.END_OF_STREAM, null) : new Read(Outcome.LINE, line);
    } catch (TimeoutException e) {
      return new Read(Outcome.TIMED_OUT, null);
    } catch (ExecutionException e) {
      pending = null;
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** Stops the reading thread; a read blocked in the stream ends when the stream is closed. */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : decode(line);
      }
      if (b == '\n') {
        return decode(line);
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("a line longer than " + (MAX_LINE_BYTES / (1024 * 1024)) + " MiB");
      }
      line.write(b);
    }
  }

  private static String decode(ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
