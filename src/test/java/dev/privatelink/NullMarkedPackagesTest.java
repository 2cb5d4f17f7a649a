package dev.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The null contract covers every package: each package with classes carries {@link NullMarked} in
 * its {@code package-info.java}, so a package added later cannot silently fall outside it. Main
 * packages are checked both in the sources and in the compiled classes; test packages that have
 * no main counterpart are checked in the sources (a test in a main package shares its
 * package-info).
 */
final class NullMarkedPackagesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TEST = Path.of("src/test/java");
  private static final Pattern MARKED =
      Pattern.compile("(?s)@(org\\.jspecify\\.annotations\\.)?NullMarked\\b.*\\bpackage\\s");

  @Test
  void everyMainPackageIsNullMarkedInItsPackageInfo() {
    Set<Path> packages = packagesWithClasses(MAIN);
    assertTrue(packages.size() > 10, "found the main sources under " + MAIN.toAbsolutePath());
    assertEquals(Set.of(), unmarked(packages), "packages under src/main/java without @NullMarked in package-info.java");
  }

  @Test
  void everyTestOnlyPackageIsNullMarkedInItsPackageInfo() {
    Set<Path> testOnly = new TreeSet<>();
    for (Path dir : packagesWithClasses(TEST)) {
      if (!Files.isDirectory(MAIN.resolve(TEST.relativize(dir)))) {
        testOnly.add(dir);
      }
    }
    assertEquals(Set.of(), unmarked(testOnly), "test-only packages without @NullMarked in package-info.java");
  }

  @Test
  void everyCompiledMainPackageCarriesTheAnnotation() {
    Set<String> unmarked = new TreeSet<>();
    for (Path dir : packagesWithClasses(MAIN)) {
      String name = MAIN.relativize(dir).toString().replace('/', '.');
      if (!compiledMarked(name)) {
        unmarked.add(name);
      }
    }
    assertEquals(Set.of(), unmarked, "compiled packages without @NullMarked");
  }

  private static boolean compiledMarked(String packageName) {
    try {
      Class<?> info = Class.forName(packageName + ".package-info", false, NullMarkedPackagesTest.class.getClassLoader());
      return info.isAnnotationPresent(NullMarked.class);
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Set<Path> unmarked(Set<Path> packages) {
    return packages.stream()
        .filter(dir -> !marked(dir.resolve("package-info.java")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean marked(Path packageInfo) {
    try {
      return Files.isRegularFile(packageInfo) && MARKED.matcher(Files.readString(packageInfo)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Path> packagesWithClasses(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sources = files
          .filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
          .toList();
      return sources.stream().map(Path::getParent).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
