package dev.harbor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.node.CatalogEntryState;
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

  private static final JsonSerde<CatalogEntry> CATALOG_SERDE = JsonSerde.of(CatalogEntry.class);
  private static final JsonSerde<CatalogEntryState> STATE_SERDE = JsonSerde.of(CatalogEntryState.class);
  private static final JsonSerde<AuditEvent> AUDIT_SERDE = JsonSerde.of(AuditEvent.class);

  @ParameterizedTest
  @ValueSource(strings = {CATALOG, STATE, AUDIT})
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
  }

  static Stream<Arguments> invalidDocuments() {
    String entry = CATALOG_SERDE.toJson(ContractSamples.atlassian());
    String state = STATE_SERDE.toJson(ContractSamples.disabledState());
    String event = AUDIT_SERDE.toJson(ContractSamples.launchSucceeded());
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
            at("", node -> node.put("nodeId", "node.1")), "pattern", "nodeId"));
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
