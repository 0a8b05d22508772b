package dev.harbor.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a contract record with the JSON Schema that describes it and lists every disagreement.
 *
 * <p>The record is walked through its components and the schema through {@code properties}, following
 * local {@code $ref}s into {@code $defs} for nested records and enums. Each disagreement is one line
 * naming the record, the component and the schema location, for example {@code CatalogEntry.transport
 * at #/properties/transport: ...}.
 *
 * <p>The rules: component names and property names are the same set; Java types map to JSON types
 * ({@code String} to string, {@code boolean} to boolean, {@code int}/{@code long} to integer, {@code
 * Instant} to a date-time string, {@code List<X>} to an array of X, {@code Map<String, String>} to an
 * object of strings, {@link Wire} enums to a string enum of their wire names, records to a {@code $ref}
 * into {@code $defs}); every record object forbids additional properties; {@code required} lists exactly
 * the components that are always written (primitives, and references that are neither nullable, nor a
 * collection, nor defaulted by the record's constructor); lists and maps declare an empty default; a
 * component the constructor defaults declares that default, and no other component declares one; every
 * property has a description; and every {@code $defs} entry is used.
 */
final class SchemaAgreement {

  private final JsonNode root;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> checkedDefs = new HashSet<>();
  private final Set<String> usedDefs = new HashSet<>();

  private SchemaAgreement(JsonNode root) {
    this.root = root;
  }

  /** Every disagreement between {@code type} and {@code schema}; empty when they agree. */
  static List<String> disagreements(Class<? extends Record> type, JsonNode schema) {
    SchemaAgreement agreement = new SchemaAgreement(schema);
    agreement.checkRecord(type, schema, "#");
    agreement.checkAllDefsUsed();
    return List.copyOf(agreement.problems);
  }

  private void checkRecord(Class<?> type, JsonNode schema, String path) {
    String record = type.getSimpleName();
    if (!"object".equals(schema.path("type").asText())) {
      problems.add(record + " at " + path + ": expected type object but was " + schema.path("type"));
    }
    if (!schema.path("additionalProperties").isBoolean()
        || schema.path("additionalProperties").asBoolean()) {
      problems.add(record + " at " + path + ": expected additionalProperties false");
    }
    JsonNode properties = schema.path("properties");
    RecordComponent[] components = type.getRecordComponents();
    Map<String, Object> defaults = constructedFromNull(type, path);

    Set<String> componentNames = new LinkedHashSet<>();
    Set<String> expectedRequired = new TreeSet<>();
    for (RecordComponent component : components) {
      String name = component.getName();
      componentNames.add(name);
      String label = record + "." + name;
      String propertyPath = path + "/properties/" + name;
      String where = label + " at " + propertyPath;
      Object constructedValue = defaults.get(component.getName());
      if (isAlwaysWritten(component, constructedValue)) {
        expectedRequired.add(name);
      }
      JsonNode property = properties.get(name);
      if (property == null) {
        problems.add(where + ": the schema has no such property");
        continue;
      }
      if (property.path("description").asText().isBlank()) {
        problems.add(where + ": the property has no description");
      }
      checkType(component.getGenericType(), property, label, propertyPath);
      checkDefault(component, constructedValue, property, where);
    }
    properties.fieldNames().forEachRemaining(
        name -> {
          if (!componentNames.contains(name)) {
            problems.add(
                record + " at " + path + "/properties/" + name
                    + ": schema property '" + name + "' has no record component");
          }
        });

    Set<String> actualRequired = new TreeSet<>();
    schema.path("required").forEach(node -> actualRequired.add(node.asText()));
    if (!actualRequired.equals(expectedRequired)) {
      Set<String> missing = new TreeSet<>(expectedRequired);
      missing.removeAll(actualRequired);
      Set<String> extra = new TreeSet<>(actualRequired);
      extra.removeAll(expectedRequired);
      problems.add(
          record + " at " + path + "/required: expected " + expectedRequired
              + (missing.isEmpty() ? "" : ", missing " + missing)
              + (extra.isEmpty() ? "" : ", should not list " + extra));
    }
  }

  /**
   * True when Harbor writes the component in every value: a primitive, or a reference that is not
   * nullable, not a list or map (omitted when empty), and not filled in by the record's constructor
   * ({@code constructedValue} is what the constructor made of a null).
   */
  private static boolean isAlwaysWritten(RecordComponent component, Object constructedValue) {
    Class<?> raw = component.getType();
    if (raw.isPrimitive()) {
      return true;
    }
    return !isCollection(raw) && !isNullable(component) && constructedValue == null;
  }

  /**
   * Checks the {@code default} keyword of one property: lists and maps declare an empty default, a
   * component the constructor fills in declares the value it fills in, and no other component declares
   * one.
   */
  private void checkDefault(
      RecordComponent component, Object constructedValue, JsonNode property, String where) {
    Class<?> raw = component.getType();
    JsonNode declared = property.get("default");
    if (isCollection(raw)) {
      boolean list = List.class.isAssignableFrom(raw);
      boolean emptyDefault =
          declared != null && declared.isEmpty() && (list ? declared.isArray() : declared.isObject());
      if (!emptyDefault) {
        problems.add(
            where + ": absent means empty, so expected default " + (list ? "[]" : "{}")
                + " but was " + declared);
      }
    } else if (raw.isPrimitive() || isNullable(component) || constructedValue == null) {
      if (declared != null) {
        problems.add(
            where + ": the record's constructor does not default this component,"
                + " but the schema declares default " + declared);
      }
    } else if (declared == null) {
      problems.add(
          where + ": the record's constructor defaults this component to " + constructedValue
              + ", so the schema must declare that default");
    } else {
      Object decoded = decode(declared, raw);
      if (!constructedValue.equals(decoded)) {
        problems.add(
            where + ": the record's constructor defaults this component to " + constructedValue
                + " but the schema default " + declared + " reads as " + decoded);
      }
    }
  }

  private static boolean isCollection(Class<?> type) {
    return List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
  }

  private void checkType(Type type, JsonNode declared, String label, String path) {
    String where = label + " at " + path;
    JsonNode schema = resolve(declared, where);
    if (schema == null) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        expectJsonType(schema, "array", where);
        JsonNode items = schema.get("items");
        if (items == null) {
          problems.add(where + ": an array must declare its items");
        } else {
          checkType(arguments[0], items, label, path + "/items");
        }
        return;
      }
      if (Map.class.isAssignableFrom(raw)
          && arguments[0] == String.class
          && arguments[1] == String.class) {
        expectJsonType(schema, "object", where);
        if (!"string".equals(schema.path("additionalProperties").path("type").asText())) {
          problems.add(where + ": a Map<String, String> must declare additionalProperties of type string");
        }
        return;
      }
      problems.add(where + ": no JSON mapping is defined for " + type.getTypeName());
      return;
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      expectJsonType(schema, "string", where);
      if (schema.has("format")) {
        problems.add(where + ": a String must not declare format " + schema.get("format"));
      }
    } else if (raw == boolean.class || raw == Boolean.class) {
      expectJsonType(schema, "boolean", where);
    } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
      expectJsonType(schema, "integer", where);
    } else if (raw == Instant.class) {
      expectJsonType(schema, "string", where);
      if (!"date-time".equals(schema.path("format").asText())) {
        problems.add(where + ": an Instant must declare format date-time but was " + schema.get("format"));
      }
    } else if (raw.isEnum() && Wire.class.isAssignableFrom(raw)) {
      expectJsonType(schema, "string", where);
      List<String> expected = wireNames(raw);
      List<String> actual = new ArrayList<>();
      schema.path("enum").forEach(node -> actual.add(node.asText()));
      if (!actual.equals(expected)) {
        problems.add(where + ": expected enum " + expected + " but was " + actual);
      }
    } else if (raw.isRecord()) {
      String ref = declared.path("$ref").asText();
      if (ref.isEmpty()) {
        problems.add(where + ": a nested record must be a $ref into $defs, not an inline schema");
        return;
      }
      if (checkedDefs.add(ref)) {
        checkRecord(raw, schema, ref);
      }
    } else {
      problems.add(where + ": no JSON mapping is defined for " + raw.getName());
    }
  }

  /** Follows a local {@code $ref} to its target; returns the node itself when it has no {@code $ref}. */
  private JsonNode resolve(JsonNode declared, String where) {
    JsonNode ref = declared.get("$ref");
    if (ref == null) {
      return declared;
    }
    String target = ref.asText();
    JsonNode resolved = target.startsWith("#/") ? root.at(target.substring(1)) : null;
    if (resolved == null || resolved.isMissingNode()) {
      problems.add(where + ": $ref " + target + " does not resolve within the schema");
      return null;
    }
    usedDefs.add(target);
    return resolved;
  }

  private void expectJsonType(JsonNode schema, String expected, String where) {
    JsonNode actual = schema.get("type");
    if (actual == null || !actual.isTextual() || !expected.equals(actual.asText())) {
      problems.add(where + ": expected type " + expected + " but was " + actual);
    }
  }

  private void checkAllDefsUsed() {
    root.path("$defs").fieldNames().forEachRemaining(
        name -> {
          if (!usedDefs.contains("#/$defs/" + name)) {
            problems.add(root.path("title").asText() + " at #/$defs/" + name + ": no property refers to it");
          }
        });
  }

  /**
   * What the record's compact constructor makes of a null (or zero) in each component: the value it
   * fills in, or null when it keeps the null or refuses it. Each component is probed alone, the others
   * taken from a valid sample of the record (see {@link #SAMPLES}); a record without a sample is built
   * with nothing at all.
   */
  private Map<String, Object> constructedFromNull(Class<?> type, String path) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Map<String, Object> made = new HashMap<>();
    Object sample = SAMPLES.get(type);
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      if (sample == null) {
        Object[] nothing = Arrays.stream(parameterTypes).map(SchemaAgreement::zero).toArray();
        Object built = constructor.newInstance(nothing);
        for (RecordComponent component : components) {
          made.put(component.getName(), valueOf(component, built));
        }
        return made;
      }
      for (int i = 0; i < components.length; i++) {
        Object[] arguments = new Object[components.length];
        for (int j = 0; j < components.length; j++) {
          arguments[j] = j == i ? zero(parameterTypes[j]) : valueOf(components[j], sample);
        }
        try {
          made.put(components[i].getName(), valueOf(components[i], constructor.newInstance(arguments)));
        } catch (InvocationTargetException refused) {
          made.put(components[i].getName(), null);
        }
      }
      return made;
    } catch (InvocationTargetException e) {
      problems.add(
          type.getSimpleName() + " at " + path
              + ": cannot tell which components the constructor defaults, it refuses nulls and has no sample: "
              + e.getCause());
      return made;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** A valid instance of every contract record, found by walking the full samples. */
  private static final Map<Class<?>, Object> SAMPLES = collectSamples();

  private static Map<Class<?>, Object> collectSamples() {
    Map<Class<?>, Object> samples = new HashMap<>();
    List<Object> roots = new ArrayList<>();
    roots.addAll(ContractSamples.catalogEntries());
    roots.addAll(ContractSamples.states());
    roots.addAll(ContractSamples.events());
    roots.addAll(ContractSamples.commands());
    roots.addAll(ContractSamples.instances());
    roots.addAll(ContractSamples.orders());
    roots.addAll(ContractSamples.launcherEvents());
    roots.addAll(ContractSamples.policySets());
    roots.forEach(root -> walk(root, samples));
    return samples;
  }

  private static void walk(Object value, Map<Class<?>, Object> samples) {
    if (value instanceof Record record) {
      samples.putIfAbsent(record.getClass(), record);
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        walk(valueOf(component, record), samples);
      }
    } else if (value instanceof java.util.Collection<?> items) {
      items.forEach(item -> walk(item, samples));
    }
  }

  private static Object zero(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type.isPrimitive()) {
      throw new IllegalArgumentException("no JSON mapping is defined for " + type);
    }
    return null;
  }

  private static Object valueOf(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** True when the component is annotated {@code @Nullable} (on the accessor or on its type). */
  private static boolean isNullable(RecordComponent component) {
    return hasNullable(component.getAccessor().getAnnotations())
        || hasNullable(component.getAnnotatedType().getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    return Arrays.stream(annotations).anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  /** Reads a schema default the way Harbor's readers would read the same JSON. */
  private static Object decode(JsonNode json, Class<?> type) {
    try {
      return ObjectMapper.getDefault().readValue(json.toString(), type);
    } catch (IOException | RuntimeException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  /** {@link Wire#wireNames} for an enum type known only at run time. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<String> wireNames(Class<?> enumType) {
    return Wire.wireNames((Class) enumType);
  }
}
