package dev.privatelink.api;

import dev.privatelink.control.Cloud;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK request class of an action name in one service's model package
 * ({@code CreateVpc} → {@code …ec2.model.CreateVpcRequest}), if the cloud serves it.
 */
final class RequestTypes {
  private final Cloud cloud;
  private final String modelPackage;
  private final Map<String, Class<?>> cache = new ConcurrentHashMap<>();

  RequestTypes(Cloud cloud, String modelPackage) {
    this.cloud = cloud;
    this.modelPackage = modelPackage;
  }

  Optional<Class<?>> find(String action) {
    Class<?> type = cache.computeIfAbsent(action, a -> {
      if (!a.matches("[A-Z][A-Za-z0-9]{1,100}")) {
        return Void.class;
      }
      try {
        return Class.forName(modelPackage + "." + a + "Request");
      } catch (ClassNotFoundException e) {
        return Void.class;
      }
    });
    return type == Void.class || !cloud.supports(type) ? Optional.empty() : Optional.of(type);
  }
}
