package dev.harbor.launcher.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
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
 * its Unix socket could not), so stdout ends at the same moment: whatever the command writes after
 * its input ended is not read. When the command exits by itself, stdout ends and writing to stdin
 * fails.
 */
public final class DockerExecStdio implements Closeable {

  /** How many stderr lines are kept. */
  public static final int STDERR_LINES = 50;

  private static final long STDIN_DRAIN_MILLIS = 2000;

  private final String execId;
  private final Pipe stdinPipe;
  private final Pipe stdoutPipe;
  private final OutputStream stdin;
  private final InputStream stdout;
  private final InputStream stdinForDocker;
  private final Attachment attachment;
  private final CountDownLatch stdinDrained = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private DockerExecStdio(String execId) throws IOException {
    this.execId = execId;
    this.stdinPipe = Pipe.open();
    this.stdoutPipe = Pipe.open();
    this.stdin = new StdinStream(Channels.newOutputStream(stdinPipe.sink()));
    this.stdout = new BufferedInputStream(new StdoutStream(Channels.newInputStream(stdoutPipe.source())));
    this.stdinForDocker = new ForwardedStdin(Channels.newInputStream(stdinPipe.source()));
    this.attachment = new Attachment();
  }

  /**
   * Creates and starts {@code command} in container {@code containerId}, attached. Returns once
   * the engine accepted the exec, without waiting for the attach connection: bytes written to
   * {@link #stdin()} meanwhile wait in a pipe.
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
    try {
      docker.execStartCmd(execId)
          .withDetach(false)
          .withTty(false)
          .withStdIn(exec.stdinForDocker)
          .exec(exec.attachment);
    } catch (RuntimeException e) {
      exec.close();
      throw e;
    }
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

  /** The command's standard output; it ends when the exec ends or this object is closed. */
  public InputStream stdout() {
    return stdout;
  }

  /** The last lines the command wrote to stderr, oldest first. */
  public List<String> stderrTail() {
    return attachment.stderr.snapshot();
  }

  /** Why the attach connection failed, when it did (the engine's or the transport's words). */
  public Optional<String> attachFailure() {
    return Optional.ofNullable(attachment.failure.get())
        .map(failure -> Objects.toString(failure.getMessage(), failure.toString()));
  }

  /** Ends the exec and releases the attach connection and the pipes. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(stdinPipe.sink());
    if (attachment.attached()) {
      try {
        // Let docker-java forward what is still in the stdin pipe before the connection goes.
        stdinDrained.await(STDIN_DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(attachment);
    closeQuietly(stdinPipe.source());
    closeQuietly(stdoutPipe.sink());
    closeQuietly(stdoutPipe.source());
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing useful to do with a failure to release.
    }
  }

  /**
   * Receives the exec's multiplexed output: stdout frames into the stdout pipe, stderr frames into
   * the recent lines. When the attach connection ends, stdout ends and stdin stops being forwarded.
   */
  private final class Attachment extends ResultCallback.Adapter<Frame> {

    private final OutputStream stdoutWriter = Channels.newOutputStream(stdoutPipe.sink());
    private final RecentLines stderr = new RecentLines(STDERR_LINES);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stdoutBroken;
    private volatile boolean started;
    private volatile boolean ended;
    private volatile boolean closeRequested;

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
          stdoutWriter.write(frame.getPayload());
        } catch (IOException readerGone) {
          stdoutBroken = true;
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (!closeRequested) {
        failure.compareAndSet(null, throwable);
      }
      end();
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      end();
      super.onComplete();
    }

    @Override
    public void close() throws IOException {
      closeRequested = true;
      end();
      super.close();
    }

    /** The command's output is over; its input has nowhere to go, so stop offering it. */
    private void end() {
      ended = true;
      closeQuietly(stdoutPipe.sink());
      closeQuietly(stdinPipe.sink());
    }
  }

  /** The caller's side of stdin: closing it ends the exec. */
  private final class StdinStream extends OutputStream {

    private final OutputStream pipe;

    StdinStream(OutputStream pipe) {
      this.pipe = pipe;
    }

    @Override
    public void write(int b) throws IOException {
      pipe.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      pipe.write(bytes, offset, length);
    }

    @Override
    public void close() {
      DockerExecStdio.this.close();
    }
  }

  /** The caller's side of stdout: after {@link #close()} it reads as ended instead of failing. */
  private final class StdoutStream extends InputStream {

    private final InputStream pipe;

    StdoutStream(InputStream pipe) {
      this.pipe = pipe;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (closed.get()) {
        return -1;
      }
      try {
        return pipe.read(bytes, offset, length);
      } catch (ClosedChannelException closedMeanwhile) {
        if (closed.get()) {
          return -1;
        }
        throw closedMeanwhile;
      }
    }

    @Override
    public void close() {
      DockerExecStdio.this.close();
    }
  }

  /**
   * docker-java's side of stdin, read by its forwarding thread. It ends once the attach connection
   * has ended (so nothing is written to a closed socket) and tells {@link #close()} when it has
   * been read to the end.
   */
  private final class ForwardedStdin extends InputStream {

    private final InputStream pipe;

    ForwardedStdin(InputStream pipe) {
      this.pipe = pipe;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read;
      try {
        read = attachment.ended ? -1 : pipe.read(bytes, offset, length);
      } catch (ClosedChannelException closedMeanwhile) {
        read = -1;
      }
      if (read < 0) {
        stdinDrained.countDown();
      }
      return read;
    }
  }
}
