package dev.harbor.node.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.harbor.launcher.LauncherService;
import dev.harbor.node.NodeOpenApi;
import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.command.CommandBus;
import dev.harbor.node.command.Commands;
import dev.harbor.node.identity.Caller;
import dev.harbor.node.identity.Callers;
import dev.harbor.node.instance.InstanceIds;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.ConflictException;
import dev.harbor.platform.http.ForbiddenException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.openapi.ApiErrorResponses;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/mcp/instances/{id}/secrets}: which secrets an instance needs and which an operator has
 * supplied (names only), and {@code PUT .../{name}} for an operator to supply one. The value goes
 * straight into the launcher's secret store (a tmpfs file the container binds read-only); only the
 * name travels on, as a {@code secret_supplied} command, so no value ever reaches Kafka, a store, a
 * log or a response.
 */
@Tag(name = "instances")
@SecurityRequirement(name = NodeOpenApi.BEARER)
@ApiErrorResponses
@Controller("/v1/mcp/instances/{id}/secrets")
@Requires(env = "node")
@ExecuteOn(TaskExecutors.BLOCKING)
class SecretsController {

  /** Longest secret value accepted, in bytes. */
  static final int MAX_VALUE_BYTES = 16 * 1024;

  private final NodeInstances instances;
  private final NodeCatalog catalog;
  private final BeanProvider<LauncherService> launcher;
  private final CommandBus bus;
  private final Commands commands;

  SecretsController(
      NodeInstances instances, NodeCatalog catalog, BeanProvider<LauncherService> launcher, CommandBus bus,
      dev.harbor.node.NodeConfig node) {
    this.instances = instances;
    this.catalog = catalog;
    this.launcher = launcher;
    this.bus = bus;
    this.commands = new Commands(node.getId(), Clock.systemUTC());
  }

  /** Body of a secret; unknown fields refused. The value is write-only. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  record SecretValue(@Nullable String value) {
    @Override
    public String toString() {
      return "SecretValue[value=<hidden>]";
    }
  }

  /** One secret an instance needs: its name, whether it is required and whether it was supplied. */
  @Serdeable
  record SecretState(String name, @Nullable String description, boolean required, boolean supplied) {}

  /** The instance's secrets; values are never shown. */
  @Serdeable
  record SecretsView(String instanceId, List<SecretState> secrets) {}

  /** The secrets an instance's entry needs, and whether each was supplied; never a value. */
  @Get
  SecretsView list(HttpRequest<?> request, @PathVariable String id) {
    Callers.current(request);
    Instance instance = find(id);
    Set<String> supplied = store().names(instance.id());
    return new SecretsView(instance.id(), specs(instance).stream()
        .map(s -> new SecretState(s.name(), s.description(), s.required(), supplied.contains(s.name())))
        .toList());
  }

  /** Supplies a secret's value for an instance (operators only). The value is never shown again. */
  @ApiResponse(
      responseCode = "202",
      description = "Stored for the launcher; never the value",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = SecretState.class)))
  @Put("/{name}")
  HttpResponse<SecretState> put(
      HttpRequest<?> request, @PathVariable String id, @PathVariable String name, @Body @Nullable SecretValue body) {
    Caller caller = Callers.current(request);
    if (caller.kind() != CallerKind.OPERATOR) {
      throw new ForbiddenException("only operators supply secrets");
    }
    Instance instance = find(id);
    SecretSpec spec = specs(instance).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new BadRequestException("name",
            "instance " + instance.id() + " of " + instance.catalogId() + " needs no secret of that name"));
    if (body == null || body.value() == null || body.value().isEmpty()) {
      throw new BadRequestException("value", "is required and must not be empty");
    }
    byte[] value = body.value().getBytes(StandardCharsets.UTF_8);
    if (value.length > MAX_VALUE_BYTES) {
      throw new BadRequestException("value", "must be at most " + MAX_VALUE_BYTES + " bytes");
    }
    if (body.value().chars().anyMatch(c -> c == 0)) {
      throw new BadRequestException("value", "must not contain NUL characters");
    }
    switch (instance.status()) {
      case REMOVING, REMOVED, DENIED -> throw new ConflictException(
          "instance " + instance.id() + " is " + instance.status().wire() + "; it takes no secrets");
      default -> { }
    }
    store().put(instance.id(), spec.name(), value);
    Command command = commands.instance(CommandType.SECRET_SUPPLIED, caller.actor(), instance.id(),
        instance.catalogId(), null, Map.of("secret", spec.name()));
    bus.send(command);
    return HttpResponse.accepted().body(new SecretState(spec.name(), spec.description(), spec.required(), true));
  }

  private dev.harbor.launcher.secrets.SecretStore store() {
    return launcher.find(null)
        .orElseThrow(() -> new NotReadyException("the launcher does not run on this node, so it keeps no secrets"))
        .secrets();
  }

  private List<SecretSpec> specs(Instance instance) {
    return catalog.get(instance.catalogId()).map(CatalogItem::entry).map(e -> e.secrets()).orElse(List.of())
        .stream().filter(s -> s.name() != null && !s.name().isBlank()).toList();
  }

  private Instance find(String id) {
    String checked = InstanceIds.checkId(id);
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
    return instances.get(checked).orElseThrow(() -> new NotFoundException("instance '" + checked + "' not found"));
  }
}
