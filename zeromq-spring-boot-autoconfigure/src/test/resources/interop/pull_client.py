#!/usr/bin/env python3
"""libzmq PULL peer: receives <count> messages and prints them.

Usage: pull_client.py <endpoint>|bind <count>
With "bind" it binds tcp://127.0.0.1:* and prints "READY <endpoint>"; otherwise it
connects to <endpoint> and prints "READY". Then one line per message (frames joined by "|").
Exit codes: 0 all messages received, 2 usage error, 3 deadline passed.
"""
import sys
import time

import zmq

DEADLINE_S = 30


def render(frames):
    return "|".join(f.decode("utf-8", "replace") for f in frames)


def main():
    if len(sys.argv) != 3:
        print("usage: pull_client.py <endpoint>|bind <count>", file=sys.stderr)
        return 2
    target, count = sys.argv[1], int(sys.argv[2])

    ctx = zmq.Context()
    sock = ctx.socket(zmq.PULL)
    sock.setsockopt(zmq.LINGER, 0)
    try:
        if target == "bind":
            sock.bind("tcp://127.0.0.1:*")
            print("READY " + sock.getsockopt(zmq.LAST_ENDPOINT).decode(), flush=True)
        else:
            sock.connect(target)
            print("READY", flush=True)

        deadline = time.monotonic() + DEADLINE_S
        for received in range(count):
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0 or not sock.poll(remaining_ms, zmq.POLLIN):
                print(f"pull_client: timeout after {received} of {count} messages", file=sys.stderr, flush=True)
                return 3
            print(render(sock.recv_multipart()), flush=True)
        return 0
    finally:
        sock.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
