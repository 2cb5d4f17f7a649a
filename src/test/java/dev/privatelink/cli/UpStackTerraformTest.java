package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.TerraformTest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@code up --stack DIR} with a small Terraform directory of the user's: the first {@code up}
 * starts a cloud, applies it and prints its outputs after Ready; the second changes nothing and
 * prints the same outputs; a directory that is not one is refused in one line.
 */
@TerraformTest
class UpStackTerraformTest {
  private static final Pattern VPC_OUTPUT = Pattern.compile("(?m)^vpc_id = \"(vpc-[0-9a-f]+)\"$");
  @TempDir
  Path scratch;

  @Test
  void upAppliesTheUsersStackOnceAndPrintsItsOutputs() throws Exception {
    Path stack = Files.createDirectories(scratch.resolve("stack"));
    Files.writeString(stack.resolve("main.tf"), """
        provider "aws" {
          region = "us-east-1"
        }
        resource "aws_vpc" "app" {
          cidr_block = "10.91.0.0/16"
        }
        resource "aws_subnet" "app" {
          vpc_id     = aws_vpc.app.id
          cidr_block = "10.91.1.0/24"
        }
        output "vpc_id" {
          value = aws_vpc.app.id
        }
        """);
    Cli cli = new Cli(scratch.resolve("data"), scratch);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> words = List.of("--stack", stack.toString(), "--detach", "--no-dataplane", "--port", Integer.toString(port));
    try {
      Cli.Result first = cli.run("up", words, List.of());
      assertEquals(0, first.exitCode(), first.describe());
      String vpcId = vpcOutput(first);
      int ready = first.stdout().indexOf("Ready in");
      assertTrue(ready > 0 && first.stdout().substring(ready).contains("vpc_id = \"" + vpcId + "\""),
          "outputs after Ready: " + first.describe());

      Cli.Result second = cli.run("up", words, List.of());
      assertEquals(0, second.exitCode(), second.describe());
      assertTrue(second.stdout().contains("Using the cloud already running at http://127.0.0.1:" + port), second.describe());
      assertTrue(second.stdout().contains("No changes."), second.describe());
      assertEquals(vpcId, vpcOutput(second));
      try (StackClients c = new StackClients(URI.create("http://127.0.0.1:" + port), "000000000000", Region.US_EAST_1)) {
        assertEquals(List.of(vpcId), c.ec2().describeVpcs(r -> r.filters(f -> f.name("cidr").values("10.91.0.0/16")))
            .vpcs().stream().map(v -> v.vpcId()).toList(), "one VPC after two ups");
      }

      Cli.Result refused = cli.run("up", List.of("--stack", scratch.resolve("missing").toString(), "--detach"), List.of());
      assertEquals(1, refused.exitCode(), refused.describe());
      assertEquals(1, refused.stderr().lines().count(), refused.describe());
      assertTrue(refused.stderr().contains("--stack takes a Terraform directory"), refused.describe());
    } finally {
      cli.run("down", List.of(), List.of());
    }
  }

  private static String vpcOutput(Cli.Result up) {
    Matcher m = VPC_OUTPUT.matcher(up.stdout());
    assertTrue(m.find(), "the stack's output: " + up.describe());
    return m.group(1);
  }
}
