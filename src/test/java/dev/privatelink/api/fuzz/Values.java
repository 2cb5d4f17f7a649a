package dev.privatelink.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a plausible value of any model shape (structures as maps of member name → value, lists,
 * scalars), to which {@link Mutations} then does one wrong thing. Strings that name an id are taken
 * from a pool of ids that exist, so that requests get past look-ups into deeper validation.
 */
final class Values {
  /** A value put on the wire as it is, unencoded (malformed percent sequences and the like). */
  record Raw(String text) {}

  private final ServiceModel model;
  private final SplittableRandom random;
  private final List<String> knownIds;

  Values(ServiceModel model, SplittableRandom random, List<String> knownIds) {
    this.model = model;
    this.random = random;
    this.knownIds = knownIds;
  }

  Object of(String shapeName, String memberName, int depth) {
    JsonNode shape = model.shape(shapeName);
    return switch (shape.get("type").asText()) {
      case "structure" -> structure(shape, depth);
      case "list" -> depth > 3 ? new ArrayList<>() : list(shape, memberName, depth);
      case "map" -> depth > 3 ? new LinkedHashMap<>() : new LinkedHashMap<>(Map.of("k" + random.nextInt(9), of(shape.get("value").get("shape").asText(), "value", depth + 1)));
      case "integer", "long" -> integer(shape);
      case "boolean" -> random.nextBoolean();
      case "timestamp" -> "2026-01-01T00:00:00Z";
      case "blob" -> "AAAA";
      case "double", "float" -> 1.5;
      default -> string(shape, memberName);
    };
  }

  Map<String, Object> structure(JsonNode shape, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    shape.path("required").forEach(r -> required.add(r.asText()));
    for (var it = shape.path("members").properties().iterator(); it.hasNext(); ) {
      var m = it.next();
      // Required members always; each optional one sometimes, fewer the deeper we are.
      if (required.contains(m.getKey()) || (depth < 3 && random.nextInt(4 + depth * 2) == 0)) {
        out.put(m.getKey(), of(m.getValue().get("shape").asText(), m.getKey(), depth + 1));
      }
    }
    return out;
  }

  private List<Object> list(JsonNode shape, String memberName, int depth) {
    List<Object> out = new ArrayList<>();
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      out.add(of(shape.get("member").get("shape").asText(), memberName, depth + 1));
    }
    return out;
  }

  private Object integer(JsonNode shape) {
    long min = shape.path("min").asLong(1);
    long max = shape.path("max").asLong(Math.max(min, 100));
    return min + random.nextLong(Math.max(1, Math.min(max - min + 1, 1000)));
  }

  private Object string(JsonNode shape, String memberName) {
    if (shape.has("enum")) {
      JsonNode values = shape.get("enum");
      return values.get(random.nextInt(values.size())).asText();
    }
    String lower = memberName.toLowerCase(java.util.Locale.ROOT);
    if (!knownIds.isEmpty() && (lower.endsWith("id") || lower.endsWith("ids") || lower.endsWith("arn") || lower.endsWith("arns")
        || lower.endsWith("name")) && random.nextInt(3) > 0) {
      return knownIds.get(random.nextInt(knownIds.size()));
    }
    if (lower.contains("cidr")) {
      return "10." + random.nextInt(256) + ".0.0/" + (16 + random.nextInt(13));
    }
    return "fuzz-" + Integer.toHexString(random.nextInt());
  }
}
