package dev.privatelink.api;

import dev.privatelink.control.Cloud;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK request class of an action name in one service's model package
 * ({@code CreateVpc} → {@code …ec2.model.CreateVpcRequest}), if the cloud serves it. The SDK
 * names classes with acronyms in Pascal case, so a wire name such as {@code DescribeSSLPolicies} is
 * also tried as {@code DescribeSslPolicies}.
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
      Class<?> exact = load(a);
      return exact != Void.class ? exact : load(pascalCase(a));
    });
    return type == Void.class || !cloud.supports(type) ? Optional.empty() : Optional.of(type);
  }

  private Class<?> load(String action) {
    try {
      return Class.forName(modelPackage + "." + action + "Request");
    } catch (ClassNotFoundException e) {
      return Void.class;
    }
  }

  /** {@code DescribeSSLPolicies} → {@code DescribeSslPolicies}: inner capitals of a run are lowered. */
  static String pascalCase(String action) {
    StringBuilder out = new StringBuilder(action.length());
    for (int i = 0; i < action.length(); i++) {
      char c = action.charAt(i);
      boolean afterUpper = i > 0 && Character.isUpperCase(action.charAt(i - 1));
      boolean beforeLower = i + 1 < action.length() && Character.isLowerCase(action.charAt(i + 1));
      out.append(Character.isUpperCase(c) && afterUpper && !beforeLower ? Character.toLowerCase(c) : c);
    }
    return out.toString();
  }
}
