package dev.harbor.platform.openapi;

/**
 * Where a service's OpenAPI document is on the classpath. Each service that publishes one provides
 * this bean for its own context; {@link OpenApiController} then serves that document at
 * {@code GET /openapi.yml}. The Hub and the Node name different resources, since both jars share one
 * classpath when they run in the same JVM.
 */
@FunctionalInterface
public interface OpenApiDocument {

  /** The classpath resource of the document, e.g. {@code META-INF/swagger/harbor-node.yml}. */
  String resource();
}
