package dev.harbor.node.clientconfig;

import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.node.instance.SetupConfig;
import dev.harbor.node.instance.SetupService;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.ConflictException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.api.ImportedServer;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Imports a pasted client configuration: each server whose launch the catalog recognises becomes a
 * setup request through {@link SetupService}, so policy, ownership, audit and idempotency are those of
 * {@code POST /v1/mcp/setup}. The idempotency key is derived from the server's name and the entry, so
 * importing the same paste again names the same instances and launches nothing twice. Servers the
 * catalog does not know, entries the node disabled and entries Harbor cannot launch are reported and
 * never sent. The whole paste is checked, configuration values included, before anything is sent; a
 * dry run checks each configuration against its entry's parameters as the setup would.
 * Matching reads a snapshot of the catalog; the answers keep the order of the paste.
 */
@Singleton
@Requires(env = "node")
class ConfigImporter {

  private final NodeCatalog catalog;
  private final NodeInstances instances;
  private final SetupService setups;

  ConfigImporter(NodeCatalog catalog, NodeInstances instances, SetupService setups) {
    this.catalog = catalog;
    this.instances = instances;
    this.setups = setups;
  }

  ConfigImportAnswer importConfig(PastedConfig paste, boolean dryRun, Caller caller) {
    if (!catalog.ready() || !instances.ready()) {
      throw new NotReadyException("the node's mirrors are still catching up");
    }
    List<CatalogItem> entries = catalog.all();
    List<Plan> plans = new ArrayList<>();
    for (PastedServer server : paste.servers()) {
      plans.add(plan(server, entries));
    }
    ImportedServer[] answers = new ImportedServer[plans.size()];
    Map<String, List<Integer>> sendsByEntry = new LinkedHashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      if (plan.status() != ImportStatus.WOULD_SET_UP) {
        answers[i] = plan.answer(plan.status(), null, null);
      } else if (dryRun) {
        answers[i] = dryRun(plan);
      } else {
        sendsByEntry.computeIfAbsent(plan.match().item().id(), id -> new ArrayList<>()).add(i);
      }
    }
    sendConcurrently(sendsByEntry.values(), i -> answers[i] = setUp(plans.get(i), caller));
    return new ConfigImportAnswer(dryRun, List.of(answers));
  }

  /**
   * Sends the setups of different entries side by side, so one slow decision does not hold up the
   * others; those of one entry go one after the other, so a second server of the same entry finds
   * the first one's instance as {@code POST /v1/mcp/setup} would.
   */
  private static void sendConcurrently(Collection<List<Integer>> groups, IntConsumer send) {
    List<Future<?>> sends = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<Integer> group : groups) {
        sends.add(threads.submit(() -> group.forEach(send::accept)));
      }
    }
    for (Future<?> sent : sends) {
      try {
        sent.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending setups", e);
      }
    }
  }

  /** What would be done with one server; checks the configuration it would send. */
  private static Plan plan(PastedServer server, List<CatalogItem> entries) {
    LaunchTarget target = LaunchTarget.of(server);
    Optional<CatalogMatch> found = CatalogMatcher.match(target, entries);
    if (found.isEmpty()) {
      return new Plan(server, null, null, ImportStatus.NOT_IN_CATALOG, unknown(target));
    }
    CatalogMatch match = found.get();
    CatalogEntry entry = match.item().entry();
    EnvMapping env = EnvMapping.of(entry, target.env());
    checkConfig(server, env);
    if (!match.item().local().enabled()) {
      return new Plan(server, match, env, ImportStatus.DISABLED, "the catalog entry is disabled on this node");
    }
    if (!entry.launchable()) {
      String reason = entry.notLaunchableReason() == null ? "Harbor cannot launch this entry" : entry.notLaunchableReason();
      return new Plan(server, match, env, ImportStatus.NOT_LAUNCHABLE, reason);
    }
    return new Plan(server, match, env, ImportStatus.WOULD_SET_UP, null);
  }

  /** Refuses a configuration value taken from the paste, naming the variable it came from. */
  private static void checkConfig(PastedServer server, EnvMapping env) {
    try {
      SetupConfig.check(env.config());
    } catch (BadRequestException e) {
      String key = e.field() != null && e.field().startsWith("config.") ? e.field().substring("config.".length()) : null;
      String variable = key == null ? null : env.configFrom().get(key);
      throw new BadRequestException(server.path() + ".env" + (variable == null ? "" : "." + variable), e.getMessage());
    }
  }

  /** What a dry run answers for a server it would set up: the entry's parameters checked, nothing sent. */
  private ImportedServer dryRun(Plan plan) {
    try {
      setups.checkConfig(plan.match().item().entry(), plan.env().config());
      return plan.answer(ImportStatus.WOULD_SET_UP, null, null);
    } catch (BadRequestException e) {
      return plan.withDetail(invalid(e)).answer(ImportStatus.INVALID_CONFIG, null, null);
    }
  }

  private static String invalid(BadRequestException e) {
    return (e.field() == null ? "" : e.field() + " ") + e.getMessage();
  }

  private ImportedServer setUp(Plan plan, Caller caller) {
    String catalogId = plan.match().item().id();
    try {
      SetupAnswer answer = setups.setup(catalogId, plan.env().config(), key(plan.server(), catalogId), caller);
      ImportStatus status = answer.status() == InstanceStatus.DENIED ? ImportStatus.DENIED : ImportStatus.SETUP_REQUESTED;
      String detail = answer.isRepeated() ? "repeats an earlier import"
          : answer.isExisting() ? "the entry already has an instance" : null;
      return plan.withDetail(detail).answer(status, answer.instanceId(), answer.status());
    } catch (BadRequestException e) {
      return plan.withDetail(invalid(e)).answer(ImportStatus.INVALID_CONFIG, null, null);
    } catch (ConflictException e) {
      return plan.withDetail(e.getMessage()).answer(ImportStatus.CONFLICT, null, null);
    } catch (NotFoundException e) {
      return new Plan(plan.server(), null, null, ImportStatus.NOT_IN_CATALOG, e.getMessage()).answer(
          ImportStatus.NOT_IN_CATALOG, null, null);
    }
  }

  /**
   * The idempotency key of a pasted server's setup: a digest of its name and the entry, so the same
   * paste always names the same instance and nothing of the server's arguments or environment
   * travels in it.
   */
  static String key(PastedServer server, String catalogId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((catalogId + "\n" + server.name()).getBytes(StandardCharsets.UTF_8));
      return "import." + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String unknown(LaunchTarget target) {
    return switch (target.kind()) {
      case IMAGE -> "no catalog entry runs this image";
      case URL -> "no catalog entry lists this remote URL";
      case NPM -> "no catalog entry lists this npm package";
      case PYPI -> "no catalog entry lists this PyPI package";
      case UNKNOWN -> "runs no container image or remote URL the catalog could know";
    };
  }

  /** One server, what it was recognised as, and what would be done with it. */
  private record Plan(
      PastedServer server, @Nullable CatalogMatch match, @Nullable EnvMapping env, ImportStatus status,
      @Nullable String detail) {

    Plan withDetail(@Nullable String newDetail) {
      return new Plan(server, match, env, status, newDetail);
    }

    ImportedServer answer(ImportStatus finalStatus, @Nullable String instanceId, @Nullable InstanceStatus instanceStatus) {
      return new ImportedServer(
          server.name(), finalStatus,
          match == null ? null : match.item().id(),
          match == null ? null : match.matchedBy(),
          match == null ? null : match.matched(),
          instanceId, instanceStatus,
          env == null ? List.of() : List.copyOf(env.config().keySet()),
          env == null ? List.of() : env.secrets(),
          env == null ? List.copyOf(server.env().keySet()) : env.ignored(),
          detail);
    }
  }
}
