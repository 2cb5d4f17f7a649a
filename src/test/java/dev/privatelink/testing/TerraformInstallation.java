package dev.privatelink.testing;

import dev.privatelink.terraform.ProviderMirror;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The terraform binary ({@code PRIVATELINK_TERRAFORM}, else the first on {@code PATH}) and the
 * provider mirror ({@link ProviderMirror#find}) that the Terraform tests use.
 */
public record TerraformInstallation(Path terraform, ProviderMirror mirror) {
  public static Optional<TerraformInstallation> find() {
    return binary().flatMap(b -> ProviderMirror.find(System.getenv()).map(m -> new TerraformInstallation(b, m)));
  }

  /** For the skip or failure message. */
  static String whatIsMissing() {
    String binary = binary().map(b -> "terraform at " + b).orElse("no terraform");
    String mirror = ProviderMirror.find(System.getenv()).map(m -> "mirror at " + m.root()).orElse("no mirror");
    return binary + ", " + mirror;
  }

  private static Optional<Path> binary() {
    String named = System.getenv("PRIVATELINK_TERRAFORM");
    if (named != null) {
      return Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, "terraform")).filter(Files::isExecutable).findFirst();
  }
}
