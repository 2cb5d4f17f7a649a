package dev.privatelink.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Puts fuzzed parameters on the wire as each protocol names them: EC2 Query ({@code Name.N} lists,
 * the member's queryName or capitalised locationName), Query ({@code Name.member.N},
 * {@code Name.entry.N.key}) and JSON 1.1. A value whose type does not fit its shape is sent as it
 * is, where the shape's name would be.
 */
final class Wire {
  private final ServiceModel model;

  Wire(ServiceModel model) {
    this.model = model;
  }

  /** The form body of a Query or EC2 request. */
  String form(String operation, String version, Map<String, Object> params) {
    StringBuilder out = new StringBuilder("Action=").append(operation).append("&Version=").append(version);
    String input = model.inputs().get(operation);
    structure(out, "", input == null || input.isEmpty() ? null : model.shape(input), params);
    return out.toString();
  }

  private void structure(StringBuilder out, String prefix, @Nullable JsonNode shape, Map<?, ?> params) {
    for (var e : params.entrySet()) {
      String member = String.valueOf(e.getKey());
      JsonNode spec = shape == null ? null : shape.path("members").get(member);
      value(out, prefix + wireName(member, spec), spec == null ? null : model.shape(spec.get("shape").asText()), e.getValue());
    }
  }

  private void value(StringBuilder out, String key, @Nullable JsonNode shape, @Nullable Object value) {
    String type = shape == null ? "" : shape.get("type").asText();
    if (value instanceof Mutations.OddIndices odd) {
      value(out, key + (ec2() || type.equals("") ? "." : ".member.") + odd.index(), null, odd.value());
    } else if (value instanceof List<?> list && type.equals("list")) {
      JsonNode member = model.shape(shape.get("member").get("shape").asText());
      String item = ec2() || shape.path("flattened").asBoolean() ? "." : ".member.";
      for (int i = 0; i < list.size(); i++) {
        value(out, key + item + (i + 1), member, list.get(i));
      }
    } else if (value instanceof Map<?, ?> map && type.equals("map")) {
      int i = 1;
      for (var e : map.entrySet()) {
        param(out, key + ".entry." + i + ".key", e.getKey());
        value(out, key + ".entry." + i + ".value", model.shape(shape.get("value").get("shape").asText()), e.getValue());
        i++;
      }
    } else if (value instanceof Map<?, ?> map) {
      structure(out, key + ".", type.equals("structure") ? shape : null, map);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        value(out, key + "." + (i + 1), null, list.get(i));
      }
    } else {
      param(out, key, value);
    }
  }

  private static void param(StringBuilder out, String key, @Nullable Object value) {
    out.append('&').append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=');
    out.append(value instanceof Values.Raw raw ? raw.text() : URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
  }

  private String wireName(String member, @Nullable JsonNode spec) {
    if (spec == null) {
      return member;
    }
    if (ec2()) {
      if (spec.has("queryName")) {
        return spec.get("queryName").asText();
      }
      String location = spec.path("locationName").asText(member);
      return Character.toUpperCase(location.charAt(0)) + location.substring(1);
    }
    return spec.path("locationName").asText(member);
  }

  private boolean ec2() {
    return model.protocol().equals("ec2");
  }

  /** The JSON 1.1 body of an ACM request; raw values become their text. */
  static String json(Map<String, Object> params) {
    return toJson(params).toString();
  }

  private static JsonNode toJson(@Nullable Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> map) {
      ObjectNode o = f.objectNode();
      map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
      return o;
    }
    if (value instanceof List<?> list) {
      ArrayNode a = f.arrayNode();
      list.forEach(v -> a.add(toJson(v)));
      return a;
    }
    if (value instanceof Mutations.OddIndices odd) {
      return f.objectNode().set(odd.index(), toJson(odd.value()));
    }
    return switch (value) {
      case null -> f.nullNode();
      case Long l -> f.numberNode(l);
      case Double d -> f.numberNode(d);
      case Boolean b -> f.booleanNode(b);
      case Values.Raw raw -> f.textNode(raw.text());
      default -> f.textNode(String.valueOf(value));
    };
  }

  static final ObjectMapper MAPPER = new ObjectMapper();
}
