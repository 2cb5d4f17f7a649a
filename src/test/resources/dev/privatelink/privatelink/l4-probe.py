# Probes an NLB from inside an instance. "tls HOST PORT SNI MIN MAX": a TLS handshake (no
# verification) limited to TLS versions MIN..MAX, printing version, cipher, whether the peer
# certificate names SNI, and the first line relayed from the target; "udp HOST PORT TEXT": one
# datagram, printing the reply and who sent it; "tcp HOST PORT": the first line.
import socket, ssl, sys
mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
VERSIONS = {"1.2": ssl.TLSVersion.TLSv1_2, "1.3": ssl.TLSVersion.TLSv1_3}
try:
    if mode == "tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version, ctx.maximum_version = VERSIONS[sys.argv[5]], VERSIONS[sys.argv[6]]
        with socket.create_connection((host, port), timeout=5) as raw:
            with ctx.wrap_socket(raw, server_hostname=sys.argv[4]) as s:
                der = s.getpeercert(binary_form=True)
                line = s.makefile("rb").readline().decode().strip()
                print("%s %s names=%s first=%s" % (s.version(), s.cipher()[0], sys.argv[4].encode() in der, line))
    elif mode == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(3)
        s.sendto(sys.argv[4].encode(), (host, port))
        d, peer = s.recvfrom(65535)
        print("%s from %s:%d" % (d.decode(), peer[0], peer[1]))
    else:
        with socket.create_connection((host, port), timeout=5) as s:
            print(s.makefile("rb").readline().decode().strip())
except ssl.SSLError as e:
    print("tls-refused: %s" % e.reason)
except (socket.timeout, TimeoutError):
    print("timeout")
except OSError as e:
    print("error: %s" % e)
