package dev.privatelink.wire;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as the XML AWS sends. EC2 puts the fields straight under
 * {@code <ActionResponse>} with a {@code requestId} and lists of {@code <item>}; the other Query
 * services wrap them in {@code <ActionResult>} with lists of {@code <member>} and end with
 * {@code <ResponseMetadata>}. Unset fields are left out; a list set to empty is written empty.
 */
public final class XmlEncoder {
  private final String namespace;
  private final boolean ec2;

  private XmlEncoder(String namespace, boolean ec2) {
    this.namespace = namespace;
    this.ec2 = ec2;
  }

  public static XmlEncoder ec2() {
    return new XmlEncoder("http://ec2.amazonaws.com/doc/2016-11-15/", true);
  }

  public static XmlEncoder query(String namespace) {
    return new XmlEncoder(namespace, false);
  }

  /** The whole response document for {@code action}. */
  public String encode(String action, SdkPojo response, String requestId) {
    StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append('<').append(action).append("Response xmlns=\"").append(namespace).append("\">");
    if (ec2) {
      out.append("<requestId>").append(requestId).append("</requestId>");
      int before = out.length();
      writeFields(out, response);
      if (out.length() == before) {
        out.append("<return>true</return>");
      }
    } else {
      out.append('<').append(action).append("Result>");
      writeFields(out, response);
      out.append("</").append(action).append("Result>");
      out.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
    }
    return out.append("</").append(action).append("Response>").toString();
  }

  /** The error document: EC2's {@code <Response><Errors>} or Query's {@code <ErrorResponse>}. */
  public String error(String code, String message, String requestId, boolean senderFault) {
    if (ec2) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + escape(code)
          + "</Code><Message>" + escape(message) + "</Message></Error></Errors><RequestID>" + requestId
          + "</RequestID></Response>";
    }
    return "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + (senderFault ? "Sender" : "Receiver")
        + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
        + requestId + "</RequestId></ErrorResponse>";
  }

  private void writeFields(StringBuilder out, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null) {
        write(out, field, field.unmarshallLocationName(), value);
      }
    }
  }

  private void write(StringBuilder out, SdkField<?> field, String name, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      writeList(out, field, name, (List<?>) value);
    } else if (type == MarshallingType.MAP) {
      writeMap(out, field, name, (Map<?, ?>) value);
    } else if (type == MarshallingType.SDK_POJO) {
      out.append('<').append(name).append('>');
      writeFields(out, (SdkPojo) value);
      out.append("</").append(name).append('>');
    } else {
      out.append('<').append(name).append('>').append(escape(Scalars.format(value))).append("</").append(name).append('>');
    }
  }

  private void writeList(StringBuilder out, SdkField<?> field, String name, List<?> items) {
    if (items instanceof SdkAutoConstructList) {
      return;
    }
    ListTrait trait = field.getRequiredTrait(ListTrait.class);
    SdkField<?> member = trait.memberFieldInfo();
    String memberName = member.unmarshallLocationName() != null ? member.unmarshallLocationName() : (ec2 ? "item" : "member");
    if (trait.isFlattened()) {
      items.forEach(item -> write(out, member, memberName, item));
      return;
    }
    out.append('<').append(name).append('>');
    items.forEach(item -> write(out, member, memberName, item));
    out.append("</").append(name).append('>');
  }

  private void writeMap(StringBuilder out, SdkField<?> field, String name, Map<?, ?> map) {
    if (map instanceof SdkAutoConstructMap) {
      return;
    }
    MapTrait trait = field.getRequiredTrait(MapTrait.class);
    out.append('<').append(name).append('>');
    map.forEach((k, v) -> {
      out.append("<entry><").append(trait.keyLocationName()).append('>').append(escape(String.valueOf(k)))
          .append("</").append(trait.keyLocationName()).append('>');
      write(out, trait.valueFieldInfo(), trait.valueLocationName(), v);
      out.append("</entry>");
    });
    out.append("</").append(name).append('>');
  }

  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String rep = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&apos;";
        case '\r' -> "&#xD;";
        default -> null;
      };
      if (rep != null || out != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(rep != null ? rep : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }
}
