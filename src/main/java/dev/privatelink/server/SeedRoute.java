package dev.privatelink.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.control.AwsException;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /_privatelink/seed?provider=ACCOUNT&consumer=ACCOUNT}, what {@code up} calls on a
 * cloud running in the background: applies the seed stack in the cloud (see {@link
 * LocalCloud#applySeed}), streams its progress lines, and answers its outputs as JSON. A signed
 * caller may apply it in its own account only; the local token may name any two.
 */
final class SeedRoute {
  private final LocalCloud cloud;

  SeedRoute(LocalCloud cloud) {
    this.cloud = cloud;
  }

  String answer(Map<String, String> query, @Nullable String grantedAccount, Consumer<String> progress) {
    String provider = account(query, "provider");
    String consumer = account(query, "consumer");
    if (grantedAccount != null && !(grantedAccount.equals(provider) && grantedAccount.equals(consumer))) {
      throw new AwsException("AccessDenied", "A signed caller may apply the seed stack in its own account only", 403);
    }
    SeedOutputs outputs = cloud.applySeed(provider, consumer, Progress.lines(progress));
    try {
      return new ObjectMapper().writeValueAsString(outputs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the seed's outputs", e);
    }
  }

  private static String account(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || !value.matches("\\d{12}")) {
      throw AwsException.invalidParameterValue("The " + name + " account must be 12 digits");
    }
    return value;
  }
}
