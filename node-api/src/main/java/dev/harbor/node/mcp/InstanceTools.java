package dev.harbor.node.mcp;

import dev.harbor.node.command.CommandResult;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.instance.ClientConfigs;
import dev.harbor.node.instance.InstanceCommands;
import dev.harbor.node.instance.InstanceIds;
import dev.harbor.node.instance.InstanceQuery;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.node.instance.SetupService;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.schemas.api.SetupAnswer;
import dev.harbor.schemas.instance.Instance;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance tools: {@code request_setup}, {@code get_instance}, {@code list_my_instances} and
 * {@code remove_instance}. Each calls the service behind the matching REST route ({@link
 * SetupService}, {@link NodeInstances}, {@link InstanceCommands}), so policy, ownership and auditing
 * are those of the REST API. There is deliberately no tool to approve, deny, enable or disable.
 */
@Singleton
@Requires(env = "node")
final class InstanceTools {

  private final SetupService setups;
  private final NodeInstances instances;
  private final InstanceCommands actions;

  InstanceTools(SetupService setups, NodeInstances instances, InstanceCommands actions) {
    this.setups = setups;
    this.instances = instances;
    this.actions = actions;
  }

  List<ControlTool> tools() {
    return List.of(requestSetup(), getInstance(), listMine(), remove());
  }

  private ControlTool requestSetup() {
    return new ControlTool(
        "request_setup",
        "Ask this Harbor node for an instance of a catalog entry. Answers the instance id and its status:"
            + " active (with clientConfig, the mcpServers configuration to connect with), pending_approval"
            + " (an operator must approve; poll get_instance), secret_missing (an operator must set a"
            + " secret), denied or failed (see error). Repeating a request with the same idempotencyKey"
            + " answers the same instance (repeated: true). An entry that already runs on this node answers"
            + " that instance (existing: true), shared; only its requester (requestedBy) may remove it.",
        InputSchemas.object(
            Map.of(
                "catalogId", InputSchemas.string("The catalog id, as search_catalog answers it."),
                "config", InputSchemas.stringMap("Non-secret configuration values the entry declares."),
                "idempotencyKey", InputSchemas.string("Optional key that makes a retried request safe.")),
            List.of("catalogId")),
        (arguments, caller) -> {
          SetupAnswer answer = setups.setup(
              arguments.requiredText("catalogId"), arguments.stringMap("config"), arguments.text("idempotencyKey"),
              caller);
          Optional<Instance> instance = instances.get(answer.instanceId());
          if (instance.isPresent()) {
            Map<String, Object> view = view(instance.get());
            if (answer.isRepeated()) {
              view.put("repeated", true);
            }
            if (answer.isExisting()) {
              view.put("existing", true);
            }
            return view;
          }
          Map<String, Object> sent = new LinkedHashMap<>();
          sent.put("instanceId", answer.instanceId());
          sent.put("status", "requested");
          return sent;
        });
  }

  private ControlTool getInstance() {
    return new ControlTool(
        "get_instance",
        "Read an instance's status, its error if any, and its clientConfig (the mcpServers configuration"
            + " to connect with) once it is active.",
        InputSchemas.object(
            Map.of("instanceId", InputSchemas.string("The instance id request_setup answered.")),
            List.of("instanceId")),
        (arguments, caller) -> view(find(arguments.requiredText("instanceId"))));
  }

  private ControlTool listMine() {
    return new ControlTool(
        "list_my_instances",
        "List the instances this token's holder requested on this node, newest first, with their status.",
        InputSchemas.object(Map.of(), List.of()),
        (arguments, caller) -> {
          requireReady();
          InstanceQuery mine = new InstanceQuery(
              null, null, caller.kind(), caller.name(), 0, InstanceQuery.MAX_SIZE);
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("instances", instances.list(mine).items().stream().map(InstanceTools::view).toList());
          return answer;
        });
  }

  private ControlTool remove() {
    return new ControlTool(
        "remove_instance",
        "Remove an instance you requested: its server is stopped and its container removed.",
        InputSchemas.object(
            Map.of("instanceId", InputSchemas.string("The instance id to remove.")),
            List.of("instanceId")),
        (arguments, caller) -> {
          CommandResult<Instance> result = actions.remove(arguments.requiredText("instanceId"), caller);
          Map<String, Object> answer = view(result.value());
          answer.put("applied", result.applied());
          return answer;
        });
  }

  private Instance find(String id) {
    String checked = InstanceIds.checkId(id);
    requireReady();
    return instances.get(checked).orElseThrow(() -> new NotFoundException("instance '" + checked + "' not found"));
  }

  private void requireReady() {
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
  }

  /** What the tools tell about an instance: ids, status, error and client configuration. */
  static Map<String, Object> view(Instance instance) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("instanceId", instance.id());
    view.put("catalogId", instance.catalogId());
    view.put("status", instance.status().wire());
    view.put("approvalState", instance.approvalState().wire());
    view.put("requestedBy", Map.of("kind", instance.requestedBy().kind().wire(), "name", instance.requestedBy().name()));
    if (instance.decision() != null) {
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("effect", instance.decision().effect().wire());
      decision.put("rule", instance.decision().rule());
      if (instance.decision().reason() != null) {
        decision.put("reason", instance.decision().reason());
      }
      view.put("decision", decision);
    }
    if (instance.errorMessage() != null) {
      view.put("error", instance.errorMessage());
    }
    ClientConfigs.of(instance).ifPresent(config -> view.put("clientConfig", config));
    view.put("updatedAt", instance.updatedAt().toString());
    return view;
  }
}
