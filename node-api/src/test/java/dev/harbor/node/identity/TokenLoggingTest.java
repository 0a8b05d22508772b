package dev.harbor.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLoggingTest {

  @TempDir Path home;

  @Test
  void noTokenValueReachesTheLogWhileTokensAreIssuedUsedRefusedAndRevoked() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<String> secrets = new ArrayList<>();
    System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    try {
      try (TestNode node = TestNode.start(home)) {
        String operator = node.operatorToken();
        secrets.add(secretOf(operator));
        IssuedToken agent = ObjectMapper.getDefault().readValue(node.post("/v1/tokens", operator,
            "{\"kind\":\"agent\",\"name\":\"logged\"}").body(), IssuedToken.class);
        secrets.add(secretOf(agent.token()));
        node.get("/v1/tokens", agent.token());
        node.delete("/v1/tokens/" + agent.id(), operator);
        node.get("/v1/tokens", agent.token());
        node.get("/v1/tokens", agent.token() + "tampered");
      }
      try (TestNode node = TestNode.start(home)) {
        node.get("/v1/tokens", node.operatorToken());
      }
    } finally {
      System.setErr(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains(home.resolve("operator.token").toString());
    assertThat(secrets).hasSize(2).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
  }

  private static String secretOf(String token) {
    return token.substring(17);
  }

  /** Writes to the original stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
