#!/usr/bin/env python3
"""libzmq REQ peer: sends "Hello <i>" (i = 0..count-1) and prints each reply.

Usage: req_client.py <endpoint> <count>
Prints "READY" once connected, then one line per reply (frames joined by "|").
Exit codes: 0 all replies received, 2 usage error, 3 a reply took longer than 5 s.
"""
import sys

import zmq

REPLY_TIMEOUT_MS = 5000


def render(frames):
    return "|".join(f.decode("utf-8", "replace") for f in frames)


def main():
    if len(sys.argv) != 3:
        print("usage: req_client.py <endpoint> <count>", file=sys.stderr)
        return 2
    endpoint, count = sys.argv[1], int(sys.argv[2])

    ctx = zmq.Context()
    sock = ctx.socket(zmq.REQ)
    # Every request is answered before we close, so nothing is worth lingering for;
    # on a timeout this keeps ctx.term() from blocking on the unanswered request.
    sock.setsockopt(zmq.LINGER, 0)
    try:
        sock.connect(endpoint)
        print("READY", flush=True)
        for i in range(count):
            sock.send_string(f"Hello {i}")
            if not sock.poll(REPLY_TIMEOUT_MS, zmq.POLLIN):
                print(f"req_client: no reply to request {i} within {REPLY_TIMEOUT_MS} ms",
                      file=sys.stderr, flush=True)
                return 3
            print(render(sock.recv_multipart()), flush=True)
        return 0
    finally:
        sock.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
