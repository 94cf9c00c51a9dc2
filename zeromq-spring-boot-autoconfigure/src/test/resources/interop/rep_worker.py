#!/usr/bin/env python3
"""libzmq REP worker that connects, as the guide's rrworker does: answers <count> requests with
"World".

Usage: rep_worker.py <endpoint> <count>
Prints "READY" once connected, then one line per request (frames joined by "|").
Exit codes: 0 all requests served, 2 usage error, 3 deadline passed.
"""
import sys

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <count>", 2)
    endpoint, count = args[0], int(args[1])

    # Long enough for the final reply to leave before ctx.term(), short enough to stay bounded.
    with peer.socket(zmq.REP, linger_ms=2000) as sock:
        peer.connect_ready(sock, endpoint)
        return peer.print_messages(sock, count, "requests", reply=lambda frames: [b"World"])


if __name__ == "__main__":
    sys.exit(main())
