package dev.privatelink.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The wrong things a fuzzed request does, one per request, at a random place in its parameters:
 * a member left out, a value of the wrong type, out of range, oversized, badly encoded, a bogus
 * enum value, a nested list with odd indices, or a parameter the model does not have.
 */
final class Mutations {
  /** What was done, for the failure message. */
  enum Kind { OMIT, WRONG_TYPE, OUT_OF_RANGE, OVERSIZED, MALFORMED_ENCODING, BOGUS_ENUM, LIST_INDEX, UNKNOWN_PARAMETER, NONE }

  static final List<Object> WRONG_TYPES = List.of("notanumber", "yes", "", "{}", "[1,2]", "1.0e400", "true false",
      "2026-13-45T99:99:99Z", "-", "\u0000", "<a>b</a>");
  static final List<Object> OUT_OF_RANGE = List.of(-1L, 0L, -2147483649L, 2147483648L, Long.MAX_VALUE, Long.MIN_VALUE,
      "99999999999999999999999", "-0", "NaN", "Infinity", "0x10", "1e3");
  static final List<Object> MALFORMED = List.of(new Values.Raw("%"), new Values.Raw("%Z1"), new Values.Raw("%C3%28"),
      new Values.Raw("%00"), new Values.Raw("%FF%FE%FD"), new Values.Raw("%E2%82"), new Values.Raw("a%2"),
      new Values.Raw("%ED%A0%80"), new Values.Raw("&&&=="), new Values.Raw("%26Action%3DCreateVpc"));

  private final SplittableRandom random;

  Mutations(SplittableRandom random) {
    this.random = random;
  }

  /** One wrong thing, or now and then two; returns the (first) kind. */
  Kind mutate(Map<String, Object> params) {
    Kind first = once(params);
    if (random.nextInt(4) == 0) {
      once(params);
    }
    return first;
  }

  private Kind once(Map<String, Object> params) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length - 1)];
    List<Slot> slots = new ArrayList<>();
    collect(params, slots);
    if (slots.isEmpty() && kind != Kind.UNKNOWN_PARAMETER && kind != Kind.OVERSIZED) {
      kind = Kind.UNKNOWN_PARAMETER;
    }
    Slot slot = slots.isEmpty() ? new Slot(params, "Fuzz") : slots.get(random.nextInt(slots.size()));
    switch (kind) {
      case OMIT -> slot.parent().remove(slot.key());
      case WRONG_TYPE -> slot.parent().put(slot.key(), pick(WRONG_TYPES));
      case OUT_OF_RANGE -> slot.parent().put(slot.key(), pick(OUT_OF_RANGE));
      case OVERSIZED -> slot.parent().put(slot.key(), random.nextBoolean() ? "x".repeat(70_000 + random.nextInt(1000))
          : java.util.Collections.nCopies(1100 + random.nextInt(400), "fuzz"));
      case MALFORMED_ENCODING -> slot.parent().put(slot.key(), pick(MALFORMED));
      case BOGUS_ENUM -> slot.parent().put(slot.key(), "BogusEnumValue" + random.nextInt(100));
      case LIST_INDEX -> slot.parent().put(slot.key(), new OddIndices(pick(List.of("0", "-1", "99999999999999999999",
          "abc", "1.5", "3", "2147483648", "", "1.member.0", "1.1.1.1.1")), random.nextBoolean() ? "x" : new Values.Raw("%ZZ")));
      case UNKNOWN_PARAMETER -> params.put(pick(List.of("Bogus", "Filter.1.Name.abc", "Foo.1.Bar.abc", "Action",
          "Version", "X-Amz-Nonsense", "..", "member", "a.b.c.d.e.f.g.h")), "fuzz");
      case NONE -> { }
    }
    return kind;
  }

  /** A list whose element sits at an index no client sends. */
  record OddIndices(String index, Object value) {}

  private record Slot(Map<String, Object> parent, String key) {}

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> params, List<Slot> out) {
    for (var e : params.entrySet()) {
      out.add(new Slot(params, e.getKey()));
      Object v = e.getValue();
      if (v instanceof Map<?, ?> m && !m.isEmpty() && m.keySet().iterator().next() instanceof String) {
        try {
          collect((Map<String, Object>) m, out);
        } catch (UnsupportedOperationException ignored) {
          // an immutable map (a generated Map value): mutate around it
        }
      } else if (v instanceof List<?> l) {
        for (Object item : l) {
          if (item instanceof Map<?, ?> m) {
            collect((Map<String, Object>) m, out);
          }
        }
      }
    }
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
