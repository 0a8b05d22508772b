package dev.harbor.launcher.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command run with {@code docker exec} inside a running container, attached to its stdin,
 * stdout and stderr without a TTY, so a stdio MCP server can be spoken to from Java: write to
 * {@link #stdin()}, read {@link #stdout()}. The last {@value #STDERR_LINES} lines of stderr are
 * kept for diagnostics.
 *
 * <p>Closing {@link #stdin()}, or this object, ends the exec: the command sees the end of its
 * input. With docker-java 3.7.1's httpclient5 transport the end of stdin can only be delivered by
 * closing the whole attach connection (the transport never half-closes the hijacked socket, and
 * its Unix socket cannot), so stdout ends at the same moment; whatever the command writes after
 * its input ended is not read.
 */
public final class DockerExecStdio implements Closeable {

  /** How many stderr lines are kept. */
  public static final int STDERR_LINES = 50;

  private static final long STDIN_DRAIN_MILLIS = 2000;

  private final String execId;
  private final Pipe.SinkChannel stdinSink;
  private final Pipe.SourceChannel stdoutSource;
  private final OutputStream stdin;
  private final InputStream stdout;
  private final InputStream stdinForDocker;
  private final Attachment attachment;
  private final CountDownLatch stdinDrained = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private DockerExecStdio(String execId) throws IOException {
    this.execId = execId;
    Pipe stdinPipe = Pipe.open();
    Pipe stdoutPipe = Pipe.open();
    this.stdinSink = stdinPipe.sink();
    this.stdoutSource = stdoutPipe.source();
    this.stdin = new StdinStream(Channels.newOutputStream(stdinSink));
    this.stdout = new BufferedInputStream(Channels.newInputStream(stdoutSource));
    this.attachment = new Attachment(stdoutPipe.sink());
    this.stdinForDocker = new DrainSignallingStream(Channels.newInputStream(stdinPipe.source()));
  }

  /**
   * Creates and starts {@code command} in container {@code containerId}, attached. Returns at once;
   * bytes written to {@link #stdin()} before the attach completes wait in a pipe.
   *
   * @throws com.github.dockerjava.api.exception.DockerException when the engine refuses the exec
   *     (no such container, container not running)
   * @throws IOException when the local pipes cannot be opened
   */
  public static DockerExecStdio start(DockerClient docker, String containerId, List<String> command)
      throws IOException {
    Objects.requireNonNull(docker, "docker");
    Objects.requireNonNull(containerId, "containerId");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command is empty");
    }
    String execId = docker.execCreateCmd(containerId)
        .withAttachStdin(true)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .withTty(false)
        .withCmd(command.toArray(String[]::new))
        .exec()
        .getId();
    DockerExecStdio exec = new DockerExecStdio(execId);
    docker.execStartCmd(execId)
        .withDetach(false)
        .withTty(false)
        .withStdIn(exec.stdinForDocker)
        .exec(exec.attachment);
    return exec;
  }

  /** The exec's id, for {@code docker exec inspect}-style queries. */
  public String execId() {
    return execId;
  }

  /** The command's standard input; closing it ends the exec (see the class description). */
  public OutputStream stdin() {
    return stdin;
  }

  /** The command's standard output; ends when the exec ends or this object is closed. */
  public InputStream stdout() {
    return stdout;
  }

  /** The last lines the command wrote to stderr, oldest first. */
  public List<String> stderrTail() {
    return attachment.stderr.snapshot();
  }

  /** Why the attach connection failed, when it did (the engine's own words). */
  public Optional<String> attachFailure() {
    return Optional.ofNullable(attachment.failure.get()).map(t -> Objects.toString(t.getMessage(), t.toString()));
  }

  /** Ends the exec and releases the attach connection and the pipes. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(stdinSink);
    if (attachment.attached()) {
      try {
        // Let docker-java forward what is still in the stdin pipe before the connection goes.
        stdinDrained.await(STDIN_DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(attachment);
    closeQuietly(stdoutSource);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing useful to do with a failure to release.
    }
  }

  /** Receives the exec's multiplexed output: stdout into the pipe, stderr into the recent lines. */
  private static final class Attachment extends ResultCallback.Adapter<Frame> {

    private final OutputStream stdout;
    private final Pipe.SinkChannel stdoutSink;
    private final RecentLines stderr = new RecentLines(STDERR_LINES);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stdoutBroken;
    private volatile boolean started;
    private volatile boolean ended;
    private volatile boolean closeRequested;

    Attachment(Pipe.SinkChannel stdoutSink) {
      this.stdoutSink = stdoutSink;
      this.stdout = Channels.newOutputStream(stdoutSink);
    }

    /** True while the attach connection is up and forwarding stdin. */
    boolean attached() {
      return started && !ended;
    }

    @Override
    public void onStart(Closeable stream) {
      super.onStart(stream);
      started = true;
      if (closeRequested) {
        closeQuietly(this);
      }
    }

    @Override
    public void onNext(Frame frame) {
      StreamType type = frame.getStreamType();
      if (type == StreamType.STDERR) {
        stderr.append(frame.getPayload());
      } else if ((type == StreamType.STDOUT || type == StreamType.RAW) && !stdoutBroken) {
        try {
          stdout.write(frame.getPayload());
        } catch (IOException readerGone) {
          stdoutBroken = true;
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      ended = true;
      if (!closeRequested) {
        failure.compareAndSet(null, throwable);
      }
      closeQuietly(stdoutSink);
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      ended = true;
      closeQuietly(stdoutSink);
      super.onComplete();
    }

    @Override
    public void close() throws IOException {
      closeRequested = true;
      closeQuietly(stdoutSink);
      super.close();
    }
  }

  /** The caller's side of stdin: closing it ends the exec. */
  private final class StdinStream extends FilterOutputStream {

    StdinStream(OutputStream pipe) {
      super(pipe);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() {
      DockerExecStdio.this.close();
    }
  }

  /** docker-java's side of stdin: tells {@link #close()} when everything written has been taken. */
  private final class DrainSignallingStream extends FilterInputStream {

    DrainSignallingStream(InputStream pipe) {
      super(pipe);
    }

    @Override
    public int read() throws IOException {
      return signalAtEnd(super.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return signalAtEnd(super.read(bytes, offset, length));
    }

    private int signalAtEnd(int read) {
      if (read < 0) {
        stdinDrained.countDown();
      }
      return read;
    }
  }
}
