package dev.harbor.node.catalog;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.command.CommandBus;
import dev.harbor.node.command.CommandResult;
import dev.harbor.node.command.Commands;
import dev.harbor.node.command.Notes;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.LocalState;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.node.CatalogEntryState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Enables and disables catalog entries on this node. Each change is an ENABLE or DISABLE command (the
 * reason as its note); the node's policy stream decides, writes the state and audits it. The answer
 * waits until the node's own mirror shows a state of that entry with the requested value, set by this
 * caller no earlier than the command, so the answer and the next read agree. Asking for the state an
 * entry already has sends nothing.
 */
@Singleton
@Requires(env = "node")
public class CatalogStateService {

  private final NodeCatalog catalog;
  private final CommandBus bus;
  private final Commands commands;
  private final Duration applyTimeout;

  CatalogStateService(NodeCatalog catalog, CommandBus bus, NodeConfig node) {
    this.catalog = catalog;
    this.bus = bus;
    this.commands = new Commands(node.getId(), Clock.systemUTC());
    this.applyTimeout = node.getApplyTimeout();
  }

  public CommandResult<CatalogItem> enable(String catalogId, Caller caller) {
    return change(catalogId, true, null, caller);
  }

  public CommandResult<CatalogItem> disable(String catalogId, @Nullable String reason, Caller caller) {
    return change(catalogId, false, reason, caller);
  }

  private CommandResult<CatalogItem> change(
      String catalogId, boolean enabled, @Nullable String reason, Caller caller) {
    String checkedReason = Notes.check("reason", reason);
    CatalogItem item = find(catalogId);
    LocalState now = item.local();
    if (now.enabled() == enabled && Objects.equals(now.reason(), checkedReason)) {
      return new CommandResult<>(item, true);
    }
    Command command = commands.catalogState(enabled, caller.actor(), catalogId, checkedReason);
    bus.send(command);
    boolean applied =
        catalog.awaitState(catalogId, state -> shows(state, command, enabled), applyTimeout).isPresent();
    return new CommandResult<>(find(catalogId), applied);
  }

  private static boolean shows(CatalogEntryState state, Command command, boolean enabled) {
    return state.enabled() == enabled
        && state.changedBy().equals(command.actor())
        && !state.changedAt().isBefore(command.at());
  }

  private CatalogItem find(String catalogId) {
    return catalog
        .get(catalogId)
        .orElseThrow(() -> new NotFoundException("catalog entry '" + catalogId + "' not found"));
  }
}
