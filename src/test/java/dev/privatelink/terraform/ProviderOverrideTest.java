package dev.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderOverrideTest {
  private static final ProviderOverride LOCAL = new ProviderOverride("http://127.0.0.1:4566", "us-east-1", "111111111111", "s");

  @Test
  void aDirectoryWithoutProviderBlocksGetsTheDefaultOneWithEveryServedEndpoint() {
    String hcl = LOCAL.render(List.of());
    assertTrue(hcl.startsWith(ProviderOverride.HEADER), hcl);
    assertEquals(1, count(hcl, "provider \"aws\" {"));
    for (String s : List.of("ec2", "elb", "elbv2", "acm", "sts", "iam", "logs")) {
      assertTrue(hcl.contains("    " + s + " = \"http://127.0.0.1:4566\"\n"), s + " in " + hcl);
    }
    assertTrue(hcl.contains("region = \"us-east-1\""));
    assertTrue(hcl.contains("access_key = \"111111111111\""));
    assertTrue(hcl.contains("skip_metadata_api_check     = true"));
  }

  @Test
  void everyAliasGetsItsBlockAndKeepsTheRegionAndKeysItSetsItself() {
    List<AwsProviderBlocks.Block> blocks = AwsProviderBlocks.parse("""
        # provider "aws" { alias = "commented" }
        provider "aws" {
          region = "eu-west-1"
        }
        provider "aws" {
          alias      = "consumer"
          access_key = "222222222222" // the consumer account
          secret_key = "x"
          default_tags {
            tags = { alias = "not-an-alias" }
          }
        }
        provider aws {
          alias = "other"
        }
        """);
    assertEquals(List.of(Optional.empty(), Optional.of("consumer"), Optional.of("other")),
        blocks.stream().map(AwsProviderBlocks.Block::alias).toList());
    assertEquals(Set.of("alias", "access_key", "secret_key", "default_tags"), blocks.get(1).settings());

    String hcl = LOCAL.render(blocks);
    assertEquals(3, count(hcl, "provider \"aws\" {"));
    String consumer = hcl.substring(hcl.indexOf("alias = \"consumer\""), hcl.indexOf("alias = \"other\""));
    assertFalse(consumer.contains("access_key"), consumer);
    assertTrue(consumer.contains("region = \"us-east-1\""), consumer);
    String first = hcl.substring(0, hcl.indexOf("alias = \"consumer\""));
    assertFalse(first.contains("region ="), "the default block's own region stays: " + first);
    assertEquals(3, count(hcl, "elbv2 = "));
  }

  @Test
  void aMirrorIsFoundOnlyWhereItHoldsTheAwsProviderForThisPlatform(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("registry.terraform.io/hashicorp/aws/5.100.0/" + ProviderMirror.platform()
        + "/terraform-provider-aws_v5.100.0_x5");
    Files.createDirectories(binary.getParent());
    Files.createDirectories(dir.resolve("registry.terraform.io/hashicorp/random/3.6.0"));
    assertTrue(ProviderMirror.at(dir.resolve("registry.terraform.io")).isEmpty(), "a host folder is not a root");
    assertTrue(ProviderMirror.find(Map.of(ProviderMirror.VARIABLE, dir.toString())).isEmpty(), "no binary yet");
    Files.writeString(binary, "");

    ProviderMirror mirror = ProviderMirror.find(Map.of(ProviderMirror.VARIABLE, dir.toString())).orElseThrow();
    assertEquals(List.of("registry.terraform.io/hashicorp/aws", "registry.terraform.io/hashicorp/random"),
        mirror.providers().stream().sorted().toList());
    assertTrue(mirror.cliConfig().contains("path = \"" + dir.toAbsolutePath() + "\""), mirror.cliConfig());
    assertTrue(mirror.cliConfig().contains("exclude = [\"registry.terraform.io/hashicorp/"), mirror.cliConfig());
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
