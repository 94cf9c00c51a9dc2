#!/usr/bin/env python3
"""libzmq PUSH peer: sends "task-<i>" (i = 0..count-1) and exits once they are delivered.

Usage: push_client.py <endpoint> <count>
Prints "READY" once connected and "SENT <count>" once every message is queued.
Exit codes: 0 sent, 2 usage error, 3 a send stayed blocked for 30 s (no puller, queue full).
"""
import sys

import zmq

import peer

SEND_TIMEOUT_MS = 30000


def main():
    args = peer.arguments("<endpoint> <count>", 2)
    endpoint, count = args[0], int(args[1])

    # We exit right after queuing: linger lets ctx.term() wait (bounded) until the puller has them.
    with peer.socket(zmq.PUSH, linger_ms=5000) as sock:
        sock.setsockopt(zmq.SNDTIMEO, SEND_TIMEOUT_MS)
        peer.connect_ready(sock, endpoint)
        for i in range(count):
            try:
                sock.send_string(f"task-{i}")
            except zmq.Again:
                peer.complain(f"send {i} blocked for {SEND_TIMEOUT_MS} ms")
                sock.setsockopt(zmq.LINGER, 0)
                return peer.TIMEOUT
        print(f"SENT {count}", flush=True)
        return peer.OK


if __name__ == "__main__":
    sys.exit(main())
