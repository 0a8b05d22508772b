package dev.harbor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaRecordAgreementTest {

  static Stream<Arguments> registeredTopics() {
    return Stream.concat(Topics.hubTopics().stream(), Topics.nodeTopics("n1").stream())
        .map(topic -> Arguments.of(named(topic.name(), topic)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTopics")
  void eachTopicsValueSchemaDescribesExactlyTheRecordItsSerdeWrites(Topic<?, ?> topic) {
    Class<?> type = ((JsonSerde<?>) topic.valueSerde()).type();
    assertThat(type.isRecord()).as("%s value type %s is a record", topic.name(), type).isTrue();

    List<String> problems =
        SchemaAgreement.disagreements(
            type.asSubclass(Record.class), ContractSchemas.tree(topic.valueSchema()));

    assertThat(problems)
        .as("disagreements between %s and %s", type.getSimpleName(), topic.valueSchema())
        .isEmpty();
  }

  @Test
  void idPatternsInTheSchemasAreTheOnesTheCodeEnforces() {
    String catalogId = "^" + CatalogEntry.ID_PATTERN.pattern() + "$";
    String nodeId = "^" + Topics.NODE_ID.pattern() + "$";

    assertThat(ContractSchemas.tree("catalog-entry.v1.schema.json").at("/properties/id/pattern").asText())
        .isEqualTo(catalogId);
    assertThat(ContractSchemas.tree("catalog-entry-state.v1.schema.json")
            .at("/properties/catalogId/pattern").asText())
        .isEqualTo(catalogId);
    assertThat(ContractSchemas.tree("audit-event.v1.schema.json").at("/properties/nodeId/pattern").asText())
        .isEqualTo(nodeId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTopics")
  void everyNodeIdPropertyDeclaresTheNodeIdPatternTheRecordEnforces(Topic<?, ?> topic) {
    JsonNode nodeIdProperty = ContractSchemas.tree(topic.valueSchema()).at("/properties/nodeId");
    Class<?> type = ((JsonSerde<?>) topic.valueSerde()).type();
    boolean hasComponent =
        java.util.Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals("nodeId"));

    assertThat(nodeIdProperty.isMissingNode()).isEqualTo(!hasComponent);
    if (hasComponent) {
      assertThat(nodeIdProperty.path("pattern").asText()).isEqualTo("^" + Topics.NODE_ID.pattern() + "$");
    }
  }

  // The checker itself, against a small record and a schema written to agree with it.

  private record Port(int number, @Nullable String label) {}

  private record Sample(
      String name,
      @Nullable String note,
      boolean active,
      long size,
      Instant seenAt,
      List<String> tags,
      Map<String, String> labels,
      Transport transport,
      CallerKind kind,
      List<Port> ports,
      Port main,
      @Nullable Boolean strict,
      List<PolicyAction> actions) {

    Sample {
      tags = tags == null ? List.of() : List.copyOf(tags);
      labels = labels == null ? Map.of() : Map.copyOf(labels);
      ports = ports == null ? List.of() : List.copyOf(ports);
      actions = actions == null ? List.of() : List.copyOf(actions);
      if (transport == null) {
        transport = Transport.UNKNOWN;
      }
    }
  }

  private static final String SAMPLE_SCHEMA =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Sample",
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "active", "size", "seenAt", "kind", "main"],
        "properties": {
          "name": { "description": "n", "type": "string" },
          "note": { "description": "n", "type": "string" },
          "active": { "description": "n", "type": "boolean" },
          "size": { "description": "n", "type": "integer" },
          "seenAt": { "description": "n", "type": "string", "format": "date-time" },
          "tags": { "description": "n", "type": "array", "items": { "type": "string" }, "default": [] },
          "labels": {
            "description": "n", "type": "object", "additionalProperties": { "type": "string" }, "default": {}
          },
          "transport": { "description": "n", "$ref": "#/$defs/Transport", "default": "unknown" },
          "kind": { "description": "n", "type": "string", "enum": ["operator", "agent", "script", "system"] },
          "ports": {
            "description": "n", "type": "array", "items": { "$ref": "#/$defs/Port" }, "default": []
          },
          "main": { "description": "n", "$ref": "#/$defs/Port" },
          "strict": { "description": "n", "type": "boolean" },
          "actions": {
            "description": "n", "type": "array", "items": { "$ref": "#/$defs/PolicyAction" }, "default": []
          }
        },
        "$defs": {
          "Transport": { "type": "string", "enum": ["stdio", "streamable_http", "sse", "mixed", "unknown"] },
          "PolicyAction": {
            "type": "string", "enum": ["mcp.setup", "mcp.remove", "mcp.enable", "mcp.disable", "mcp.restart"]
          },
          "Port": {
            "type": "object",
            "additionalProperties": false,
            "required": ["number"],
            "properties": {
              "number": { "description": "n", "type": "integer" },
              "label": { "description": "n", "type": "string" }
            }
          }
        }
      }
      """;

  @Test
  void theCheckerFindsNothingWhenRecordAndSchemaAgree() {
    assertThat(SchemaAgreement.disagreements(Sample.class, ContractSchemas.parse(SAMPLE_SCHEMA))).isEmpty();
  }

  static Stream<Arguments> disagreements() {
    return Stream.of(
        mismatch(
            "a component without a property",
            at("/properties", node -> node.remove("note")),
            "Sample.note at #/properties/note: the schema has no such property"),
        mismatch(
            "a property without a component",
            at("/properties", node -> node.putObject("colour").put("description", "n").put("type", "string")),
            "Sample at #/properties/colour: schema property 'colour' has no record component"),
        mismatch(
            "a wrong type inside a nested record",
            at("/$defs/Port/properties/number", node -> node.put("type", "string")),
            "Port.number at #/$defs/Port/properties/number: expected type integer but was \"string\""),
        mismatch(
            "a wrong type for array items",
            at("/properties/tags/items", node -> node.put("type", "integer")),
            "Sample.tags at #/properties/tags/items: expected type string but was \"integer\""),
        mismatch(
            "an enum missing a wire value",
            at("/$defs/Transport", node -> node.putArray("enum").add("stdio").add("sse")),
            "Sample.transport at #/properties/transport: expected enum [stdio, streamable_http, sse, "
                + "mixed, unknown]"),
        mismatch(
            "an inline enum with upper-case names",
            at("/properties/kind",
                node -> node.putArray("enum").add("OPERATOR").add("AGENT").add("SCRIPT").add("SYSTEM")),
            "Sample.kind at #/properties/kind: expected enum [operator, agent, script, system] but was "
                + "[OPERATOR, AGENT, SCRIPT, SYSTEM]"),
        mismatch(
            "an enum that lacks a value the Java enum gained",
            at("/properties/kind", node -> node.putArray("enum").add("operator").add("agent").add("script")),
            "Sample.kind at #/properties/kind: expected enum [operator, agent, script, system] but was "
                + "[operator, agent, script]"),
        mismatch(
            "an enum with dotted wire names written in lower-snake case",
            at("/$defs/PolicyAction", node -> node.putArray("enum")
                .add("mcp_setup").add("mcp_remove").add("mcp_enable").add("mcp_disable").add("mcp_restart")),
            "Sample.actions at #/properties/actions/items: expected enum "
                + "[mcp.setup, mcp.remove, mcp.enable, mcp.disable, mcp.restart]"),
        mismatch(
            "a nullable Boolean listed as required",
            at("", node -> ((ArrayNode) node.get("required")).add("strict")),
            "should not list [strict]"),
        mismatch(
            "a nullable Boolean with a default",
            at("/properties/strict", node -> node.put("default", false)),
            "Sample.strict at #/properties/strict: the record's constructor does not default this component"),
        mismatch(
            "a nullable Boolean typed as a string",
            at("/properties/strict", node -> node.put("type", "string")),
            "Sample.strict at #/properties/strict: expected type boolean but was \"string\""),
        mismatch(
            "a map without an empty default",
            at("/properties/labels", node -> node.remove("default")),
            "Sample.labels at #/properties/labels: absent means empty, so expected default {} but was null"),
        mismatch(
            "an Instant without date-time format",
            at("/properties/seenAt", node -> node.remove("format")),
            "Sample.seenAt at #/properties/seenAt: an Instant must declare format date-time"),
        mismatch(
            "a nullable component listed as required and a boolean left out",
            at("", node -> node.putArray("required")
                .add("name").add("note").add("size").add("seenAt").add("kind").add("main")),
            "Sample at #/required: expected [active, kind, main, name, seenAt, size], missing [active], "
                + "should not list [note]"),
        mismatch(
            "a defaulted component listed as required",
            at("", node -> ((ArrayNode) node.get("required")).add("transport")),
            "should not list [transport]"),
        mismatch(
            "a constructor default the schema does not declare",
            at("/properties/transport", node -> node.remove("default")),
            "Sample.transport at #/properties/transport: the record's constructor defaults this "
                + "component to UNKNOWN, so the schema must declare that default"),
        mismatch(
            "a schema default that differs from the constructor's",
            at("/properties/transport", node -> node.put("default", "stdio")),
            "Sample.transport at #/properties/transport: the record's constructor defaults this "
                + "component to UNKNOWN but the schema default \"stdio\" reads as STDIO"),
        mismatch(
            "a default on a component the constructor leaves null",
            at("/properties/kind", node -> node.put("default", "operator")),
            "Sample.kind at #/properties/kind: the record's constructor does not default this component"),
        mismatch(
            "a list without an empty default",
            at("/properties/ports", node -> node.remove("default")),
            "Sample.ports at #/properties/ports: absent means empty, so expected default [] but was null"),
        mismatch(
            "a map with non-string values",
            at("/properties/labels/additionalProperties", node -> node.put("type", "integer")),
            "Sample.labels at #/properties/labels: a Map<String, String> must declare "
                + "additionalProperties of type string"),
        mismatch(
            "a nested record that allows additional properties",
            at("/$defs/Port", node -> node.put("additionalProperties", true)),
            "Port at #/$defs/Port: expected additionalProperties false"),
        mismatch(
            "a nested record written inline",
            at("/properties",
                node -> node.set("main", ContractSchemas.parse(SAMPLE_SCHEMA).at("/$defs/Port"))),
            "Sample.main at #/properties/main: a nested record must be a $ref into $defs"),
        mismatch(
            "a $ref to a missing definition",
            at("/properties/main", node -> node.put("$ref", "#/$defs/Socket")),
            "Sample.main at #/properties/main: $ref #/$defs/Socket does not resolve within the schema"),
        mismatch(
            "a property without a description",
            at("/$defs/Port/properties/label", node -> node.remove("description")),
            "Port.label at #/$defs/Port/properties/label: the property has no description"),
        mismatch(
            "a definition nothing refers to",
            at("/$defs", node -> node.putObject("Unused").put("type", "string")),
            "Sample at #/$defs/Unused: no property refers to it"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("disagreements")
  void theCheckerNamesRecordComponentAndSchemaPathOfADisagreement(
      Consumer<ObjectNode> change, String expected) {
    JsonNode schema = ContractSchemas.parse(SAMPLE_SCHEMA);
    change.accept((ObjectNode) schema);

    assertThat(SchemaAgreement.disagreements(Sample.class, schema)).anySatisfy(
        problem -> assertThat(problem).contains(expected));
  }

  /** One row of {@link #disagreements()}: a described change to the agreeing schema, and the report. */
  private static Arguments mismatch(String description, Consumer<ObjectNode> change, String expected) {
    return Arguments.of(named(description, change), expected);
  }

  /** A change to the object at JSON pointer {@code pointer} of the schema it is given. */
  private static Consumer<ObjectNode> at(String pointer, Consumer<ObjectNode> change) {
    return schema -> change.accept((ObjectNode) schema.at(pointer));
  }
}
