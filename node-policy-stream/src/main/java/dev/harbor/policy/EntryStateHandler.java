package dev.harbor.policy;

import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ENABLE and DISABLE of a catalog entry on this node. An unknown entry fails; otherwise policy
 * decides ({@code mcp.enable} / {@code mcp.disable}) and only an allowed change writes the entry's
 * new state (with the caller's note as its reason).
 */
final class EntryStateHandler {

  private final PolicyStores stores;
  private final Outputs outputs;

  EntryStateHandler(PolicyStores stores, Outputs outputs) {
    this.stores = stores;
    this.outputs = outputs;
  }

  void handle(Command command) {
    boolean enable = command.type() == CommandType.ENABLE;
    PolicyAction action = enable ? PolicyAction.MCP_ENABLE : PolicyAction.MCP_DISABLE;
    AuditEventType type = enable ? AuditEventType.ENTRY_ENABLED : AuditEventType.ENTRY_DISABLED;
    String verb = enable ? "enable" : "disable";
    String catalogId = command.catalogId();
    Optional<CatalogEntry> entry = stores.entry(catalogId);
    if (entry.isEmpty()) {
      String reason = catalogId == null || catalogId.isBlank()
          ? "no catalog entry named"
          : "unknown catalog entry '" + catalogId + "'";
      outputs.audit(event(type, action, command, "could not " + verb + " " + catalogId + ": " + reason)
          .outcome(AuditOutcome.FAILED)
          .reason(reason));
      return;
    }
    Decision decision =
        PolicyEngine.decide(action, command.actor().kind(), command.actor().name(), entry.get(),
            stores.policy(outputs.now()), outputs.now());
    if (decision.effect() != PolicyEffect.ALLOW) {
      String reason = decision.effect() == PolicyEffect.DENY
          ? decision.reason()
          : "policy rule '" + decision.rule() + "' asks for approval, which only setups can wait for";
      outputs.audit(event(type, action, command,
              InstanceChanges.who(command.actor()) + " may not " + verb + " " + catalogId + ": " + reason)
          .outcome(AuditOutcome.DENIED)
          .reason(reason)
          .details(Map.of("rule", decision.rule())));
      return;
    }
    String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
    CatalogEntryState state =
        new CatalogEntryState(catalogId, enable, note, command.actor(), outputs.now(), entry.get().updatedAt());
    stores.saveEntryState(state);
    outputs.catalogState(state);
    Map<String, String> details = new LinkedHashMap<>();
    if (note != null) {
      details.put("reason", note);
    }
    outputs.audit(event(type, action, command,
            "catalog entry " + catalogId + (enable ? " enabled" : " disabled") + " by " + command.actor().name())
        .outcome(AuditOutcome.SUCCEEDED)
        .reason(note)
        .details(details));
  }

  private static AuditDraft event(AuditEventType type, PolicyAction action, Command command, String message) {
    return AuditDraft.of(type, command.actor(), message)
        .catalog(command.catalogId())
        .action(action)
        .correlation(command.id());
  }
}
