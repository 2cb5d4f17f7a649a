package dev.privatelink.dataplane.spec;

/** A subnet of a VPC: its CIDR and the availability zone it lies in (e.g. {@code us-east-1a}). */
public record SubnetSpec(String subnetId, String cidr, String availabilityZone) {}
