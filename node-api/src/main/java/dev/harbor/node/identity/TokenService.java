package dev.harbor.node.identity;

import dev.harbor.node.NodeConfig;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, checks and revokes the node's bearer tokens. Tokens live in
 * {@code $HARBOR_HOME/nodes/<nodeId>/tokens.json}, each as the SHA-256 of its secret (the secrets
 * are 256 random bits, so a plain hash is enough); the file is mode 0600 and replaced atomically on
 * every change. Checks read an immutable snapshot and take no lock; changes are serialized, written
 * to disk first and visible to the very next check.
 */
@Singleton
@Requires(env = "node")
public class TokenService {

  /** The name the node gives the operator token it issues itself at startup. */
  public static final String BOOTSTRAP_OPERATOR_NAME = "operator";

  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Path file;
  private final ObjectMapper json;
  private final Clock clock;
  private final TokenFormat format = new TokenFormat();
  private volatile Map<String, StoredToken> tokens;

  @Inject
  TokenService(HarborConfig harbor, NodeConfig node, ObjectMapper json) {
    this(harbor.getHome().resolve("nodes").resolve(node.getId()).resolve("tokens.json"), json,
        Clock.systemUTC());
  }

  TokenService(Path file, ObjectMapper json, Clock clock) {
    this.file = file;
    this.json = json;
    this.clock = clock;
    this.tokens = load();
  }

  /**
   * Issues a token of {@code kind} named {@code name} on behalf of {@code by}. The returned value is
   * the only place the raw token ever appears.
   *
   * @throws BadRequestException naming {@code name} when it is not 1 to 64 of
   *     {@code A-Z a-z 0-9 . _ @ -}
   */
  public IssuedToken create(CallerKind kind, String name, Caller by) {
    Objects.requireNonNull(by, "by");
    return issue(kind, name, by.actor());
  }

  /** Revokes token {@code id}; false when there is no such active token. */
  public synchronized boolean revoke(String id, Caller by) {
    Objects.requireNonNull(by, "by");
    if (!tokens.containsKey(id)) {
      return false;
    }
    Map<String, StoredToken> next = new LinkedHashMap<>(tokens);
    next.remove(id);
    persist(next);
    LOG.info("token {} revoked by {} {}", id, by.kind().wire(), by.name());
    return true;
  }

  /**
   * The caller a raw token stands for: empty when it is malformed, unknown, revoked or its secret
   * does not match. Never logs the token.
   */
  public Optional<Caller> authenticate(@Nullable String rawToken) {
    if (rawToken == null) {
      return Optional.empty();
    }
    Optional<TokenFormat.Parts> parts = TokenFormat.parse(rawToken);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    StoredToken stored = tokens.get(parts.get().id());
    if (stored == null || !TokenFormat.matches(parts.get().secret(), stored.secretSha256())) {
      return Optional.empty();
    }
    return Optional.of(stored.caller());
  }

  /** The active tokens, oldest first, without secrets. */
  public List<TokenInfo> list() {
    return tokens.values().stream().map(StoredToken::info).toList();
  }

  /** The active token {@code id}, without its secret. */
  public Optional<TokenInfo> find(String id) {
    return Optional.ofNullable(tokens.get(id)).map(StoredToken::info);
  }

  /** Issues the operator token the node creates for itself when it has no usable one. */
  IssuedToken issueBootstrapOperator() {
    return issue(CallerKind.OPERATOR, BOOTSTRAP_OPERATOR_NAME, null);
  }

  /** Removes a token the node issued itself but could not hand out. */
  synchronized void discard(String id) {
    if (tokens.containsKey(id)) {
      Map<String, StoredToken> next = new LinkedHashMap<>(tokens);
      next.remove(id);
      persist(next);
    }
  }

  Path file() {
    return file;
  }

  private synchronized IssuedToken issue(CallerKind kind, String name, @Nullable Actor by) {
    Objects.requireNonNull(kind, "kind");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadRequestException("name",
          "name must be 1 to 64 characters of letters, digits, '.', '_', '@' or '-'");
    }
    String id = format.newId();
    while (tokens.containsKey(id)) {
      id = format.newId();
    }
    String secret = format.newSecret();
    StoredToken stored = new StoredToken(id, kind, name, TokenFormat.hash(secret),
        clock.instant().truncatedTo(ChronoUnit.MILLIS), by);
    Map<String, StoredToken> next = new LinkedHashMap<>(tokens);
    next.put(id, stored);
    persist(next);
    LOG.info("{} token {} '{}' created by {}", kind.wire(), id, name,
        by == null ? "the node at startup" : by.kind().wire() + " " + by.name());
    return new IssuedToken(id, kind, name, TokenFormat.format(id, secret));
  }

  private void persist(Map<String, StoredToken> next) {
    try {
      TokenFile content = new TokenFile(TokenFile.CURRENT_VERSION, List.copyOf(next.values()));
      PrivateFiles.write(file, json.writeValueAsBytes(content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    tokens = Collections.unmodifiableMap(next);
  }

  private Map<String, StoredToken> load() {
    if (!Files.exists(file)) {
      return Map.of();
    }
    TokenFile content;
    try {
      content = json.readValue(Files.readAllBytes(file), TokenFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the token file " + file
          + "; fix or remove it (removing it revokes every token)", e);
    }
    Map<String, StoredToken> loaded = new LinkedHashMap<>();
    for (StoredToken token : content.tokens()) {
      loaded.put(token.id(), token);
    }
    LOG.info("loaded {} tokens from {}", loaded.size(), file);
    return Collections.unmodifiableMap(loaded);
  }
}
