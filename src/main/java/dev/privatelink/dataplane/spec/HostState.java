package dev.privatelink.dataplane.spec;

import java.util.List;

/**
 * Everything the host must carry at one version of the cloud: every VPC (a namespace each) with
 * what lives in it, the PrivateLink bridges between them, and the VPCs whose flows are counted
 * for flow logs.
 *
 * @param version the control-plane state version this picture was taken from
 */
public record HostState(long version, List<VpcSpec> vpcs, List<EndpointSpec> endpoints, List<FlowCaptureSpec> flowCaptures) {
  public HostState {
    vpcs = List.copyOf(vpcs);
    endpoints = List.copyOf(endpoints);
    flowCaptures = List.copyOf(flowCaptures);
  }

  /** A picture without flow logs. */
  public HostState(long version, List<VpcSpec> vpcs, List<EndpointSpec> endpoints) {
    this(version, vpcs, endpoints, List.of());
  }

  public static HostState empty() {
    return new HostState(0, List.of(), List.of());
  }
}
