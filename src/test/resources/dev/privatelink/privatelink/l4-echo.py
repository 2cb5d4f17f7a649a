# A target for NLB TLS/UDP/TCP_UDP tests, started by an instance's user data: on each TCP port it
# greets "<name> from <peer ip>" and echoes; on each UDP port it answers "udp:<payload>".
import socket, sys, threading

def serve(c, peer):
    with c:
        c.sendall(("tcp from %s\n" % peer[0]).encode())
        while True:
            d = c.recv(65536)
            if not d:
                return
            c.sendall(d)

def tcp(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port))
    s.listen(64)
    while True:
        c, peer = s.accept()
        threading.Thread(target=serve, args=(c, peer), daemon=True).start()

def udp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", port))
    while True:
        d, peer = s.recvfrom(65535)
        s.sendto(b"udp:" + d, peer)

threads = [threading.Thread(target=tcp, args=(int(p),)) for p in sys.argv[1].split(",")]
threads += [threading.Thread(target=udp, args=(int(p),)) for p in sys.argv[2].split(",")]
for t in threads:
    t.start()
print("l4 echo up", flush=True)
for t in threads:
    t.join()
