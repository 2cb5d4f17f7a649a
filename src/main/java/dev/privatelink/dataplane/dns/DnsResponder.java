package dev.privatelink.dataplane.dns;

import dev.privatelink.dataplane.spec.DnsRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Fills a DNS response for a query from a {@link RecordTable}: socket-free, so it is the part
 * tests exercise directly. Only the first question is answered, as every real resolver does.
 */
final class DnsResponder {
  private DnsResponder() {}

  static void fill(DnsQuery query, DnsResponse response, RecordTable table, ByteBufAllocator alloc) {
    response.setRecursionDesired(query.isRecursionDesired());
    response.setRecursionAvailable(true);
    DnsQuestion question = query.recordAt(DnsSection.QUESTION);
    if (question == null) {
      response.setCode(DnsResponseCode.FORMERR);
      return;
    }
    response.addRecord(DnsSection.QUESTION, question);
    switch (table.lookup(question.name(), question.type().name())) {
      case RecordTable.Answer.Found f -> {
        for (DnsRecord r : f.records()) {
          for (String value : r.values()) {
            response.addRecord(DnsSection.ANSWER, record(question, r, value, alloc));
          }
        }
      }
      case RecordTable.Answer.NoData n -> response.setCode(DnsResponseCode.NOERROR);
      case RecordTable.Answer.NxDomain n -> response.setCode(DnsResponseCode.NXDOMAIN);
      case RecordTable.Answer.Refused n -> response.setCode(DnsResponseCode.REFUSED);
    }
  }

  private static DefaultDnsRawRecord record(DnsQuestion q, DnsRecord r, String value, ByteBufAllocator alloc) {
    ByteBuf data = alloc.buffer();
    if (q.type().equals(DnsRecordType.A)) {
      try {
        data.writeBytes(InetAddress.getByName(value).getAddress());
      } catch (UnknownHostException e) {
        data.release();
        throw new IllegalArgumentException("not an IPv4 address in " + r.name() + ": " + value, e);
      }
    } else {
      // TXT: one or more <length><bytes> character-strings of at most 255 bytes.
      byte[] bytes = unquote(value).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length || i == 0; i += 255) {
        int len = Math.min(255, bytes.length - i);
        data.writeByte(len).writeBytes(bytes, i, len);
      }
    }
    return new DefaultDnsRawRecord(q.name(), q.type(), r.ttl(), data);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }
}
