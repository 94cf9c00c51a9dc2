#!/usr/bin/env python3
"""libzmq PULL peer: receives <count> messages and prints them.

Usage: pull_client.py <endpoint>|bind <count>
With "bind" it binds tcp://127.0.0.1:* and prints "READY <endpoint>"; otherwise it
connects to <endpoint> and prints "READY". Then one line per message (frames joined by "|").
Exit codes: 0 all messages received, 2 usage error, 3 deadline passed.
"""
import sys

import zmq

import peer


def main():
    args = peer.arguments("<endpoint>|bind <count>", 2)
    target, count = args[0], int(args[1])

    with peer.socket(zmq.PULL, linger_ms=0) as sock:
        if target == "bind":
            peer.bind_ready(sock)
        else:
            peer.connect_ready(sock, target)
        return peer.print_messages(sock, count, "messages")


if __name__ == "__main__":
    sys.exit(main())
