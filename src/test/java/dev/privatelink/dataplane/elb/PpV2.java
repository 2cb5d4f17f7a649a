package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** An independent Proxy Protocol v2 reader for tests: parses the header and checks its CRC32C. */
record PpV2(int command, String src, int srcPort, String dst, int dstPort, Map<Integer, byte[]> tlvs, int length) {
  static final byte[] SIG = {13, 10, 13, 10, 0, 13, 10, 81, 85, 73, 84, 10};

  static PpV2 parse(byte[] b) throws UnknownHostException {
    assertArrayEquals(SIG, Arrays.copyOf(b, 12), "PPv2 signature");
    int verCmd = b[12] & 0xFF;
    int fam = b[13] & 0xFF;
    int len = ((b[14] & 0xFF) << 8) | (b[15] & 0xFF);
    int total = 16 + len;
    assertEquals(2, verCmd >> 4, "version 2");
    if ((verCmd & 0xF) == 0) {
      return new PpV2(0, null, 0, null, 0, Map.of(), total);
    }
    assertEquals(0x11, fam, "TCP over IPv4");
    ByteBuffer bb = ByteBuffer.wrap(b, 16, len);
    byte[] s = new byte[4];
    byte[] d = new byte[4];
    bb.get(s);
    bb.get(d);
    int sp = bb.getShort() & 0xFFFF;
    int dp = bb.getShort() & 0xFFFF;
    Map<Integer, byte[]> tlvs = new LinkedHashMap<>();
    int crcValueAt = -1;
    while (bb.position() < total) {
      int type = bb.get() & 0xFF;
      int l = bb.getShort() & 0xFFFF;
      if (type == 0x03) {
        crcValueAt = bb.position();
      }
      byte[] v = new byte[l];
      bb.get(v);
      tlvs.put(type, v);
    }
    if (crcValueAt >= 0) {
      byte[] copy = Arrays.copyOf(b, total);
      Arrays.fill(copy, crcValueAt, crcValueAt + 4, (byte) 0);
      CRC32C crc = new CRC32C();
      crc.update(copy);
      assertEquals(crc.getValue(), ByteBuffer.wrap(b, crcValueAt, 4).getInt() & 0xFFFFFFFFL, "CRC32C over the header");
    }
    return new PpV2(1, InetAddress.getByAddress(s).getHostAddress(), sp, InetAddress.getByAddress(d).getHostAddress(),
        dp, tlvs, total);
  }
}
