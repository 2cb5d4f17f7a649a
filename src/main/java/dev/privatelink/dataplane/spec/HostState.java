package dev.privatelink.dataplane.spec;

import java.util.List;

/**
 * Everything the host must carry at one version of the cloud: every VPC (a namespace each) with
 * what lives in it, and the PrivateLink bridges between them.
 *
 * @param version the control-plane state version this picture was taken from
 */
public record HostState(long version, List<VpcSpec> vpcs, List<EndpointSpec> endpoints) {
  public HostState {
    vpcs = List.copyOf(vpcs);
    endpoints = List.copyOf(endpoints);
  }

  public static HostState empty() {
    return new HostState(0, List.of(), List.of());
  }
}
