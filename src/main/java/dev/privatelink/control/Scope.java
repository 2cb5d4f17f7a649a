package dev.privatelink.control;

/** One account in one region: the space in which AWS resource ids are visible. */
public record Scope(String accountId, String region) {}
