package dev.privatelink.dataplane.flowlogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code nft -j list table inet pl_flow} into counters per set and 5-tuple. */
final class FlowReading {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A 5-tuple: addresses, IP protocol number and ports. */
  record Tuple(String src, String dst, int protocol, int srcPort, int dstPort) {}

  /** Packets and bytes. */
  record Count(long packets, long bytes) {
    Count minus(Count earlier) {
      // A counter that went down was an element that expired and came back: it starts from zero.
      return packets < earlier.packets || bytes < earlier.bytes ? this : new Count(packets - earlier.packets, bytes - earlier.bytes);
    }
  }

  private FlowReading() {}

  static Map<String, Map<Tuple, Count>> parse(String json) {
    Map<String, Map<Tuple, Count>> sets = new HashMap<>();
    try {
      for (JsonNode item : JSON.readTree(json).path("nftables")) {
        JsonNode set = item.get("set");
        if (set == null) {
          continue;
        }
        Map<Tuple, Count> counts = sets.computeIfAbsent(set.path("name").asText(), n -> new HashMap<>());
        for (JsonNode e : set.path("elem")) {
          JsonNode elem = e.path("elem");
          JsonNode concat = elem.path("val").path("concat");
          if (concat.size() != 5) {
            continue;
          }
          counts.put(new Tuple(concat.get(0).asText(), concat.get(1).asText(), protocol(concat.get(2).asText()),
              concat.get(3).asInt(), concat.get(4).asInt()),
              new Count(elem.path("counter").path("packets").asLong(), elem.path("counter").path("bytes").asLong()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("nft answered JSON that cannot be read", e);
    }
    return sets;
  }

  private static int protocol(String name) {
    return switch (name) {
      case "tcp" -> 6;
      case "udp" -> 17;
      default -> {
        try {
          yield Integer.parseInt(name);
        } catch (NumberFormatException e) {
          yield 0;
        }
      }
    };
  }
}
