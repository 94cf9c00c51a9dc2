#!/usr/bin/env python3
"""libzmq REP peer: echoes <count> requests, prefixing the last frame with b"echo:".

Usage: rep_server.py <count>
Prints "READY <endpoint>" once bound, then one line per request (frames joined by "|").
Exit codes: 0 all requests served, 2 usage error, 3 deadline passed.
"""
import sys
import time

import zmq

DEADLINE_S = 30


def render(frames):
    return "|".join(f.decode("utf-8", "replace") for f in frames)


def main():
    if len(sys.argv) != 2:
        print("usage: rep_server.py <count>", file=sys.stderr)
        return 2
    count = int(sys.argv[1])

    ctx = zmq.Context()
    sock = ctx.socket(zmq.REP)
    # Long enough for the final reply to leave before ctx.term(), short enough to stay bounded.
    sock.setsockopt(zmq.LINGER, 2000)
    try:
        sock.bind("tcp://127.0.0.1:*")
        print("READY " + sock.getsockopt(zmq.LAST_ENDPOINT).decode(), flush=True)

        deadline = time.monotonic() + DEADLINE_S
        for served in range(count):
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0 or not sock.poll(remaining_ms, zmq.POLLIN):
                print(f"rep_server: timeout after {served} of {count} requests", file=sys.stderr, flush=True)
                return 3
            frames = sock.recv_multipart()
            print(render(frames), flush=True)
            sock.send_multipart(frames[:-1] + [b"echo:" + frames[-1]])
        return 0
    finally:
        sock.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
