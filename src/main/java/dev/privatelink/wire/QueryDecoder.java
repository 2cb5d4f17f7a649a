package dev.privatelink.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Reads an AWS Query request ({@code Action=…&Name.1=…}) into an SDK request object. Two flavours:
 * EC2 writes lists as {@code Key.N}, the other Query services (ELBv2, STS) as {@code Key.member.N}
 * and maps as {@code Key.entry.N.key}. Unknown parameters, missing required members and values of
 * the wrong type are {@link WireException}s; nothing is half-read.
 */
public final class QueryDecoder {
  private static final Set<String> ENVELOPE = Set.of("Action", "Version", "AWSAccessKeyId", "Signature",
      "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "SecurityToken");
  private final String service;
  private final boolean ec2;

  private QueryDecoder(String service, boolean ec2) {
    this.service = service;
    this.ec2 = ec2;
  }

  /** The EC2 flavour. */
  public static QueryDecoder ec2() {
    return new QueryDecoder("ec2", true);
  }

  /** The Query flavour of a service named as in its model directory ({@code elbv2}, {@code sts}). */
  public static QueryDecoder query(String service) {
    return new QueryDecoder(service, false);
  }

  /** Decodes {@code params} (first value of each name) into an instance of {@code requestClass}. */
  public <T> T decode(Class<T> requestClass, Map<String, String> params) {
    Set<String> used = new HashSet<>();
    SdkPojo builder = Pojos.builderFor(requestClass);
    readInto(builder, "", params, used, requestClass.getSimpleName());
    for (String key : params.keySet()) {
      if (!used.contains(key) && !ENVELOPE.contains(key) && !key.startsWith("X-Amz-")) {
        throw new WireException(WireException.Kind.UNKNOWN, key, "The parameter " + key + " is not recognized");
      }
    }
    return requestClass.cast(Pojos.build(builder));
  }

  private void readInto(SdkPojo builder, String prefix, Map<String, String> params, Set<String> used, String shape) {
    for (SdkField<?> field : builder.sdkFields()) {
      String key = prefix + field.locationName();
      Object value = read(field, key, params, used);
      if (value != null) {
        field.set(builder, value);
      } else if (RequiredMembers.of(service, shape).contains(field.memberName())) {
        throw new WireException(WireException.Kind.MISSING, key, "The request must contain the parameter " + key);
      }
    }
  }

  private @Nullable Object read(SdkField<?> field, String key, Map<String, String> params, Set<String> used) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      return readList(field, key, params, used);
    }
    if (type == MarshallingType.MAP) {
      return readMap(field, key, params, used);
    }
    if (type == MarshallingType.SDK_POJO) {
      if (!hasChildren(params, key + ".")) {
        return null;
      }
      SdkPojo nested = field.constructor().get();
      readInto(nested, key + ".", params, used, Pojos.shapeName(nested));
      return Pojos.build(nested);
    }
    String text = params.get(key);
    if (text == null) {
      return null;
    }
    used.add(key);
    return Scalars.parse(field, key, text);
  }

  private @Nullable List<Object> readList(SdkField<?> field, String key, Map<String, String> params, Set<String> used) {
    String itemPrefix = ec2 ? key + "." : key + ".member.";
    if (params.containsKey(key) && params.get(key).isEmpty()) {
      used.add(key);
      return List.of();
    }
    SdkField<?> member = Pojos.listMember(field);
    List<Object> items = new ArrayList<>();
    for (int index : indices(params, itemPrefix)) {
      Object item = read(member, itemPrefix + index, params, used);
      if (item != null) {
        items.add(item);
      }
    }
    return items.isEmpty() && !hasChildren(params, itemPrefix) ? null : items;
  }

  private @Nullable Map<String, Object> readMap(SdkField<?> field, String key, Map<String, String> params, Set<String> used) {
    MapTrait trait = field.getRequiredTrait(MapTrait.class);
    String entryPrefix = key + (trait.isFlattened() || ec2 ? "." : ".entry.");
    Map<String, Object> out = new LinkedHashMap<>();
    for (int index : indices(params, entryPrefix)) {
      String base = entryPrefix + index + ".";
      String k = params.get(base + trait.keyLocationName());
      if (k == null) {
        throw new WireException(WireException.Kind.MISSING, base + trait.keyLocationName(),
            "The request must contain the parameter " + base + trait.keyLocationName());
      }
      used.add(base + trait.keyLocationName());
      out.put(k, read(trait.valueFieldInfo(), base + trait.valueLocationName(), params, used));
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean hasChildren(Map<String, String> params, String prefix) {
    for (String k : params.keySet()) {
      if (k.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The distinct numeric indices N of keys {@code prefix + N[.…]}, in order. */
  private static TreeSet<Integer> indices(Map<String, String> params, String prefix) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String k : params.keySet()) {
      if (!k.startsWith(prefix)) {
        continue;
      }
      String rest = k.substring(prefix.length());
      int dot = rest.indexOf('.');
      String digits = dot < 0 ? rest : rest.substring(0, dot);
      if (!digits.isEmpty() && digits.length() < 7 && digits.chars().allMatch(Character::isDigit)) {
        out.add(Integer.parseInt(digits));
      }
    }
    return out;
  }
}
