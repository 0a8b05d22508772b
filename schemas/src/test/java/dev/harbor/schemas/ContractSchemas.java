package dev.harbor.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Loads the JSON Schema files under {@code harbor/schemas/} and validates JSON documents against them. */
final class ContractSchemas {

  /** Classpath folder of the schema files, as named by {@code Topic.valueSchema()}. */
  static final String FOLDER = "harbor/schemas/";

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);

  /** Formats such as date-time are checked, not just annotated. */
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private ContractSchemas() {}

  /** The schema file {@code fileName} as a JSON tree; fails when the resource does not exist. */
  static JsonNode tree(String fileName) {
    try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(FOLDER + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema resource " + FOLDER + fileName);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema file {@code fileName} as a validator with format assertions on. */
  static JsonSchema validator(String fileName) {
    return FACTORY.getSchema(tree(fileName), CONFIG);
  }

  /**
   * Validation errors for {@code json} against the schema file {@code fileName}, each as {@code
   * keyword: message} (for example {@code additionalProperties: $.colour: is not defined ...}); empty
   * when the document is valid.
   */
  static List<String> errors(String fileName, String json) {
    return describe(validator(fileName).validate(json, InputFormat.JSON));
  }

  /** Errors of {@code schema} against the draft 2020-12 meta-schema, in the form {@link #errors} uses. */
  static List<String> metaSchemaErrors(JsonNode schema) {
    return describe(FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG).validate(schema));
  }

  private static List<String> describe(Set<ValidationMessage> messages) {
    return messages.stream().map(message -> message.getType() + ": " + message.getMessage()).toList();
  }

  /** Parses JSON text into a tree. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
