package dev.privatelink.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which members of each input shape AWS requires, per service, read from a resource generated from
 * AWS's service models (tools/gen-required-members.py): the SDK's classes do not carry it.
 */
final class RequiredMembers {
  private static final Map<String, List<String>> REQUIRED = load();

  private RequiredMembers() {}

  /** Required member names of a shape (e.g. {@code ec2}, {@code CreateVpcEndpointRequest}). */
  static List<String> of(String service, String shape) {
    return REQUIRED.getOrDefault(service + " " + shape, List.of());
  }

  private static Map<String, List<String>> load() {
    Map<String, List<String>> out = new HashMap<>();
    var in = RequiredMembers.class.getResourceAsStream("required-members.txt");
    if (in == null) {
      throw new IllegalStateException("required-members.txt is missing from the jar");
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int colon = line.indexOf(':');
        if (line.startsWith("#") || colon < 0) {
          continue;
        }
        out.put(line.substring(0, colon), List.of(line.substring(colon + 1).trim().split(" ")));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
