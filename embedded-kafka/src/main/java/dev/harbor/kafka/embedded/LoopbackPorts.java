package dev.harbor.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds and checks TCP ports on the loopback address the embedded broker listens on. */
final class LoopbackPorts {

  static final String HOST = "127.0.0.1";

  private LoopbackPorts() {}

  /** A free port on the loopback address other than {@code taken}. */
  static int pickFreeExcept(int taken) {
    int port = pickFree();
    while (port == taken) {
      port = pickFree();
    }
    return port;
  }

  /** A port that was free on the loopback address a moment ago. */
  static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free port on " + HOST, e);
    }
  }

  /** The given port, or a free one when it is 0; fails when something already listens on it. */
  static int claim(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (port == 0) {
      return pickFree();
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start embedded Kafka: port " + port + " on " + HOST + " is already in use", e);
    }
  }
}
