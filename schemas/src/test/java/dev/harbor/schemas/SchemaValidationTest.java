package dev.harbor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidationTest {

  private static final String CATALOG = "catalog-entry.v1.schema.json";
  private static final String STATE = "catalog-entry-state.v1.schema.json";
  private static final String AUDIT = "audit-event.v1.schema.json";
  private static final String COMMAND = "command.v1.schema.json";
  private static final String INSTANCE = "instance.v1.schema.json";
  private static final String ORDER = "launch-order.v1.schema.json";
  private static final String LAUNCHER_EVENT = "launcher-event.v1.schema.json";
  private static final String POLICY = "policy-set.v1.schema.json";

  private static final JsonSerde<CatalogEntry> CATALOG_SERDE = JsonSerde.of(CatalogEntry.class);
  private static final JsonSerde<CatalogEntryState> STATE_SERDE = JsonSerde.of(CatalogEntryState.class);
  private static final JsonSerde<AuditEvent> AUDIT_SERDE = JsonSerde.of(AuditEvent.class);
  private static final JsonSerde<Command> COMMAND_SERDE = JsonSerde.of(Command.class);
  private static final JsonSerde<Instance> INSTANCE_SERDE = JsonSerde.of(Instance.class);
  private static final JsonSerde<LaunchOrder> ORDER_SERDE = JsonSerde.of(LaunchOrder.class);
  private static final JsonSerde<LauncherEvent> LAUNCHER_EVENT_SERDE = JsonSerde.of(LauncherEvent.class);
  private static final JsonSerde<PolicySet> POLICY_SERDE = JsonSerde.of(PolicySet.class);

  @ParameterizedTest
  @ValueSource(strings = {CATALOG, STATE, AUDIT, COMMAND, INSTANCE, ORDER, POLICY})
  void everySchemaFileIsAValidDraft202012Schema(String fileName) {
    assertThat(ContractSchemas.metaSchemaErrors(ContractSchemas.tree(fileName))).isEmpty();
  }

  @Test
  void theMetaSchemaCheckRejectsAMisspelledType() {
    JsonNode broken =
        ContractSchemas.parse("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"strnig\"}}}");

    assertThat(ContractSchemas.metaSchemaErrors(broken)).isNotEmpty();
  }

  static Stream<Arguments> catalogEntries() {
    return ContractSamples.catalogEntries().stream().map(entry -> Arguments.of(named(entry.id(), entry)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogEntries")
  void catalogEntriesAsHarborWritesThemAreValid(CatalogEntry entry) {
    assertThat(ContractSchemas.errors(CATALOG, CATALOG_SERDE.toJson(entry))).isEmpty();
  }

  @Test
  void catalogEntryStatesAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.states())
        .allSatisfy(state -> assertThat(ContractSchemas.errors(STATE, STATE_SERDE.toJson(state))).isEmpty());
  }

  @Test
  void auditEventsAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.events())
        .allSatisfy(event -> assertThat(ContractSchemas.errors(AUDIT, AUDIT_SERDE.toJson(event))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(AuditEventType.class)
  void anAuditEventOfEveryTypeIsValid(AuditEventType type) {
    assertThat(ContractSchemas.errors(AUDIT, AUDIT_SERDE.toJson(ContractSamples.event(type)))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AuditOutcome.class)
  void anAuditEventWithEveryOutcomeIsValid(AuditOutcome outcome) {
    AuditEvent sample = ContractSamples.setupPendingApproval();
    AuditEvent event = new AuditEvent(
        sample.id(), sample.nodeId(), sample.type(), sample.at(), sample.actor(), sample.catalogId(),
        sample.instanceId(), sample.message(), sample.details(), sample.action(), outcome, sample.reason(),
        sample.correlationId());

    assertThat(ContractSchemas.errors(AUDIT, AUDIT_SERDE.toJson(event))).isEmpty();
  }

  @Test
  void commandsAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.commands()).allSatisfy(
        command -> assertThat(ContractSchemas.errors(COMMAND, COMMAND_SERDE.toJson(command))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(CommandType.class)
  void aCommandOfEveryTypeIsValid(CommandType type) {
    assertThat(ContractSchemas.errors(COMMAND, COMMAND_SERDE.toJson(ContractSamples.command(type)))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AuditEventType.class)
  void aNoticeOfEveryAuditEventTypeIsValid(AuditEventType notice) {
    Command sample = ContractSamples.searchNotice();
    Command command = new Command(
        sample.id(), sample.nodeId(), sample.type(), sample.at(), sample.actor(), null, null, null, null, null,
        notice, sample.details());

    assertThat(ContractSchemas.errors(COMMAND, COMMAND_SERDE.toJson(command))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallerKind.class)
  void anActorOfEveryKindIsValidInEverySchemaThatHasActors(CallerKind kind) {
    Actor actor = new Actor(kind, "someone", null);
    CatalogEntryState state = ContractSamples.disabledState();
    AuditEvent event = ContractSamples.minimalEvent();
    Command command = ContractSamples.command(CommandType.NOTICE);
    Instance instance = ContractSamples.minimalInstance();
    PolicySet policy = ContractSamples.minimalPolicy();

    assertThat(ContractSchemas.errors(STATE, STATE_SERDE.toJson(new CatalogEntryState(
            state.catalogId(), state.enabled(), state.reason(), actor, state.changedAt(),
            state.catalogUpdatedAt()))))
        .isEmpty();
    assertThat(ContractSchemas.errors(AUDIT, AUDIT_SERDE.toJson(new AuditEvent(
            event.id(), event.nodeId(), event.type(), event.at(), actor, null, null, event.message(), null))))
        .isEmpty();
    assertThat(ContractSchemas.errors(COMMAND, COMMAND_SERDE.toJson(new Command(
            command.id(), command.nodeId(), command.type(), command.at(), actor, null, null, null, null, null,
            null, null))))
        .isEmpty();
    assertThat(ContractSchemas.errors(INSTANCE, INSTANCE_SERDE.toJson(new Instance(
            instance.id(), instance.nodeId(), instance.catalogId(), instance.slug(), instance.name(),
            instance.status(), actor, null, null, null, null, null, null, null, null, null, null, null, null,
            instance.createdAt(), instance.updatedAt(), null, null, instance.lastCorrelationId()))))
        .isEmpty();
    assertThat(ContractSchemas.errors(POLICY, POLICY_SERDE.toJson(new PolicySet(
            policy.version(),
            List.of(new PolicyRule("r", null, null, List.of(kind), null, null, null, null, null, null,
                PolicyEffect.ALLOW, null)),
            actor, policy.updatedAt()))))
        .isEmpty();
  }

  @Test
  void instancesAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.instances()).allSatisfy(
        instance -> assertThat(ContractSchemas.errors(INSTANCE, INSTANCE_SERDE.toJson(instance))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(InstanceStatus.class)
  void anInstanceInEveryStatusIsValid(InstanceStatus status) {
    assertThat(ContractSchemas.errors(INSTANCE, INSTANCE_SERDE.toJson(ContractSamples.instance(status))))
        .isEmpty();
  }

  @Test
  void ordersAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.orders()).allSatisfy(
        order -> assertThat(ContractSchemas.errors(ORDER, ORDER_SERDE.toJson(order))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(OrderType.class)
  void anOrderOfEveryTypeIsValid(OrderType type) {
    LaunchOrder sample = ContractSamples.launchOrder();
    LaunchOrder order = new LaunchOrder(
        sample.id(), sample.nodeId(), sample.instanceId(), type, sample.spec(), sample.specHash(),
        sample.correlationId(), sample.at());

    assertThat(ContractSchemas.errors(ORDER, ORDER_SERDE.toJson(order))).isEmpty();
  }

  @Test
  void launcherEventsAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.launcherEvents()).allSatisfy(
        event -> assertThat(ContractSchemas.errors(LAUNCHER_EVENT, LAUNCHER_EVENT_SERDE.toJson(event))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(LauncherEventType.class)
  void aLauncherEventOfEveryTypeIsValid(LauncherEventType type) {
    LauncherEvent sample = ContractSamples.startedEvent();
    LauncherEvent event = new LauncherEvent(
        sample.id(), sample.nodeId(), sample.instanceId(), sample.orderId(), type, sample.specHash(),
        sample.containerName(), sample.containerId(), sample.imageDigest(), "why", true, List.of("a"),
        List.of("line"), sample.connectionInfo(), sample.at());

    assertThat(ContractSchemas.errors(LAUNCHER_EVENT, LAUNCHER_EVENT_SERDE.toJson(event))).isEmpty();
  }

  @Test
  void aLauncherEventWithAnUnknownTypeIsInvalid() {
    String json = LAUNCHER_EVENT_SERDE.toJson(ContractSamples.startedEvent()).replace("\"started\"", "\"exploded\"");

    assertThat(ContractSchemas.errors(LAUNCHER_EVENT, json)).isNotEmpty();
  }

  @Test
  void policySetsAsHarborWritesThemAreValid() {
    assertThat(ContractSamples.policySets()).allSatisfy(
        policy -> assertThat(ContractSchemas.errors(POLICY, POLICY_SERDE.toJson(policy))).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(PolicyAction.class)
  void aRuleForEveryPolicyActionIsValidAndNamesItWithItsDottedWireName(PolicyAction action) {
    PolicySet policy = new PolicySet(
        3,
        List.of(new PolicyRule("r", null, List.of(action), null, null, null, null, null, null, null,
            PolicyEffect.REQUIRE_APPROVAL, null)),
        ContractSamples.ALICE,
        Instant.parse("2025-12-02T16:20:00Z"));
    String json = POLICY_SERDE.toJson(policy);

    assertThat(ContractSchemas.errors(POLICY, json)).isEmpty();
    assertThat(ContractSchemas.parse(json).at("/rules/0/actions/0").asText())
        .isEqualTo(action.wire())
        .startsWith("mcp.")
        .doesNotContain("_");
    assertThat(POLICY_SERDE.fromJson(json)).isEqualTo(policy);
  }

  /**
   * A rule's needsSecrets has three values: absent (either), true and false. false must be written,
   * or a rule for entries without secrets would come back as a rule for every entry.
   */
  @Test
  void aRulesNeedsSecretsKeepsAllThreeValuesThroughTheSerde() {
    List<PolicyRule> rules = ContractSamples.customPolicy().rules();
    List<Boolean> needsSecrets = rules.stream().map(PolicyRule::needsSecrets).toList();
    JsonNode written = ContractSchemas.parse(POLICY_SERDE.toJson(ContractSamples.customPolicy()));

    assertThat(needsSecrets).containsExactly(true, false, null);
    assertThat(written.at("/rules/0/needsSecrets").isBoolean()).isTrue();
    assertThat(written.at("/rules/1/needsSecrets").isBoolean()).isTrue();
    assertThat(written.at("/rules/1/needsSecrets").asBoolean()).isFalse();
    assertThat(written.at("/rules/2").has("needsSecrets")).isFalse();
    assertThat(POLICY_SERDE.fromJson(written.toString()).rules())
        .extracting(PolicyRule::needsSecrets)
        .containsExactly(true, false, null);
  }

  @Test
  void aPolicyAtVersionZeroWritesItsVersion() {
    JsonNode written = ContractSchemas.parse(POLICY_SERDE.toJson(ContractSamples.minimalPolicy()));

    assertThat(written.get("version").isIntegralNumber()).isTrue();
    assertThat(written.get("version").asLong()).isZero();
    assertThat(written.has("rules")).isFalse();
  }

  @Test
  void theSerdeWritesFalseAndZeroAndOmitsNullsAndEmptyCollections() {
    CatalogEntry entry = ContractSamples.minimalEntry();
    JsonNode written = ContractSchemas.parse(CATALOG_SERDE.toJson(entry));
    JsonNode port =
        ContractSchemas.parse(JsonSerde.of(PortSpec.class).toJson(new PortSpec("http", 0, "tcp")));
    JsonNode event = ContractSchemas.parse(AUDIT_SERDE.toJson(ContractSamples.minimalEvent()));

    assertThat(written.get("launchable").isBoolean()).isTrue();
    assertThat(written.get("launchable").asBoolean()).isFalse();
    assertThat(port.get("containerPort").isInt()).isTrue();
    assertThat(port.get("containerPort").asInt()).isZero();
    assertThat(written.has("description")).isFalse();
    assertThat(written.has("tags")).isFalse();
    assertThat(written.path("network").has("allowHosts")).isFalse();
    assertThat(event.has("details")).isFalse();
    assertThat(event.has("catalogId")).isFalse();
    assertThat(written.get("transport").asText()).isEqualTo("unknown");
  }

  @Test
  void theSamplesTogetherWriteEveryPropertyTheSchemasDeclare() {
    assertThat(unwrittenProperties(
            CATALOG, ContractSamples.catalogEntries().stream().map(CATALOG_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(STATE, ContractSamples.states().stream().map(STATE_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(AUDIT, ContractSamples.events().stream().map(AUDIT_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(COMMAND, ContractSamples.commands().stream().map(COMMAND_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(INSTANCE, ContractSamples.instances().stream().map(INSTANCE_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(ORDER, ContractSamples.orders().stream().map(ORDER_SERDE::toJson)))
        .isEmpty();
    assertThat(unwrittenProperties(POLICY, ContractSamples.policySets().stream().map(POLICY_SERDE::toJson)))
        .isEmpty();
  }

  static Stream<Arguments> invalidDocuments() {
    String entry = CATALOG_SERDE.toJson(ContractSamples.atlassian());
    String state = STATE_SERDE.toJson(ContractSamples.disabledState());
    String event = AUDIT_SERDE.toJson(ContractSamples.launchSucceeded());
    String pending = AUDIT_SERDE.toJson(ContractSamples.setupPendingApproval());
    String setup = COMMAND_SERDE.toJson(ContractSamples.setupCommand());
    String instance = INSTANCE_SERDE.toJson(ContractSamples.activeInstance());
    String order = ORDER_SERDE.toJson(ContractSamples.launchOrder());
    String policy = POLICY_SERDE.toJson(ContractSamples.customPolicy());
    return Stream.of(
        invalid("an extra top-level property", CATALOG, entry,
            at("", node -> node.put("riskScore", 3)), "additionalProperties", "riskScore"),
        invalid("an extra property in a nested record", CATALOG, entry,
            at("/source", node -> node.put("signedBy", "hub")), "additionalProperties", "signedBy"),
        invalid("an extra property in a list item", CATALOG, entry,
            at("/secrets/0", node -> node.put("value", "hunter2")), "additionalProperties", "value"),
        invalid("an unknown transport", CATALOG, entry,
            at("", node -> node.put("transport", "websocket")), "enum", "transport"),
        invalid("an upper-case enum name", CATALOG, entry,
            at("", node -> node.put("launcherKind", "DOCKER")), "enum", "launcherKind"),
        invalid("a missing required property", CATALOG, entry,
            at("", node -> node.remove("launchable")), "required", "launchable"),
        invalid("a boolean written as a string", CATALOG, entry,
            at("/env/0", node -> node.put("required", "true")), "type", "required"),
        invalid("a catalog id with upper-case letters", CATALOG, entry,
            at("", node -> node.put("id", "Atlassian")), "pattern", "id"),
        invalid("a time that is not RFC 3339", STATE, state,
            at("", node -> node.put("changedAt", "03.12.2025 08:30")), "format", "changedAt"),
        invalid("an unknown caller kind", STATE, state,
            at("/changedBy", node -> node.put("kind", "robot")), "enum", "kind"),
        invalid("an extra property in the actor", STATE, state,
            at("/changedBy", node -> node.put("token", "secret")), "additionalProperties", "token"),
        invalid("an unknown audit event type", AUDIT, event,
            at("", node -> node.put("type", "entry_deleted")), "enum", "type"),
        invalid("a details value that is not a string", AUDIT, event,
            at("/details", node -> node.put("hostPort", 49153)), "type", "hostPort"),
        invalid("a node id that cannot be a topic name part", AUDIT, event,
            at("", node -> node.put("nodeId", "node.1")), "pattern", "nodeId"),
        invalid("an unknown audit outcome", AUDIT, pending,
            at("", node -> node.put("outcome", "skipped")), "enum", "outcome"),
        invalid("an upper-case audit outcome", AUDIT, pending,
            at("", node -> node.put("outcome", "PENDING")), "enum", "outcome"),
        invalid("a correlation id that is not a string", AUDIT, pending,
            at("", node -> node.put("correlationId", 42)), "type", "correlationId"),
        invalid("an unknown command type", COMMAND, setup,
            at("", node -> node.put("type", "upgrade")), "enum", "type"),
        invalid("a command without an actor", COMMAND, setup,
            at("", node -> node.remove("actor")), "required", "actor"),
        invalid("a config value that is not a string", COMMAND, setup,
            at("/config", node -> node.put("atlassian.read_only", true)), "type", "atlassian.read_only"),
        invalid("a secret value beside the configuration", COMMAND, setup,
            at("", node -> node.put("secrets", "hunter2")), "additionalProperties", "secrets"),
        invalid("a notice that is not an audit event type", COMMAND, setup,
            at("", node -> node.put("notice", "catalog_deleted")), "enum", "notice"),
        invalid("a command for a node id that cannot be a topic name part", COMMAND, setup,
            at("", node -> node.put("nodeId", "Node_1")), "pattern", "nodeId"),
        invalid("an unknown instance status", INSTANCE, instance,
            at("", node -> node.put("status", "running")), "enum", "status"),
        invalid("an instance without its correlation id", INSTANCE, instance,
            at("", node -> node.remove("lastCorrelationId")), "required", "lastCorrelationId"),
        invalid("an approval without the spec hash it is bound to", INSTANCE, instance,
            at("/approval", node -> node.remove("specHash")), "required", "specHash"),
        invalid("an unknown approval state", INSTANCE, instance,
            at("", node -> node.put("approvalState", "waiting")), "enum", "approvalState"),
        invalid("a decision with an unknown effect", INSTANCE, instance,
            at("/decision", node -> node.put("effect", "maybe")), "enum", "effect"),
        invalid("an extra property in the decision", INSTANCE, instance,
            at("/decision", node -> node.put("score", 0.7)), "additionalProperties", "score"),
        invalid("an unknown secret binding mode", INSTANCE, instance,
            at("", node -> node.put("secretBindingMode", "vault")), "enum", "secretBindingMode"),
        invalid("connection info that is not a string", INSTANCE, instance,
            at("/connectionInfo", node -> node.put("toolCount", 42)), "type", "toolCount"),
        invalid("an unknown order type", ORDER, order,
            at("", node -> node.put("type", "stop")), "enum", "type"),
        invalid("a launch spec without an image", ORDER, order,
            at("/spec", node -> node.remove("image")), "required", "image"),
        invalid("a secret value in the launch spec", ORDER, order,
            at("/spec", node -> node.putObject("secrets").put("atlassian.jira.api_token", "hunter2")),
            "additionalProperties", "secrets"),
        invalid("a command line as one shell string", ORDER, order,
            at("/spec", node -> node.put("args", "--transport streamable-http")), "type", "args"),
        invalid("an extra property in a launch spec's port", ORDER, order,
            at("/spec/ports/0", node -> node.put("hostPort", 49153)), "additionalProperties", "hostPort"),
        invalid("a policy action in lower-snake case", POLICY, policy,
            at("/rules/0", node -> node.putArray("actions").add("mcp_setup")), "enum", "actions"),
        invalid("an unknown policy effect", POLICY, policy,
            at("/rules/0", node -> node.put("effect", "audit")), "enum", "effect"),
        invalid("a rule without an effect", POLICY, policy,
            at("/rules/0", node -> node.remove("effect")), "required", "effect"),
        invalid("needsSecrets written as a string", POLICY, policy,
            at("/rules/0", node -> node.put("needsSecrets", "yes")), "type", "needsSecrets"),
        invalid("an unknown caller kind in a rule", POLICY, policy,
            at("/rules/0", node -> node.putArray("callerKinds").add("robot")), "enum", "callerKinds"),
        invalid("a version that is not an integer", POLICY, policy,
            at("", node -> node.put("version", "7")), "type", "version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void aDocumentHarborWouldNeverWriteFailsValidation(
      String fileName, String valid, Consumer<ObjectNode> change, String keyword, String property) {
    ObjectNode document = (ObjectNode) ContractSchemas.parse(valid);
    change.accept(document);

    assertThat(ContractSchemas.errors(fileName, valid)).as("the unchanged document").isEmpty();
    assertThat(ContractSchemas.errors(fileName, document.toString()))
        .anySatisfy(error -> assertThat(error).startsWith(keyword + ":").contains(property));
  }

  /** One row of {@link #invalidDocuments()}: a described change to a valid document, and the error. */
  private static Arguments invalid(
      String description, String fileName, String valid, Consumer<ObjectNode> change, String keyword,
      String property) {
    return Arguments.of(named(description, fileName), valid, change, keyword, property);
  }

  /** A change to the object at JSON pointer {@code pointer} of the document it is given. */
  private static Consumer<ObjectNode> at(String pointer, Consumer<ObjectNode> change) {
    return document -> change.accept((ObjectNode) document.at(pointer));
  }

  /**
   * Schema locations ({@code #/properties/x}, {@code #/$defs/Y/properties/z}) of every property the
   * schema declares that none of the documents contains.
   */
  private static Set<String> unwrittenProperties(String fileName, Stream<String> documents) {
    JsonNode schema = ContractSchemas.tree(fileName);
    Set<String> declared = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(name -> declared.add("#/properties/" + name));
    schema.path("$defs").properties().forEach(
        def -> def.getValue().path("properties").fieldNames().forEachRemaining(
            name -> declared.add("#/$defs/" + def.getKey() + "/properties/" + name)));
    documents.forEach(json -> removeWritten(schema, schema, "#", ContractSchemas.parse(json), declared));
    return declared;
  }

  /** Walks a document alongside its schema and removes from {@code unwritten} each property it contains. */
  private static void removeWritten(
      JsonNode root, JsonNode schema, String location, JsonNode document, Set<String> unwritten) {
    String ref = schema.path("$ref").asText();
    if (!ref.isEmpty()) {
      removeWritten(root, root.at(ref.substring(1)), ref, document, unwritten);
      return;
    }
    if (document.isArray()) {
      document.forEach(
          item -> removeWritten(root, schema.path("items"), location + "/items", item, unwritten));
    } else if (document.isObject() && schema.has("properties")) {
      document.fieldNames().forEachRemaining(
          name -> {
            String property = location + "/properties/" + name;
            unwritten.remove(property);
            removeWritten(
                root, schema.path("properties").path(name), property, document.get(name), unwritten);
          });
    }
  }

  @Test
  void theCoverageWalkReportsAPropertyNoSampleWrites() {
    assertThat(unwrittenProperties(CATALOG, Stream.of(CATALOG_SERDE.toJson(ContractSamples.minimalEntry()))))
        .contains("#/properties/tags", "#/$defs/SecretSpec/properties/env")
        .doesNotContain("#/properties/id", "#/$defs/CatalogSource/properties/format");
  }

  /** Keeps the list of samples honest: the minimal samples really are minimal. */
  @Test
  void theMinimalSamplesOfTheNodeContractsWriteOnlyRequiredAndDefaultedProperties() {
    assertThat(names(COMMAND_SERDE.toJson(ContractSamples.command(CommandType.RESTART))))
        .containsExactlyInAnyOrder("id", "nodeId", "type", "at", "actor");
    assertThat(names(INSTANCE_SERDE.toJson(ContractSamples.minimalInstance())))
        .containsExactlyInAnyOrder(
            "id", "nodeId", "catalogId", "slug", "name", "status", "requestedBy", "createdAt", "updatedAt",
            "lastCorrelationId", "approvalState", "transport", "secretBindingMode");
    assertThat(names(ORDER_SERDE.toJson(ContractSamples.removeOrder())))
        .containsExactlyInAnyOrder("id", "nodeId", "instanceId", "type", "correlationId", "at");
    assertThat(names(POLICY_SERDE.toJson(ContractSamples.minimalPolicy())))
        .containsExactlyInAnyOrder("version", "updatedBy", "updatedAt");
    assertThat(names(AUDIT_SERDE.toJson(ContractSamples.minimalEvent())))
        .containsExactlyInAnyOrder("id", "nodeId", "type", "at", "actor", "message");
  }

  private static List<String> names(String json) {
    List<String> names = new ArrayList<>();
    ContractSchemas.parse(json).fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Keeps the list of samples honest: the minimal entry really is minimal. */
  @Test
  void theMinimalEntryWritesOnlyRequiredAndDefaultedProperties() {
    JsonNode written = ContractSchemas.parse(CATALOG_SERDE.toJson(ContractSamples.minimalEntry()));
    List<String> names = new ArrayList<>();
    written.fieldNames().forEachRemaining(names::add);

    assertThat(names).containsExactlyInAnyOrder(
        "id", "slug", "name", "launcherKind", "launchable", "source", "createdAt", "updatedAt",
        "transport", "network", "healthCheck", "status", "visibility");
  }
}
