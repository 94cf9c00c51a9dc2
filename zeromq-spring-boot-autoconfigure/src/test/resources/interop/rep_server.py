#!/usr/bin/env python3
"""libzmq REP peer: echoes <count> requests, prefixing the last frame with b"echo:".

Usage: rep_server.py <count>
Prints "READY <endpoint>" once bound, then one line per request (frames joined by "|").
Exit codes: 0 all requests served, 2 usage error, 3 deadline passed.
"""
import sys

import zmq

import peer


def echo(frames):
    return frames[:-1] + [b"echo:" + frames[-1]]


def main():
    args = peer.arguments("<count>", 1)
    count = int(args[0])

    # Long enough for the final reply to leave before ctx.term(), short enough to stay bounded.
    with peer.socket(zmq.REP, linger_ms=2000) as sock:
        peer.bind_ready(sock)
        return peer.print_messages(sock, count, "requests", reply=echo)


if __name__ == "__main__":
    sys.exit(main())
