#!/usr/bin/env python3
"""libzmq PUSH peer: sends "task-<i>" (i = 0..count-1) and exits once they are delivered.

Usage: push_client.py <endpoint> <count>
Prints "READY" once connected and "SENT <count>" once every message is queued.
Exit codes: 0 sent, 2 usage error, 3 a send stayed blocked for 30 s (no puller, queue full).
"""
import sys

import zmq

SEND_TIMEOUT_MS = 30000


def main():
    if len(sys.argv) != 3:
        print("usage: push_client.py <endpoint> <count>", file=sys.stderr)
        return 2
    endpoint, count = sys.argv[1], int(sys.argv[2])

    ctx = zmq.Context()
    sock = ctx.socket(zmq.PUSH)
    # We exit right after queuing: linger lets ctx.term() wait (bounded) until the puller has them.
    sock.setsockopt(zmq.LINGER, 5000)
    sock.setsockopt(zmq.SNDTIMEO, SEND_TIMEOUT_MS)
    try:
        sock.connect(endpoint)
        print("READY", flush=True)
        for i in range(count):
            try:
                sock.send_string(f"task-{i}")
            except zmq.Again:
                print(f"push_client: send {i} blocked for {SEND_TIMEOUT_MS} ms", file=sys.stderr, flush=True)
                sock.setsockopt(zmq.LINGER, 0)
                return 3
        print(f"SENT {count}", flush=True)
        return 0
    finally:
        sock.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
