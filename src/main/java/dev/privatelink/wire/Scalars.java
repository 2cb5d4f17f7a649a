package dev.privatelink.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** Text to and from the scalar types of SDK fields, as the Query and XML protocols write them. */
final class Scalars {
  /** AWS writes XML timestamps with milliseconds, e.g. {@code 2026-11-26T08:00:00.000Z}. */
  static final DateTimeFormatter XML_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Scalars() {}

  static boolean isScalar(SdkField<?> f) {
    MarshallingType<?> t = f.marshallingType();
    return t != MarshallingType.LIST && t != MarshallingType.MAP && t != MarshallingType.SDK_POJO
        && t != MarshallingType.DOCUMENT;
  }

  static Object parse(SdkField<?> field, String name, String text) {
    MarshallingType<?> t = field.marshallingType();
    try {
      if (t == MarshallingType.STRING) {
        return text;
      } else if (t == MarshallingType.INTEGER) {
        return Integer.valueOf(text.trim());
      } else if (t == MarshallingType.LONG) {
        return Long.valueOf(text.trim());
      } else if (t == MarshallingType.SHORT) {
        return Short.valueOf(text.trim());
      } else if (t == MarshallingType.DOUBLE) {
        return Double.valueOf(text.trim());
      } else if (t == MarshallingType.FLOAT) {
        return Float.valueOf(text.trim());
      } else if (t == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(text.trim());
      } else if (t == MarshallingType.BOOLEAN) {
        return parseBoolean(text);
      } else if (t == MarshallingType.INSTANT) {
        return parseInstant(text);
      } else if (t == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArray(Base64.getMimeDecoder().decode(text));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw malformed(name, text);
    }
    throw malformed(name, text);
  }

  static String format(Object value) {
    if (value instanceof Instant i) {
      return XML_TIME.format(i);
    }
    if (value instanceof SdkBytes b) {
      return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    }
    return String.valueOf(value);
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(text);
  }

  private static Instant parseInstant(String text) {
    if (text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(text) * 1000));
    }
    return Instant.parse(text);
  }

  private static WireException malformed(String name, String text) {
    return new WireException(WireException.Kind.MALFORMED, name,
        "Invalid value '" + text + "' for parameter " + name);
  }
}
