#!/usr/bin/env python3
"""libzmq REQ peer: sends "Hello <i>" (i = 0..count-1) and prints each reply.

Usage: req_client.py <endpoint> <count>
Prints "READY" once connected, then one line per reply (frames joined by "|").
Exit codes: 0 all replies received, 2 usage error, 3 a reply took longer than 5 s.
"""
import sys

import zmq

import peer

REPLY_TIMEOUT_MS = 5000


def main():
    args = peer.arguments("<endpoint> <count>", 2)
    endpoint, count = args[0], int(args[1])

    # Every request is answered before we close, so nothing is worth lingering for;
    # on a timeout this keeps ctx.term() from blocking on the unanswered request.
    with peer.socket(zmq.REQ, linger_ms=0) as sock:
        peer.connect_ready(sock, endpoint)
        for i in range(count):
            sock.send_string(f"Hello {i}")
            reply = peer.receive(sock, REPLY_TIMEOUT_MS)
            if reply is None:
                peer.complain(f"no reply to request {i} within {REPLY_TIMEOUT_MS} ms")
                return peer.TIMEOUT
            print(peer.render(reply), flush=True)
        return peer.OK


if __name__ == "__main__":
    sys.exit(main())
