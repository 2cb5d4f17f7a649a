package dev.privatelink.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One service's botocore model ({@code botocore/data/<service>/<version>/service-2.json.gz}): its
 * operations, their input shapes and the error shape names (which legitimately end in Exception).
 */
record ServiceModel(String name, String protocol, String modelPackage, JsonNode shapes, Map<String, String> inputs,
    List<String> errorNames) {

  static Path botocoreData() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the fuzz test reads botocore's models; install botocore (pip): " + out);
      }
      return Path.of(out, "data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ServiceModel load(Path data, String service, String version, String modelPackage) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve(service).resolve(version).resolve("service-2.json.gz")))) {
      JsonNode model = new ObjectMapper().readTree(in);
      Map<String, String> inputs = new java.util.TreeMap<>();
      List<String> errors = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = model.get("operations").properties().iterator(); it.hasNext(); ) {
        var op = it.next();
        inputs.put(op.getKey(), op.getValue().has("input") ? op.getValue().get("input").get("shape").asText() : "");
        op.getValue().path("errors").forEach(e -> errors.add(e.get("shape").asText()));
      }
      return new ServiceModel(service, model.get("metadata").get("protocol").asText(), modelPackage, model.get("shapes"),
          inputs, errors.stream().distinct().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode shape(String name) {
    return shapes.get(name);
  }

  /** The SDK request class of an operation, if the SDK has one. */
  java.util.Optional<Class<?>> requestClass(String operation) {
    try {
      return java.util.Optional.of(Class.forName(modelPackage + "." + operation + "Request"));
    } catch (ClassNotFoundException e) {
      return java.util.Optional.empty();
    }
  }
}
