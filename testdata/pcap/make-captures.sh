#!/usr/bin/env bash
# Makes testdata/pcap/loopback.pcap: Ethernet (Linux loopback) frames carrying IPv4 (with and without options),
# IPv6, TCP (handshake options, data, FIN) and UDP, all on loopback, then records Wireshark's own dissection of
# every packet (loopback.tshark.json) as the reference the pcap sample is checked against.
# Needs root, tcpdump, tshark and python3 (apt-get install tcpdump tshark). CI does not run this: it uses the
# committed files.
set -euo pipefail
cd "$(dirname "$0")"
out=loopback.pcap
port=47001

tcpdump -i lo -U -w "$out.tmp" "(tcp or udp) and portrange $port-$((port + 9))" 2>/dev/null &
dump=$!
sleep 1

python3 - "$port" <<'PY'
import socket, sys, threading, time
port = int(sys.argv[1])

def tcp_exchange(family, host, p, ip_options=None):
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, p)); srv.listen(1)
    def serve():
        conn, _ = srv.accept()
        data = conn.recv(4096)
        conn.sendall(b"pong:" + data)
        conn.close()
    t = threading.Thread(target=serve); t.start()
    cli = socket.socket(family, socket.SOCK_STREAM)
    if ip_options:
        cli.setsockopt(socket.IPPROTO_IP, socket.IP_OPTIONS, ip_options)
    cli.connect((host, p))
    cli.sendall(b"ping from the ProtocolGen pcap sample")
    cli.recv(4096)
    cli.close(); t.join(); srv.close()
    time.sleep(0.2)

def udp_exchange(family, host, p, payloads, ip_options=None):
    rx = socket.socket(family, socket.SOCK_DGRAM); rx.bind((host, p))
    tx = socket.socket(family, socket.SOCK_DGRAM)
    if ip_options:
        tx.setsockopt(socket.IPPROTO_IP, socket.IP_OPTIONS, ip_options)
    for payload in payloads:
        tx.sendto(payload, (host, p)); rx.recvfrom(65535)
    tx.close(); rx.close()
    time.sleep(0.2)

# IPv4 options: record route (type 7, length 11, pointer 4, two empty slots) then end of options, padded to 12 bytes.
record_route = bytes([7, 11, 4] + [0] * 8 + [0])
# A timestamp option (type 68, length 12, pointer 5, flag 0: timestamps only, two slots).
timestamps = bytes([68, 12, 5, 0] + [0] * 8)

tcp_exchange(socket.AF_INET, "127.0.0.1", port)
tcp_exchange(socket.AF_INET6, "::1", port + 1)
tcp_exchange(socket.AF_INET, "127.0.0.1", port + 2, ip_options=record_route)
udp_exchange(socket.AF_INET, "127.0.0.1", port + 3, [b"", b"x", "héllo, wörld ✓".encode(), bytes(range(256)) * 4])
udp_exchange(socket.AF_INET6, "::1", port + 4, [b"udp over ipv6", bytes(1200)])
udp_exchange(socket.AF_INET, "127.0.0.1", port + 5, [b"with a timestamp option"], ip_options=timestamps)
PY

sleep 1
kill -INT "$dump"
wait "$dump" || true
# Loopback hands TCP and UDP checksums to an offload that never runs (CHECKSUM_PARTIAL), so the captured
# checksums are wrong. Fill them in as a network card would; everything else stays as captured.
python3 - "$out.tmp" "$out" <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
data = bytearray(open(src, "rb").read())
assert struct.unpack_from("<I", data, 0)[0] == 0xA1B2C3D4 and struct.unpack_from("<I", data, 20)[0] == 1  # LE pcap, Ethernet

def fold(total):
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total

def ones_sum(b):
    if len(b) % 2:
        b = b + b"\0"
    return sum(struct.unpack(f"!{len(b) // 2}H", b))

at = 24
while at < len(data):
    incl = struct.unpack_from("<I", data, at + 8)[0]
    frame = at + 16
    ethertype = struct.unpack_from("!H", data, frame + 12)[0]
    ip = frame + 14
    if ethertype == 0x0800:
        ihl = (data[ip] & 0x0F) * 4
        proto, total = data[ip + 9], struct.unpack_from("!H", data, ip + 2)[0]
        l4, l4len = ip + ihl, total - ihl
        pseudo = bytes(data[ip + 12:ip + 20]) + struct.pack("!BBH", 0, proto, l4len)
    else:
        proto, l4len = data[ip + 6], struct.unpack_from("!H", data, ip + 4)[0]
        l4 = ip + 40
        pseudo = bytes(data[ip + 8:ip + 40]) + struct.pack("!IxxxB", l4len, proto)
    field = l4 + (16 if proto == 6 else 6)
    struct.pack_into("!H", data, field, 0)
    checksum = 0xFFFF - fold(ones_sum(pseudo) + ones_sum(bytes(data[l4:l4 + l4len])))
    if proto == 17 and checksum == 0:
        checksum = 0xFFFF
    struct.pack_into("!H", data, field, checksum)
    at = frame + incl
open(dst, "wb").write(data)
PY
rm "$out.tmp"
checks=(-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE)
tshark -r "$out" "${checks[@]}" -T json --no-duplicate-keys > loopback.tshark.json
tshark -r "$out" "${checks[@]}" | tee loopback.tshark.txt
