#!/usr/bin/env python3
"""libzmq SUB peer: receives <count> messages on <topic> and prints them.

Usage: sub_client.py <endpoint> <topic> <count>   (topic may be "" to receive everything)
Prints "READY" once connected and subscribed, then one line per message (frames joined by "|").
READY does not mean the publisher has seen the subscription yet (ZeroMQ's slow-joiner).
Exit codes: 0 all messages received, 2 usage error, 3 deadline passed.
"""
import sys
import time

import zmq

DEADLINE_S = 30


def render(frames):
    return "|".join(f.decode("utf-8", "replace") for f in frames)


def main():
    if len(sys.argv) != 4:
        print("usage: sub_client.py <endpoint> <topic> <count>", file=sys.stderr)
        return 2
    endpoint, topic, count = sys.argv[1], sys.argv[2].encode("utf-8"), int(sys.argv[3])

    ctx = zmq.Context()
    sock = ctx.socket(zmq.SUB)
    sock.setsockopt(zmq.LINGER, 0)
    try:
        sock.setsockopt(zmq.SUBSCRIBE, topic)
        sock.connect(endpoint)
        print("READY", flush=True)

        deadline = time.monotonic() + DEADLINE_S
        for received in range(count):
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0 or not sock.poll(remaining_ms, zmq.POLLIN):
                print(f"sub_client: timeout after {received} of {count} messages", file=sys.stderr, flush=True)
                return 3
            print(render(sock.recv_multipart()), flush=True)
        return 0
    finally:
        sock.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
