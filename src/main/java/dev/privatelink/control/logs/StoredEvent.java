package dev.privatelink.control.logs;

/** One ingested log event: times in epoch milliseconds, and its id within the log group. */
record StoredEvent(long timestamp, long ingestionTime, String message, String eventId) {}
