package dev.harbor.node.instance;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.command.CommandBus;
import dev.harbor.node.command.Commands;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.ConflictException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.policy.InvalidConfigException;
import dev.harbor.policy.LaunchSpecs;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Instance;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a setup request into a SETUP command. Checks the request first (catalog id, configuration
 * syntax, idempotency key, the entry exists, the configuration fits the entry's parameters), then
 * answers from the node's instance mirror without sending anything when the request repeats an
 * earlier one or the entry already has an instance that holds it. Otherwise it sends the command under an instance id of its choosing and waits briefly
 * for the policy stream's decision.
 */
@Singleton
@Requires(env = "node")
public class SetupService {

  private static final Logger LOG = LoggerFactory.getLogger(SetupService.class);

  private final NodeCatalog catalog;
  private final NodeInstances instances;
  private final CommandBus bus;
  private final Commands commands;
  private final String nodeId;
  private final Duration setupWait;
  private final String guardrailProfile;

  SetupService(
      NodeCatalog catalog,
      NodeInstances instances,
      CommandBus bus,
      NodeConfig node,
      @Value("${harbor.policy.guardrail-profile:restricted}") String guardrailProfile) {
    this.catalog = catalog;
    this.instances = instances;
    this.bus = bus;
    this.nodeId = node.getId();
    this.commands = new Commands(nodeId, Clock.systemUTC());
    this.setupWait = node.getSetupWait();
    this.guardrailProfile = guardrailProfile;
  }

  /**
   * Asks for an instance of a catalog entry.
   *
   * @throws BadRequestException naming the field that is missing or malformed
   * @throws NotFoundException for an unknown catalog entry
   * @throws ConflictException when the idempotency key already named a setup of another entry, or
   *     when the entry already runs here with a configuration other than the one asked for
   */
  public SetupAnswer setup(
      @Nullable String catalogId, @Nullable Map<String, String> config, @Nullable String idempotencyKey, Caller caller) {
    String entryId = checkCatalogId(catalogId);
    Map<String, String> checkedConfig = SetupConfig.check(config);
    String key = InstanceIds.checkKey(idempotencyKey);
    if (!catalog.ready() || !instances.ready()) {
      throw new NotReadyException("the node's mirrors are still catching up");
    }
    CatalogEntry entry;
    try {
      entry =
          catalog.get(entryId)
              .orElseThrow(() -> new NotFoundException("catalog entry '" + entryId + "' not found"))
              .entry();
      checkAgainstEntry(entry, checkedConfig);
    } catch (NotFoundException | BadRequestException refused) {
      auditRefusal(entryId, caller, refused);
      throw refused;
    }

    String instanceId = key == null ? InstanceIds.random() : InstanceIds.forKey(nodeId, caller.tokenId(), key);
    Optional<Instance> earlier = instances.get(instanceId);
    if (earlier.isPresent()) {
      return repeat(earlier.get(), entryId);
    }
    Optional<Instance> live = instances.liveFor(entryId);
    if (live.isPresent()) {
      return shared(live.get(), checkedConfig);
    }
    Command command = commands.setup(caller.actor(), instanceId, entryId, checkedConfig, key);
    bus.send(command);
    return instances
        .await(instanceId, instance -> true, setupWait)
        .map(SetupAnswer::decided)
        .orElseGet(() -> SetupAnswer.sent(instanceId));
  }

  /**
   * Checks a configuration against an entry as a setup request would, without sending anything.
   *
   * @throws BadRequestException naming the field that is missing or malformed
   */
  public void checkConfig(CatalogEntry entry, @Nullable Map<String, String> config) {
    checkAgainstEntry(entry, SetupConfig.check(config));
  }

  /** Records a setup the edge refused for its catalog entry or configuration, with the reason. */
  private void auditRefusal(String entryId, Caller caller, dev.harbor.platform.http.ApiException refused) {
    Map<String, String> details = new java.util.HashMap<>();
    details.put("outcome", "denied");
    details.put("reason", refused.getMessage());
    if (refused.field() != null) {
      details.put("field", refused.field());
    }
    bus.send(
        commands.notice(
            caller.actor(),
            dev.harbor.schemas.audit.AuditEventType.SETUP_DENIED,
            entryId,
            null,
            "setup refused: " + refused.getMessage(),
            details));
  }

  /**
   * Resolves the launch spec the policy stream would, only to refuse a configuration the entry cannot
   * take (unknown key, missing required value, malformed value) naming the field. An entry that cannot
   * be launched at all is left to the stream, which records the denial on the instance.
   */
  private void checkAgainstEntry(CatalogEntry entry, Map<String, String> config) {
    try {
      LaunchSpecs.resolve(entry, config, guardrailProfile);
    } catch (InvalidConfigException e) {
      throw new BadRequestException(e.field(), e.problem());
    } catch (IllegalArgumentException e) {
      LOG.debug("setup of {} is left to the policy stream: {}", entry.id(), e.getMessage());
    }
  }

  private static SetupAnswer repeat(Instance earlier, String catalogId) {
    if (!earlier.catalogId().equals(catalogId)) {
      throw new ConflictException(
          "this idempotencyKey was already used for a setup of '" + earlier.catalogId() + "'");
    }
    return SetupAnswer.repeated(earlier);
  }

  /**
   * The live instance of the entry, answered to a request that leaves the configuration to it or asks
   * for the same one. A different configuration is a conflict rather than a silent substitution.
   */
  private static SetupAnswer shared(Instance live, Map<String, String> config) {
    if (!config.isEmpty() && !config.equals(live.config())) {
      throw new ConflictException("config",
          "'" + live.catalogId() + "' already has instance " + live.id() + " (" + live.status().wire()
              + ") with another configuration; use it as it is (no config) or have it removed first");
    }
    return SetupAnswer.existing(live);
  }

  private static String checkCatalogId(@Nullable String catalogId) {
    if (catalogId == null || catalogId.isBlank()) {
      throw new BadRequestException("catalogId", "missing required field 'catalogId'");
    }
    if (!CatalogEntry.isValidId(catalogId)) {
      throw new BadRequestException(
          "catalogId", "not a catalog id (lower-case letters, digits, '.' and '-', at most 160)");
    }
    return catalogId;
  }
}
