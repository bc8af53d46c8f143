#!/usr/bin/env bash
# Makes testdata/pcap/fragments.pcap: IPv4 fragments of two of loopback.pcap's UDP datagrams, as a host whose path
# MTU is 500 bytes would send them (loopback's MTU of 65,536 never fragments a datagram). Frame 34's 1,032-byte
# datagram gives its first fragment (more fragments, offset 0) and its second (more fragments, offset 60, in 8-byte
# units); its third is not in the file. Frame 33's 26-byte datagram gives only its last fragment (offset 1). So no
# datagram is whole, and Wireshark, like the sample, shows each fragment's payload as bytes. Then records Wireshark's
# dissection of each (fragments.tshark.json) as the reference.
# Needs python3 and tshark (apt-get install tshark); reads the committed loopback.pcap. The records are written
# here rather than by text2pcap, whose 4.0 release drops the sub-second part of the times it is given.
set -euo pipefail
cd "$(dirname "$0")"
python3 - loopback.pcap fragments.pcap <<'PY'
import struct, sys
source, target = sys.argv[1], sys.argv[2]
data = open(source, "rb").read()
frames, at = [], 24
while at < len(data):
    seconds, micros, included, _ = struct.unpack_from("<IIII", data, at)
    frames.append((seconds, micros, data[at + 16:at + 16 + included]))
    at += 16 + included

def internet_checksum(header):
    total = sum(struct.unpack(f"!{len(header) // 2}H", header))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return 0xFFFF - total

# A fragment of an Ethernet frame carrying IPv4 without options: `length` bytes of its payload from `start`.
def fragment(frame, start, length, more):
    ethernet, header, payload = frame[:14], bytearray(frame[14:34]), frame[34:][start:start + length]
    struct.pack_into("!H", header, 2, 20 + len(payload))
    struct.pack_into("!H", header, 6, (0x2000 if more else 0) | start // 8)  # don't-fragment clear
    struct.pack_into("!H", header, 10, 0)
    struct.pack_into("!H", header, 10, internet_checksum(bytes(header)))
    return ethernet + bytes(header) + payload

long, short = frames[33][2], frames[32][2]
assert long[14 + 9] == 17 and len(long) == 14 + 20 + 1032 and short[14 + 9] == 17 and len(short) == 14 + 20 + 26
fragments = [fragment(long, 0, 480, True), fragment(long, 480, 480, True), fragment(short, 8, 18, False)]
seconds, micros, _ = frames[36]
output = bytearray(data[:24])
for i, frame in enumerate(fragments):
    output += struct.pack("<IIII", seconds, micros + 1000 * (i + 1), len(frame), len(frame)) + frame
open(target, "wb").write(output)
PY
checks=(-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE)
tshark -r fragments.pcap "${checks[@]}" -T json --no-duplicate-keys > fragments.tshark.json
tshark -r fragments.pcap "${checks[@]}" | tee fragments.tshark.txt
