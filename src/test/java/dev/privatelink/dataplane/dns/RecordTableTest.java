package dev.privatelink.dataplane.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.privatelink.dataplane.spec.DnsRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTableTest {
  private final RecordTable table = new RecordTable("eu-west-1", List.of(
      new DnsRecord("ip-10-0-0-5.eu-west-1.compute.internal", "A", List.of("10.0.0.5"), 60),
      new DnsRecord("internal-web-12.eu-west-1.elb.amazonaws.com", "A", List.of("10.0.1.9", "10.0.2.9"), 60)));

  @Test
  void answersExactNamesCaseInsensitively() {
    RecordTable.Answer a = table.lookup("IP-10-0-0-5.eu-west-1.compute.internal.", "A");
    assertEquals(List.of("10.0.0.5"), assertInstanceOf(RecordTable.Answer.Found.class, a).records().getFirst().values());
    assertInstanceOf(RecordTable.Answer.NoData.class, table.lookup("ip-10-0-0-5.eu-west-1.compute.internal", "AAAA"));
    assertInstanceOf(RecordTable.Answer.NxDomain.class, table.lookup("ip-10-0-0-6.eu-west-1.compute.internal", "A"));
    assertInstanceOf(RecordTable.Answer.NxDomain.class, table.lookup("other.eu-west-1.elb.amazonaws.com", "A"));
    assertInstanceOf(RecordTable.Answer.Refused.class, table.lookup("amazon.com", "A"));
  }

  @Test
  void aWildcardNameAnswersTheNamesBelowIt() {
    RecordTable t = new RecordTable("us-east-1", List.of(
        new DnsRecord("*.s3.us-east-1.amazonaws.com", "A", List.of("10.0.0.7"), 60),
        new DnsRecord("exact.s3.us-east-1.amazonaws.com", "A", List.of("10.0.0.8"), 60)));
    var bucket = assertInstanceOf(RecordTable.Answer.Found.class, t.lookup("my-bucket.s3.us-east-1.amazonaws.com", "A"));
    assertEquals(List.of("10.0.0.7"), bucket.records().getFirst().values());
    assertInstanceOf(RecordTable.Answer.Found.class, t.lookup("a.b.s3.us-east-1.amazonaws.com", "A"));
    var exact = assertInstanceOf(RecordTable.Answer.Found.class, t.lookup("exact.s3.us-east-1.amazonaws.com", "A"));
    assertEquals(List.of("10.0.0.8"), exact.records().getFirst().values());
    assertInstanceOf(RecordTable.Answer.NxDomain.class, t.lookup("s3.us-east-1.amazonaws.com", "A"));
  }

  @Test
  void respondsWithEveryValueAndTheRightCode() {
    DefaultDnsQuery query = new DefaultDnsQuery(7);
    query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion("internal-web-12.eu-west-1.elb.amazonaws.com.", DnsRecordType.A));
    DefaultDnsResponse response = new DefaultDnsResponse(7);
    DnsResponder.fill(query, response, table, UnpooledByteBufAllocator.DEFAULT);
    assertEquals(DnsResponseCode.NOERROR, response.code());
    assertEquals(2, response.count(DnsSection.ANSWER));
    ByteBuf first = ((DnsRawRecord) response.recordAt(DnsSection.ANSWER, 0)).content();
    assertEquals("10.0.1.9", (first.getByte(0) & 255) + "." + first.getByte(1) + "." + first.getByte(2) + "." + first.getByte(3));
    response.release();

    DefaultDnsQuery outside = new DefaultDnsQuery(8);
    outside.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion("example.org.", DnsRecordType.A));
    DefaultDnsResponse refused = new DefaultDnsResponse(8);
    DnsResponder.fill(outside, refused, table, UnpooledByteBufAllocator.DEFAULT);
    assertEquals(DnsResponseCode.REFUSED, refused.code());
  }
}
