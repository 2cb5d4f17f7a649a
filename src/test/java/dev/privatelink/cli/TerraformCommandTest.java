package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.terraform.ProviderMirror;
import dev.privatelink.terraform.ProviderOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privatelink terraform} with a stand-in terraform that prints what it was given: the
 * override file and the CLI configuration exist while it runs and are gone after, its exit code is
 * the command's, its words are passed on unchanged, and an aliased provider gets its own block.
 */
class TerraformCommandTest {
  @TempDir
  Path dir;

  @Test
  void terraformRunsWithTheOverrideAndTheMirrorConfigWhichAreRemovedAfter() throws Exception {
    Path mirror = fakeMirror();
    Files.writeString(dir.resolve("main.tf"), "provider \"aws\" {\n  alias = \"consumer\"\n  access_key = \"222222222222\"\n}\n");
    Result r = run(Map.of(ProviderMirror.VARIABLE, mirror.toString(), "AWS_ACCESS_KEY_ID", "111111111111",
        "AWS_DEFAULT_REGION", "eu-west-1"), "--port", "4599", "plan", "-detailed-exitcode", "--var=x");

    assertEquals(3, r.exit(), r.output());
    assertTrue(r.output().contains("args: plan -detailed-exitcode --var=x\n"), r.output());
    assertTrue(r.output().contains("    ec2 = \"http://127.0.0.1:4599\""), r.output());
    assertTrue(r.output().contains("alias = \"consumer\""), r.output());
    assertTrue(r.output().contains("access_key = \"111111111111\""), "the default block: " + r.output());
    assertTrue(r.output().contains("region = \"eu-west-1\""), r.output());
    assertTrue(r.output().contains("path = \"" + mirror + "\""), "the generated CLI config: " + r.output());
    assertFalse(Files.exists(dir.resolve(ProviderOverride.FILE)), "the override is removed");
    String cliConfig = r.output().lines().filter(l -> l.startsWith("cli: ")).findFirst().orElseThrow().substring(5);
    assertFalse(Files.exists(Path.of(cliConfig)), "the CLI config is removed");
  }

  @Test
  void theUsersOwnCliConfigIsKeptAndTheirOwnOverrideFileIsNeverTouched() throws Exception {
    Path mine = dir.resolve("mine.tfrc");
    Files.writeString(mine, "# mine\n");
    Result r = run(Map.of("TF_CLI_CONFIG_FILE", mine.toString()), "--endpoint", "http://localhost:9/", "version");
    assertEquals(3, r.exit(), r.output());
    assertTrue(r.output().contains("cli: " + mine + "\n"), r.output());
    assertTrue(r.output().contains("= \"http://localhost:9\""), r.output());

    Files.writeString(dir.resolve(ProviderOverride.FILE), "# the user's\n");
    Result refused = run(Map.of(), "version");
    assertEquals(1, refused.exit(), refused.output());
    assertEquals("# the user's\n", Files.readString(dir.resolve(ProviderOverride.FILE)));
  }

  private record Result(int exit, String output) {}

  private Result run(Map<String, String> env, String... words) throws IOException, InterruptedException {
    Path fake = dir.resolve("fake-terraform");
    Files.writeString(fake, """
        #!/bin/sh
        echo "args: $*"
        echo "cli: $TF_CLI_CONFIG_FILE"
        cat "$TF_CLI_CONFIG_FILE" privatelink_override.tf 2>/dev/null
        exit 3
        """);
    fake.toFile().setExecutable(true);
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "terraform"));
    argv.addAll(List.of(words));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeAll(List.of("TF_CLI_CONFIG_FILE", "AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_DEFAULT_REGION"));
    pb.environment().put("PRIVATELINK_TERRAFORM", fake.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), out);
  }

  private Path fakeMirror() throws IOException {
    Path root = dir.resolve("mirror");
    Path binary = root.resolve("registry.terraform.io/hashicorp/aws/5.100.0/" + ProviderMirror.platform() + "/terraform-provider-aws_v5");
    Files.createDirectories(binary.getParent());
    Files.writeString(binary, "");
    return root.toAbsolutePath();
  }
}
