package dev.harbor.node.identity;

import dev.harbor.platform.config.HarborConfig;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an operator can reach a freshly started node: at startup, unless
 * {@code $HARBOR_HOME/operator.token} holds an active operator token, issues a new operator token
 * named {@value TokenService#BOOTSTRAP_OPERATOR_NAME} and writes it there (mode 0600 from creation).
 * Only the file's path is logged.
 */
@Singleton
@Requires(env = "node")
final class OperatorTokenBootstrap implements ApplicationEventListener<StartupEvent> {

  static final String FILE_NAME = "operator.token";

  private static final Logger LOG = LoggerFactory.getLogger(OperatorTokenBootstrap.class);
  private static final long MAX_FILE_SIZE = 1024;

  private final TokenService tokens;
  private final Path file;

  OperatorTokenBootstrap(TokenService tokens, HarborConfig harbor) {
    this.tokens = tokens;
    this.file = harbor.getHome().resolve(FILE_NAME);
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (readToken().flatMap(tokens::authenticate).filter(c -> c.kind() == CallerKind.OPERATOR)
        .isPresent()) {
      LOG.info("operator token: {}", file);
      return;
    }
    IssuedToken issued = tokens.issueBootstrapOperator();
    try {
      PrivateFiles.write(file, (issued.token() + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      tokens.discard(issued.id());
      throw new UncheckedIOException("cannot write the operator token file " + file, e);
    }
    LOG.info("new operator token written to {}", file);
  }

  private Optional<String> readToken() {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_SIZE) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      LOG.warn("cannot read {}; issuing a new operator token", file);
      return Optional.empty();
    }
  }
}
