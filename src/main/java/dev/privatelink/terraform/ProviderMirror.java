package dev.privatelink.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Terraform provider filesystem mirror holding the AWS provider for this machine's platform:
 * its root is the folder above {@code <host>/hashicorp/aws/<version>/<os_arch>/}. Found from
 * {@code PRIVATELINK_TERRAFORM_MIRROR}, else by looking in the places packagers and users put one.
 * Its {@link #cliConfig() CLI configuration} makes {@code terraform init} install from it offline.
 *
 * @see <a href="https://developer.hashicorp.com/terraform/cli/config/config-file#provider-installation">provider_installation</a>
 */
public record ProviderMirror(Path root, List<String> providers) {
  /** The variable naming a mirror root explicitly. */
  public static final String VARIABLE = "PRIVATELINK_TERRAFORM_MIRROR";

  public ProviderMirror {
    providers = List.copyOf(providers);
  }

  /** The mirror named by the environment, else the first likely root that holds the AWS provider. */
  public static Optional<ProviderMirror> find(Map<String, String> env) {
    if (env.containsKey(VARIABLE)) {
      return at(Path.of(env.get(VARIABLE)));
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    List<Path> roots = List.of(Path.of("/opt/tf-plugins"), Path.of(home, ".terraform.d/plugins"),
        Path.of(home, ".local/share/terraform/plugins"), Path.of("/usr/local/share/terraform/plugins"),
        Path.of("/usr/share/terraform/plugins"));
    return roots.stream().map(ProviderMirror::at).flatMap(Optional::stream).findFirst();
  }

  /** {@code root} as a mirror, if it holds an AWS provider binary for this platform. */
  public static Optional<ProviderMirror> at(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    List<String> providers = providersUnder(root);
    boolean aws = providers.stream().anyMatch(p -> p.endsWith("/hashicorp/aws") && hasBinary(root.resolve(p), "aws"));
    return aws ? Optional.of(new ProviderMirror(root.toAbsolutePath(), providers)) : Optional.empty();
  }

  /** {@code os_arch} as Terraform names this machine's platform. */
  public static String platform() {
    String arch = System.getProperty("os.arch");
    String goArch = switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
    return System.getProperty("os.name").toLowerCase().replace(" ", "") + "_" + goArch;
  }

  /**
   * Providers in the mirror come from it; every other provider comes from its registry as usual,
   * so a configuration needing one more provider still initialises where the network allows.
   */
  public String cliConfig() {
    StringBuilder excluded = new StringBuilder();
    for (String p : providers) {
      excluded.append(excluded.isEmpty() ? "" : ", ").append('"').append(p).append('"');
    }
    return """
        provider_installation {
          filesystem_mirror {
            path = "%s"
          }
          direct {
            exclude = [%s]
          }
        }
        """.formatted(root.toString().replace("\\", "\\\\").replace("\"", "\\\""), excluded);
  }

  /** An unpacked {@code <version>/<os_arch>/terraform-provider-…} or a packed {@code …_<os_arch>.zip}. */
  private static boolean hasBinary(Path provider, String type) {
    try (Stream<Path> entries = Files.list(provider)) {
      return entries.anyMatch(e -> isPacked(e, type) || isUnpacked(e.resolve(platform()), type));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isPacked(Path file, String type) {
    String name = file.getFileName().toString();
    return name.startsWith("terraform-provider-" + type + "_") && name.endsWith("_" + platform() + ".zip");
  }

  private static boolean isUnpacked(Path dir, String type) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("terraform-provider-" + type + "_"));
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code host/namespace/type} of every provider directory two levels below a host. */
  private static List<String> providersUnder(Path root) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> hosts = Files.list(root)) {
      for (Path host : hosts.filter(Files::isDirectory).toList()) {
        try (Stream<Path> namespaces = Files.list(host)) {
          for (Path ns : namespaces.filter(Files::isDirectory).toList()) {
            try (Stream<Path> types = Files.list(ns)) {
              types.filter(Files::isDirectory).forEach(t -> found.add(root.relativize(t).toString().replace('\\', '/')));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mirror " + root, e);
    }
    return found;
  }
}
