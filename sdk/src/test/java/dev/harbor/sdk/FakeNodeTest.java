package dev.harbor.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;

/** A test against a {@link FakeNode} of its own, started per test and closed after it, with a client of it. */
abstract class FakeNodeTest {

  final FakeNode node;
  final HarborClient client;

  FakeNodeTest() {
    try {
      node = new FakeNode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake node", e);
    }
    client = node.client();
  }

  @AfterEach
  void stopNode() {
    node.close();
  }
}
