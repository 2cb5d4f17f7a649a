package dev.privatelink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The element paths of a response, e.g. {@code DescribeVpcsResponse/vpcSet/item/vpcId}: what two
 * servers' answers to the same call are compared by (values and order aside). Request ids and
 * response metadata are left out, as they differ by nature.
 */
public final class ElementPaths {
  private ElementPaths() {}

  public static Set<String> of(String body) {
    String trimmed = body.strip();
    return trimmed.startsWith("{") ? json(trimmed) : xml(trimmed);
  }

  private static Set<String> xml(String body) {
    Set<String> out = new TreeSet<>();
    try {
      XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(body));
      StringBuilder path = new StringBuilder();
      java.util.ArrayDeque<Integer> lengths = new java.util.ArrayDeque<>();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          lengths.push(path.length());
          path.append(path.isEmpty() ? "" : "/").append(r.getLocalName());
          String p = path.toString();
          if (!p.matches(".*/(requestId|RequestId|ResponseMetadata)(/.*)?")) {
            out.add(p);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.setLength(lengths.pop());
        }
      }
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new IllegalArgumentException("not XML: " + body, e);
    }
    return out;
  }

  private static Set<String> json(String body) {
    Set<String> out = new TreeSet<>();
    try {
      walk(new ObjectMapper().readTree(body), "", out);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + body, e);
    }
    return out;
  }

  private static void walk(JsonNode node, String path, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        String p = path.isEmpty() ? e.getKey() : path + "/" + e.getKey();
        out.add(p);
        walk(e.getValue(), p, out);
      });
    } else if (node.isArray()) {
      node.forEach(item -> walk(item, path + "[]", out));
    }
  }
}
