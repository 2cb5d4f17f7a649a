# Connects to HOST:PORT from inside an instance and prints the first line the far end sends, or
# "refused"/"timeout"/"closed". With "hold", keeps the connection and prints "ended: <how>" when
# the far end closes or resets it (an endpoint rejected or deleted), within a bound.
import socket, sys
host, port, mode = sys.argv[1], int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else "once")
try:
    s = socket.create_connection((host, port), timeout=3)
    f = s.makefile("rb")
    line = f.readline().decode().strip()
    print(line if line else "closed", flush=True)
    if mode == "hold":
        s.settimeout(60)
        try:
            print("ended: eof" if not s.recv(1) else "ended: data", flush=True)
        except ConnectionResetError:
            print("ended: reset", flush=True)
        except socket.timeout:
            print("ended: still-open", flush=True)
except ConnectionRefusedError:
    print("refused")
except (socket.timeout, TimeoutError):
    print("timeout")
except OSError as e:
    print("error: %s" % e)
