package dev.privatelink.dataplane.elb;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Proxy Protocol v2 headers laid out as an AWS NLB sends them: signature, {@code 0x21 0x11}
 * (PROXY over TCP/IPv4), length, source and destination addresses and ports, TLV 0x03 with a CRC32C
 * of the whole header, TLV 0xEA (subtype 0x01 + the ASCII endpoint id) for PrivateLink flows, and a
 * NOOP TLV (0x04) that pads the header to a multiple of four bytes. Health checks carry a LOCAL
 * header ({@code 0x20 0x00}) without addresses.
 */
public final class ProxyProtocolV2 {
  static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
  static final int TLV_CRC32C = 0x03;
  static final int TLV_NOOP = 0x04;
  static final int TLV_AWS = 0xEA;
  static final int AWS_SUBTYPE_VPCE_ID = 0x01;

  private ProxyProtocolV2() {}

  /** The header for a proxied flow. */
  public static byte[] proxy(FlowOrigin origin) {
    byte[] vpce = origin.endpointId() == null ? new byte[0] : origin.endpointId().getBytes(StandardCharsets.US_ASCII);
    int tlvs = 7 + (vpce.length == 0 ? 0 : 3 + 1 + vpce.length);
    int unpadded = 16 + 12 + tlvs + 3;
    int noop = (4 - unpadded % 4) % 4;
    int total = unpadded + noop;
    byte[] h = new byte[total];
    System.arraycopy(SIGNATURE, 0, h, 0, 12);
    h[12] = 0x21;
    h[13] = 0x11;
    put16(h, 14, total - 16);
    int p = 16;
    p = putAddress(h, p, origin.client());
    p = putAddress(h, p, origin.destination());
    put16(h, p, origin.client().getPort());
    put16(h, p + 2, origin.destination().getPort());
    p += 4;
    int crcAt = p + 3;
    h[p] = TLV_CRC32C;
    put16(h, p + 1, 4);
    p += 7;
    if (vpce.length > 0) {
      h[p] = (byte) TLV_AWS;
      put16(h, p + 1, vpce.length + 1);
      h[p + 3] = AWS_SUBTYPE_VPCE_ID;
      System.arraycopy(vpce, 0, h, p + 4, vpce.length);
      p += 4 + vpce.length;
    }
    h[p] = TLV_NOOP;
    put16(h, p + 1, noop);
    CRC32C crc = new CRC32C();
    crc.update(h, 0, total);
    long v = crc.getValue();
    h[crcAt] = (byte) (v >>> 24);
    h[crcAt + 1] = (byte) (v >>> 16);
    h[crcAt + 2] = (byte) (v >>> 8);
    h[crcAt + 3] = (byte) v;
    return h;
  }

  /** The LOCAL header a health-check connection starts with: no addresses, no TLVs. */
  public static byte[] local() {
    byte[] h = new byte[16];
    System.arraycopy(SIGNATURE, 0, h, 0, 12);
    h[12] = 0x20;
    h[13] = 0x00;
    return h;
  }

  static ByteBuf buffer(ByteBufAllocator alloc, byte[] header) {
    return alloc.directBuffer(header.length).writeBytes(header);
  }

  private static int putAddress(byte[] h, int p, InetSocketAddress a) {
    if (!(a.getAddress() instanceof Inet4Address v4)) {
      throw new IllegalArgumentException("IPv4 only: " + a);
    }
    System.arraycopy(v4.getAddress(), 0, h, p, 4);
    return p + 4;
  }

  private static void put16(byte[] h, int p, int v) {
    h[p] = (byte) (v >>> 8);
    h[p + 1] = (byte) v;
  }
}
