package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.ControlEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;

/** Console output is state bounded as AWS bounds it: the most recent 64 KiB. */
class ConsoleOutputLimitTest {
  final Ec2Fixture f = new Ec2Fixture();

  @Test
  void onlyTheLast64KiBAreKept() {
    String subnet = f.subnet(f.vpc("10.0.0.0/16"), "10.0.0.0/24", "us-east-1a");
    String id = f.run(subnet).instances().getFirst().instanceId();
    for (int i = 0; i < 2000; i++) {
      f.cloud.report(new ControlEvent.ConsoleOutput(id, "line " + i + " " + "x".repeat(60) + "\n"));
    }
    f.cloud.report(new ControlEvent.ConsoleOutput(id, "é the end\n"));
    GetConsoleOutputResponse r = f.call(GetConsoleOutputRequest.builder().instanceId(id).build());
    byte[] output = Base64.getDecoder().decode(r.output());
    assertTrue(output.length <= 64 * 1024 && output.length > 64 * 1024 - 100, "about 64 KiB: " + output.length);
    String text = new String(output, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("é the end\n"));
    assertEquals(-1, text.indexOf("line 0 "), "the oldest lines are gone");
  }
}
