# A target that reads the Proxy Protocol v2 header an NLB sends, answers one line saying what it
# carried (source, destination, the VPC endpoint id of TLV 0xEA/0x01), then holds the connection
# until the client closes it. Runs inside an instance, started by its user data.
import socket, struct, threading

SIG = b"\r\n\r\n\x00\r\nQUIT\n"

def read_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data

def serve(conn):
    try:
        head = read_exact(conn, 16)
        if head[:12] != SIG:
            conn.sendall(b"no-proxy-header\n")
            return
        command, family = head[12] & 0x0F, head[13]
        body = read_exact(conn, struct.unpack("!H", head[14:16])[0])
        if command == 0:
            return  # LOCAL: a health check
        src = socket.inet_ntoa(body[0:4]); dst = socket.inet_ntoa(body[4:8])
        sport, dport = struct.unpack("!HH", body[8:12])
        vpce, i = "-", 12
        while i + 3 <= len(body):
            t, length = body[i], struct.unpack("!H", body[i + 1:i + 3])[0]
            value = body[i + 3:i + 3 + length]
            if t == 0xEA and value[:1] == b"\x01":
                vpce = value[1:].decode()
            i += 3 + length
        conn.sendall(("src=%s:%d dst=%s:%d vpce=%s\n" % (src, sport, dst, dport, vpce)).encode())
        while conn.recv(4096):
            pass
    except (EOFError, OSError):
        pass
    finally:
        conn.close()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", 8080))
server.listen(64)
while True:
    c, _ = server.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
