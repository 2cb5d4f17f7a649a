package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Wire action names whose SDK class spells an acronym in Pascal case. */
class RequestTypesTest {
  @Test
  void innerCapitalsOfARunAreLowered() {
    assertEquals("DescribeSslPolicies", RequestTypes.pascalCase("DescribeSSLPolicies"));
    assertEquals("DescribeVpcEndpoints", RequestTypes.pascalCase("DescribeVpcEndpoints"));
    assertEquals("GetIpamPoolCidrs", RequestTypes.pascalCase("GetIPAMPoolCidrs"));
  }
}
