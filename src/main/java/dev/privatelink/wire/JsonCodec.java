package dev.privatelink.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * AWS JSON 1.1 bodies to and from SDK objects (ACM speaks it), also used to journal requests.
 * Timestamps are epoch seconds, blobs base64, member names the fields' location names.
 */
public final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final String service;

  public JsonCodec(String service) {
    this.service = service;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a JSON object body; malformed JSON is a {@link WireException} of kind MALFORMED. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? NODES.objectNode() : MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        return NODES.objectNode();
      }
      if (!node.isObject()) {
        throw new WireException(WireException.Kind.MALFORMED, "", "Start of structure or map found where not expected.");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new WireException(WireException.Kind.MALFORMED, "", "Malformed JSON request body");
    }
  }

  public <T> T decode(Class<T> type, JsonNode json) {
    SdkPojo builder = Pojos.builderFor(type);
    readInto(builder, json, type.getSimpleName());
    return type.cast(Pojos.build(builder));
  }

  public ObjectNode encode(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode node = value == null ? null : write(field, value);
      if (node != null) {
        out.set(field.locationName(), node);
      }
    }
    return out;
  }

  private @Nullable JsonNode write(SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      SdkField<?> member = Pojos.listMember(field);
      for (Object item : (List<?>) value) {
        array.add(item == null ? NODES.nullNode() : write(member, item));
      }
      return array;
    }
    if (type == MarshallingType.MAP) {
      if (value instanceof SdkAutoConstructMap) {
        return null;
      }
      ObjectNode map = NODES.objectNode();
      SdkField<?> member = Pojos.mapValue(field);
      ((Map<?, ?>) value).forEach((k, v) -> map.set(String.valueOf(k), v == null ? NODES.nullNode() : write(member, v)));
      return map;
    }
    if (type == MarshallingType.SDK_POJO) {
      return encode((SdkPojo) value);
    }
    return scalar(value);
  }

  private static JsonNode scalar(Object value) {
    return switch (value) {
      case String s -> NODES.textNode(s);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Short s -> NODES.numberNode(s);
      case Double d -> NODES.numberNode(d);
      case Float f -> NODES.numberNode(f);
      case BigDecimal b -> NODES.numberNode(b);
      case Boolean b -> NODES.booleanNode(b);
      case Instant i -> NODES.numberNode(BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9)).stripTrailingZeros());
      case SdkBytes b -> NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
      default -> NODES.textNode(String.valueOf(value));
    };
  }

  private void readInto(SdkPojo builder, JsonNode json, String shape) {
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode node = json.get(field.locationName());
      if (node != null && !node.isNull()) {
        field.set(builder, read(field, node));
      } else if (RequiredMembers.of(service, shape).contains(field.memberName())) {
        throw new WireException(WireException.Kind.MISSING, field.locationName(), "1 validation error detected: Value null at '"
            + Character.toLowerCase(field.locationName().charAt(0)) + field.locationName().substring(1)
            + "' failed to satisfy constraint: Member must not be null");
      }
    }
  }

  private Object read(SdkField<?> field, JsonNode node) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      expect(node.isArray(), field, node);
      SdkField<?> member = Pojos.listMember(field);
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isNull() ? null : read(member, item)));
      return items;
    }
    if (type == MarshallingType.MAP) {
      expect(node.isObject(), field, node);
      SdkField<?> member = Pojos.mapValue(field);
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : read(member, e.getValue())));
      return map;
    }
    if (type == MarshallingType.SDK_POJO) {
      expect(node.isObject(), field, node);
      SdkPojo nested = field.constructor().get();
      readInto(nested, node, Pojos.shapeName(nested));
      return Pojos.build(nested);
    }
    return readScalar(field, node);
  }

  private static Object readScalar(SdkField<?> field, JsonNode node) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      expect(node.isTextual(), field, node);
      return node.textValue();
    }
    if (type == MarshallingType.BOOLEAN) {
      expect(node.isBoolean(), field, node);
      return node.booleanValue();
    }
    if (type == MarshallingType.INSTANT) {
      expect(node.isNumber(), field, node);
      BigDecimal seconds = node.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    if (type == MarshallingType.SDK_BYTES) {
      expect(node.isTextual(), field, node);
      try {
        return SdkBytes.fromByteArray(Base64.getMimeDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        throw mismatch(field, node);
      }
    }
    expect(node.isNumber(), field, node);
    return Scalars.parse(field, field.locationName(), node.asText());
  }

  private static void expect(boolean ok, SdkField<?> field, JsonNode node) {
    if (!ok) {
      throw mismatch(field, node);
    }
  }

  private static WireException mismatch(SdkField<?> field, JsonNode node) {
    return new WireException(WireException.Kind.MALFORMED, field.locationName(),
        "Unexpected value for " + field.locationName() + ": " + node.getNodeType());
  }
}
