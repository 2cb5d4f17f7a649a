package dev.privatelink.dataplane.dns;

import dev.privatelink.dataplane.netns.Namespaces;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * One VPC's AmazonProvidedDNS: UDP and TCP on {@code base+2:53}, sockets opened inside the VPC's
 * router namespace through {@link Namespaces} (a socket keeps its namespace afterwards). Records
 * are swapped live by {@link #update}; queries in flight see either the old or the new table.
 */
public final class VpcResolver implements AutoCloseable {
  private volatile RecordTable table;
  private final Channel udp;
  private final Channel tcp;

  private VpcResolver(RecordTable table, Channel udp, Channel tcp) {
    this.table = table;
    this.udp = udp;
    this.tcp = tcp;
  }

  /** Binds UDP and TCP on {@code address} inside {@code netns}; must run on a platform thread. */
  public static VpcResolver start(Namespaces namespaces, String netns, InetSocketAddress address,
      RecordTable initial, EventLoopGroup group) throws Exception {
    Holder holder = new Holder(initial);
    Channel udp = namespaces.call(netns, () -> new Bootstrap().group(group).channel(NioDatagramChannel.class)
        .handler(new ChannelInitializer<NioDatagramChannel>() {
          @Override
          protected void initChannel(NioDatagramChannel ch) {
            ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), new UdpHandler(holder));
          }
        }).bind(address).sync().channel());
    Channel tcp;
    try {
      tcp = namespaces.call(netns, () -> new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new TcpDnsQueryDecoder(), new TcpDnsResponseEncoder(), new TcpHandler(holder));
            }
          }).bind(address).sync().channel());
    } catch (Exception e) {
      udp.close().syncUninterruptibly();
      throw e;
    }
    VpcResolver resolver = new VpcResolver(initial, udp, tcp);
    holder.resolver = resolver;
    return resolver;
  }

  /** Serves {@code next} from now on. */
  public void update(RecordTable next) {
    this.table = next;
  }

  @Override
  public void close() {
    udp.close().syncUninterruptibly();
    tcp.close().syncUninterruptibly();
  }

  /** Lets the handlers, built before the resolver exists, read its current table. */
  private static final class Holder {
    private final RecordTable initial;
    private volatile @Nullable VpcResolver resolver;

    Holder(RecordTable initial) {
      this.initial = initial;
    }

    RecordTable table() {
      VpcResolver r = resolver;
      return r == null ? initial : r.table;
    }
  }

  private static final class UdpHandler extends SimpleChannelInboundHandler<DatagramDnsQuery> {
    private final Holder holder;

    UdpHandler(Holder holder) {
      this.holder = holder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
      DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
      DnsResponder.fill(query, response, holder.table(), ctx.alloc());
      ctx.writeAndFlush(response);
    }
  }

  private static final class TcpHandler extends SimpleChannelInboundHandler<DnsQuery> {
    private final Holder holder;

    TcpHandler(Holder holder) {
      this.holder = holder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
      DefaultDnsResponse response = new DefaultDnsResponse(query.id());
      DnsResponder.fill(query, response, holder.table(), ctx.alloc());
      ctx.writeAndFlush(response);
    }
  }
}
