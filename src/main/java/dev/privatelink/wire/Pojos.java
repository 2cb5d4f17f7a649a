package dev.privatelink.wire;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** Making and finishing SDK model builders, and reading field metadata. */
final class Pojos {
  private static final Map<Class<?>, Method> BUILDERS = new ConcurrentHashMap<>();

  private Pojos() {}

  /** A fresh builder for an SDK model class (the builder is itself an SdkPojo). */
  static SdkPojo builderFor(Class<?> modelClass) {
    Method m = BUILDERS.computeIfAbsent(modelClass, c -> {
      try {
        return c.getMethod("builder");
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("not an SDK model class: " + c, e);
      }
    });
    try {
      return (SdkPojo) m.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object build(SdkPojo builder) {
    return ((SdkBuilder<?, ?>) builder).build();
  }

  static SdkField<?> listMember(SdkField<?> field) {
    return field.getRequiredTrait(ListTrait.class).memberFieldInfo();
  }

  static SdkField<?> mapValue(SdkField<?> field) {
    return field.getRequiredTrait(MapTrait.class).valueFieldInfo();
  }

  /** The simple class name of the model type a builder builds (the shape name). */
  static String shapeName(SdkPojo builder) {
    Class<?> c = builder.getClass();
    return c.getEnclosingClass() != null ? c.getEnclosingClass().getSimpleName() : c.getSimpleName();
  }
}
