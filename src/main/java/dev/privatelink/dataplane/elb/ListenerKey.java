package dev.privatelink.dataplane.elb;

/** A listening socket: one node address and port. */
record ListenerKey(String ip, int port) {}
