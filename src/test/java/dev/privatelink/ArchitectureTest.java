package dev.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of the architecture (control is data; the data plane, wire codecs, stacks and cli
 * reach no layer above them), checked on the compiled main classes: every class each
 * class names (in its constant pool: types, descriptors, signatures, annotations) must lie in the
 * packages its layer may use. A violation lists the class and what it names.
 */
class ArchitectureTest {
  private static final String P = "dev.privatelink.";
  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");
  private static Map<String, Set<String>> dependencies;

  @BeforeAll
  static void readClasses() throws IOException, URISyntaxException {
    Path root = Path.of(Cloud.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    dependencies = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
        ClassModel model = parse(f);
        dependencies.put(model.thisClass().asInternalName().replace('/', '.'), namedClasses(model));
      });
    }
    assertTrue(dependencies.size() > 100, "main classes not found under " + root);
  }

  /** Outside control and model, BouncyCastle may stay where it is: the ELB's PEM reader and the seed stack's test certificate. */
  private static final Set<String> BOUNCYCASTLE_OUTSIDE_CONTROL = Set.of(P + "dataplane.elb.Pem",
      P + "stacks.SelfSignedCertificate");

  @Test
  void controlUsesOnlyControlModelTheSdkAndTheJdk() {
    List<String> allowed = List.of(P + "control.", P + "model.", "software.amazon.awssdk.", "java.", "javax.security.",
        "org.jspecify.");
    assertViolations(P + "control.", (cls, d) -> allowed.stream().noneMatch(d::startsWith));
  }

  /** BouncyCastle is pure computation but a large API: it stays behind model.pki's small one. */
  @Test
  void onlyModelPkiUsesBouncyCastle() {
    assertViolations(P, (cls, d) -> d.startsWith("org.bouncycastle.") && !cls.startsWith(P + "model.pki.")
        && !BOUNCYCASTLE_OUTSIDE_CONTROL.contains(cls));
  }

  @Test
  void modelUsesNoOtherProjectPackage() {
    assertNone(P + "model.", projectPackagesExcept("model"));
  }

  @Test
  void dataPlaneKnowsNothingOfTheApiOrTheControlPlane() {
    assertNone(P + "dataplane.", projectPackagesExcept("dataplane", "model"));
  }

  @Test
  void wireCodecsStandAlone() {
    assertNone(P + "wire.", projectPackagesExcept("wire", "model"));
  }

  @Test
  void apiReachesOnlyControlAndWire() {
    assertNone(P + "api.", projectPackagesExcept("api", "control", "wire", "model"));
  }

  @Test
  void storeReachesOnlyControlAndWire() {
    assertNone(P + "store.", projectPackagesExcept("store", "control", "wire", "model"));
  }

  @Test
  void stacksSpeakOnlyTheAwsApi() {
    assertNone(P + "stacks.", projectPackagesExcept("stacks", "model"));
  }

  @Test
  void cliHoldsNoControlPlaneOrApiLogic() {
    assertNone(P + "cli.", List.of(P + "control.", P + "api.", P + "wire."));
  }

  private static List<String> projectPackagesExcept(String... allowed) {
    Set<String> keep = Set.of(allowed);
    return Stream.of("model", "control", "api", "wire", "store", "dataplane", "server", "stacks", "cli")
        .filter(p -> !keep.contains(p)).map(p -> P + p + ".").toList();
  }

  private static void assertNone(String layer, List<String> forbidden) {
    assertViolations(layer, (cls, d) -> forbidden.stream().anyMatch(d::startsWith));
  }

  private static void assertViolations(String layer, BiPredicate<String, String> violates) {
    Map<String, Set<String>> found = new TreeMap<>();
    dependencies.forEach((cls, deps) -> {
      if (cls.startsWith(layer)) {
        Set<String> bad = new TreeSet<>(deps.stream().filter(d -> violates.test(cls, d)).toList());
        if (!bad.isEmpty()) {
          found.put(cls, bad);
        }
      }
    });
    assertEquals(Map.of(), found, layer + " breaks its layer rule");
  }

  private static ClassModel parse(Path file) {
    try {
      return ClassFile.of().parse(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> namedClasses(ClassModel model) {
    List<String> names = new ArrayList<>();
    for (PoolEntry e : model.constantPool()) {
      if (e instanceof ClassEntry c) {
        String n = c.asInternalName();
        if (n.startsWith("[")) {
          descriptorTypes(n, names);
        } else {
          names.add(n);
        }
      } else if (e instanceof Utf8Entry u) {
        descriptorTypes(u.stringValue(), names);
      }
    }
    Set<String> out = new TreeSet<>();
    names.forEach(n -> out.add(n.replace('/', '.')));
    return out;
  }

  private static void descriptorTypes(String text, List<String> out) {
    Matcher m = DESCRIPTOR_TYPE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }
}
