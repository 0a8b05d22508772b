package dev.harbor.sdk;

import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.InstanceStatusView;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicySet;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A client of one Harbor Node's HTTP API, acting with one bearer token. Every method is one request
 * (except {@link #setupAndWait} and {@link #awaitActive}, which follow an instance) and answers with
 * the Node's records; a refusal throws the matching {@link HarborException}, a Node that cannot be
 * reached {@link java.io.UncheckedIOException}. Instances are safe to share between threads.
 *
 * <pre>{@code
 * HarborClient harbor = HarborClient.builder()
 *     .baseUri("http://127.0.0.1:8080")
 *     .token(token)
 *     .build();
 * }</pre>
 */
public final class HarborClient {

  /** The request timeout unless the builder sets another. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The largest page the node serves. */
  static final int MAX_PAGE_SIZE = 200;

  private static final String CATALOG = "/v1/mcp/catalog/";
  private static final String INSTANCES = "/v1/mcp/instances/";

  private final NodeHttp http;

  private HarborClient(NodeHttp http) {
    this.http = http;
  }

  /** A builder; the base URI and the token are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client of the same Node, with the same settings and HTTP client, acting with another token. */
  public HarborClient withToken(String token) {
    return new HarborClient(http.withToken(Builder.checkToken(token)));
  }

  // Catalog

  /** One page of the Node's catalog that matches {@code search}, each entry with this Node's state. */
  public Page<CatalogItem> search(CatalogSearch search) {
    return read(http.get("/v1/mcp/catalog/search", search.query), pageOf(CatalogItem.class));
  }

  /** One catalog entry with this Node's state. */
  public CatalogItem catalogEntry(String catalogId) {
    return read(http.get(CATALOG + segment(catalogId), Query.none()), CatalogItem.class);
  }

  /** Enables an entry on this Node (operators only); the entry as the Node shows it afterwards. */
  public CatalogItem enable(String catalogId) {
    return read(http.post(CATALOG + segment(catalogId) + "/enable", null), CatalogItem.class);
  }

  /**
   * Disables an entry on this Node (operators only); setups of it are then denied, and {@link
   * #setupAndWait} throws {@link DisabledEntryException}.
   *
   * @param reason shown to everyone who sees the entry; may be null
   */
  public CatalogItem disable(String catalogId, String reason) {
    return read(http.post(CATALOG + segment(catalogId) + "/disable", body("reason", reason)), CatalogItem.class);
  }

  // Setups

  /**
   * Asks for an instance of a catalog entry and returns the Node's answer at once, without
   * following the instance; {@link #awaitActive} follows it.
   *
   * @param config non-secret configuration values the entry's parameters take; may be null
   * @param idempotencyKey makes a repeat answer with the same instance; may be null
   */
  public SetupAnswer setup(String catalogId, Map<String, String> config, String idempotencyKey) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("catalogId", Objects.requireNonNull(catalogId, "catalogId"));
    if (config != null) {
      request.put("config", config);
    }
    if (idempotencyKey != null) {
      request.put("idempotencyKey", idempotencyKey);
    }
    return read(http.post("/v1/mcp/setup", Json.bytes(request)), SetupAnswer.class);
  }

  /** {@link #setupAndWait(String, Map, String, WaitOptions)} without an idempotency key, not through approval. */
  public SetupResult setupAndWait(String catalogId, Map<String, String> config, Duration timeout) {
    return setupAndWait(catalogId, config, null, WaitOptions.of(timeout));
  }

  /** {@link #setupAndWait(String, Map, String, WaitOptions)}, not waiting through approval. */
  public SetupResult setupAndWait(String catalogId, Map<String, String> config, String idempotencyKey,
      Duration timeout) {
    return setupAndWait(catalogId, config, idempotencyKey, WaitOptions.of(timeout));
  }

  /**
   * Asks for an instance and follows it until it is {@code active}, then returns it with its client
   * configuration. When the entry already had an instance that holds it, that instance is followed.
   *
   * @throws ApprovalRequiredException when the setup waits for an operator and {@code options} do
   *     not wait through approval
   * @throws SecretMissingException when the instance waits for secrets an operator must supply
   * @throws DisabledEntryException when the entry is disabled on this Node
   * @throws SetupDeniedException when a check, a policy rule or an operator denied the setup
   * @throws LaunchFailedException when the launch failed
   * @throws SetupTimeoutException when the instance was still on its way at the timeout
   * @throws SetupException when the instance was removed meanwhile
   */
  public SetupResult setupAndWait(String catalogId, Map<String, String> config, String idempotencyKey,
      WaitOptions options) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    SetupAnswer answer = setup(catalogId, config, idempotencyKey);
    return new SetupFollower(this).follow(answer.instanceId(), options, deadline);
  }

  /** {@link #awaitActive(String, WaitOptions)}, not waiting through approval. */
  public SetupResult awaitActive(String instanceId, Duration timeout) {
    return awaitActive(instanceId, WaitOptions.of(timeout));
  }

  /**
   * Follows an existing instance until it is {@code active}, as {@link #setupAndWait} does: after an
   * {@link ApprovalRequiredException} once an operator approved (or with {@link
   * WaitOptions#throughApproval()}), after a {@link SecretMissingException} once the secrets are
   * supplied, after a {@link #restart}. Throws as {@link #setupAndWait} does.
   */
  public SetupResult awaitActive(String instanceId, WaitOptions options) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    return new SetupFollower(this).follow(Objects.requireNonNull(instanceId, "instanceId"), options, deadline);
  }

  // Instances

  /** One page of the Node's instances, newest first. */
  public Page<Instance> instances(InstanceFilter filter) {
    return read(http.get("/v1/mcp/instances", filter.query), pageOf(Instance.class));
  }

  // Client configuration

  /**
   * The merged client configuration of the running instances this token may see (every instance for
   * an operator, its own for an agent or a script), as Claude Desktop and Cursor read it.
   */
  public ClientConfig clientConfig() {
    return clientConfig(ClientFormat.CLAUDE);
  }

  /**
   * The merged client configuration in the given client's shape; {@link ClientConfig#toJson(ClientFormat)}
   * writes it back in that shape.
   */
  public ClientConfig clientConfig(ClientFormat format) {
    Objects.requireNonNull(format, "format");
    Map<String, Object> config = read(http.get("/v1/mcp/config", Query.none().put("format", format.wire())),
        Argument.mapOf(String.class, Object.class));
    return ClientConfig.of(config, format);
  }

  /**
   * Imports a pasted client configuration ({@code {"mcpServers": {...}}} of Claude Desktop or Cursor,
   * or VS Code's {@code {"servers": {...}}}): each server that runs a catalog entry's image or remote
   * becomes a setup request, the others are only listed. A dry run sends nothing.
   *
   * @throws BadRequestException naming the pasted value that is malformed (nothing was sent then)
   */
  public ConfigImportAnswer importConfig(String pastedJson, boolean dryRun) {
    byte[] body = Objects.requireNonNull(pastedJson, "pastedJson").getBytes(StandardCharsets.UTF_8);
    String path = "/v1/mcp/config/import" + (dryRun ? "?dryRun=true" : "");
    return read(http.post(path, body), ConfigImportAnswer.class);
  }

  /** One instance, with its client configuration once it runs. */
  public InstanceDetails instance(String instanceId) {
    JsonNode detail = Json.tree(http.get(INSTANCES + segment(instanceId), Query.none()).body());
    Instance instance = Json.fromTree(detail, Argument.of(Instance.class));
    JsonNode config = detail.get("clientConfig");
    Optional<ClientConfig> clientConfig = config == null || config.isNull() ? Optional.empty()
        : Optional.of(ClientConfig.of(Json.fromTree(config, Argument.mapOf(String.class, Object.class))));
    return new InstanceDetails(instance, clientConfig);
  }

  /** Where an instance is, in short. */
  public InstanceStatusView status(String instanceId) {
    return read(http.get(INSTANCES + segment(instanceId) + "/status", Query.none()), InstanceStatusView.class);
  }

  /**
   * Removes an instance: a pending one becomes {@code removed} at once, a running one {@code
   * removing} until its container is gone. Agents and scripts remove only their own.
   *
   * @return the instance as the Node shows it once the removal applied, or as it is when the Node's
   *     policy stream had not acted within the Node's wait
   */
  public Instance remove(String instanceId) {
    return read(http.post(INSTANCES + segment(instanceId) + "/remove", null), Instance.class);
  }

  /** Restarts an {@code active}, {@code degraded} or {@code failed} instance; it goes back to {@code installing}. */
  public Instance restart(String instanceId) {
    return read(http.post(INSTANCES + segment(instanceId) + "/restart", null), Instance.class);
  }

  /** Approves a pending setup as it was requested (operators only). */
  public Instance approve(String instanceId) {
    return approve(instanceId, null, null);
  }

  /**
   * Approves a pending setup (operators only).
   *
   * @param specHash the launch spec approved; null for the one the pending approval shows
   * @param note a note kept with the approval; may be null
   * @return the instance, {@code installing} once applied; still {@code pending_approval} when the
   *     Node refused because the entry changed meanwhile (ask again)
   */
  public Instance approve(String instanceId, String specHash, String note) {
    return read(http.post(INSTANCES + segment(instanceId) + "/approve", body("specHash", specHash, "note", note)),
        Instance.class);
  }

  /** Denies a pending setup (operators only); the instance ends {@code denied}. */
  public Instance deny(String instanceId, String note) {
    return read(http.post(INSTANCES + segment(instanceId) + "/deny", body("note", note)), Instance.class);
  }

  /** Every setup waiting for an operator, the longest-waiting first (all pages). */
  public List<ApprovalItem> approvals() {
    return everyPage("/v1/mcp/approvals", ApprovalItem.class);
  }

  /** One instance's lifecycle log (every audit event about it), newest first. */
  public AuditPage instanceLogs(String instanceId, LogFilter filter) {
    return read(http.get(INSTANCES + segment(instanceId) + "/logs", filter.query), AuditPage.class);
  }

  /** The Node's audit trail, newest first. */
  public AuditPage audit(AuditFilter filter) {
    return read(http.get("/v1/mcp/audit", filter.query), AuditPage.class);
  }

  // Secrets

  /** The secrets an instance's entry declares and which were supplied; never their values. */
  public InstanceSecrets listSecrets(String instanceId) {
    return read(http.get(INSTANCES + segment(instanceId) + "/secrets", Query.none()), InstanceSecrets.class);
  }

  /**
   * Supplies one secret of an instance (operators only); an instance in {@code secret_missing} goes
   * on to launch once it has them all. The value is sent without ever becoming a {@link String} in
   * the SDK, and the SDK's own copies are zeroed after sending; {@code value} itself is left to the
   * caller to clear.
   *
   * @return the secret's state, {@code supplied}; never the value
   */
  public SecretState supplySecret(String instanceId, String name, char[] value) {
    byte[] body = SecretBody.encode(Objects.requireNonNull(value, "value"));
    try {
      return read(http.put(INSTANCES + segment(instanceId) + "/secrets/" + segment(name), body), SecretState.class);
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** {@link #supplySecret(String, String, char[])} for a value already held as a string. */
  public SecretState supplySecret(String instanceId, String name, String value) {
    char[] chars = Objects.requireNonNull(value, "value").toCharArray();
    try {
      return supplySecret(instanceId, name, chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  // Tokens and policy

  /** Creates a token (operators only). Its value is in the answer, and nowhere else, ever. */
  public IssuedToken createToken(CallerKind kind, String name) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("kind", Objects.requireNonNull(kind, "kind").wire());
    request.put("name", Objects.requireNonNull(name, "name"));
    return read(http.post("/v1/tokens", Json.bytes(request)), IssuedToken.class);
  }

  /** Every active token (operators only), without values (all pages). */
  public List<TokenInfo> tokens() {
    return everyPage("/v1/tokens", TokenInfo.class);
  }

  /** Revokes a token (operators only); it stops working on the very next request. */
  public void revokeToken(String tokenId) {
    http.delete("/v1/tokens/" + segment(tokenId));
  }

  /** The policy in force: its rules in order, its version, who changed it when. */
  public PolicySet policy() {
    return read(http.get("/v1/mcp/policy", Query.none()), PolicySet.class);
  }

  // Events

  /**
   * Follows the Node's changes; failures are kept in {@link EventSubscription#failure()} only. See
   * {@link #events(Consumer, Consumer)}.
   */
  public EventSubscription events(Consumer<Event> consumer) {
    return events(consumer, null);
  }

  /**
   * Subscribes to the Node's changes ({@code GET /v1/mcp/events}) and returns once the stream is
   * connected: every change after this returns reaches {@code consumer}, on the subscription's own
   * thread. Nothing earlier is replayed; read the current state with the other methods after
   * subscribing. Close the subscription to stop.
   *
   * @param onError told, on the subscription's thread, why the subscription ended when it was not
   *     closed; may be null
   * @throws HarborException when the Node refuses the subscription
   */
  public EventSubscription events(Consumer<Event> consumer, Consumer<Throwable> onError) {
    Objects.requireNonNull(consumer, "consumer");
    HttpResponse<InputStream> response = http.stream("/v1/mcp/events", "text/event-stream");
    return EventSubscription.start(response.body(), consumer, onError, http.timeout());
  }

  // helpers

  private static <T> T read(NodeHttp.Answer answer, Class<T> type) {
    return Json.read(answer.body(), type);
  }

  private static <T> T read(NodeHttp.Answer answer, Argument<T> type) {
    return Json.read(answer.body(), type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  /** The items of every page of a paged listing, read with the largest page the API serves. */
  private <T> List<T> everyPage(String path, Class<T> item) {
    List<T> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<T> read = read(http.get(path, Query.none().put("page", page).put("size", MAX_PAGE_SIZE)), pageOf(item));
      items.addAll(read.items());
      if (read.items().isEmpty() || !read.hasMore()) {
        return List.copyOf(items);
      }
    }
  }

  private static <T> Argument<Page<T>> pageOf(Class<T> item) {
    return (Argument) Argument.of(Page.class, item);
  }

  /** A JSON object of the given name/value pairs, nulls left out; {@code {}} when all are null. */
  private static byte[] body(String... namesAndValues) {
    Map<String, String> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        body.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return body.isEmpty() ? "{}".getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
  }

  private static String segment(String pathPart) {
    return Query.encode(Objects.requireNonNull(pathPart, "id"));
  }

  /** Builds a {@link HarborClient}. */
  public static final class Builder {

    private URI baseUri;
    private String token;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private HttpClient httpClient;

    private Builder() {}

    /** The Node's base URI, such as {@code http://127.0.0.1:8080}; a path prefix is kept. */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /** {@link #baseUri(URI)} from text. */
    public Builder baseUri(String baseUri) {
      return baseUri(URI.create(Objects.requireNonNull(baseUri, "baseUri")));
    }

    /** The bearer token ({@code hbr_<id>_<secret>}) the client acts with. */
    public Builder token(String token) {
      this.token = checkToken(token);
      return this;
    }

    /**
     * How long one request may wait for the Node's answer (default 30 s). The Node itself waits up
     * to about 10 s for its policy stream before answering a command, so keep it above that.
     */
    public Builder requestTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the request timeout must be positive");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The JDK HTTP client to send with, for proxies, executors or TLS settings of your own. By
     * default the SDK makes one (HTTP/1.1, 10 s connect timeout).
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    public HarborClient build() {
      if (baseUri == null) {
        throw new IllegalStateException("a base URI is required");
      }
      if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
        throw new IllegalStateException("the base URI must be http or https: " + baseUri);
      }
      if (token == null) {
        throw new IllegalStateException("a token is required");
      }
      HttpClient client = httpClient != null ? httpClient
          : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
      return new HarborClient(new NodeHttp(baseUri, token, requestTimeout, client));
    }

    static String checkToken(String token) {
      if (token == null || token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new IllegalArgumentException("a token is a non-empty word without spaces or control characters");
      }
      return token;
    }
  }
}
