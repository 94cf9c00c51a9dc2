#!/usr/bin/env python3
"""The guide's rrworker in pyzmq: answers "World" to each request from the broker's backend.

Usage: rrworker.py <endpoint> <requests>
Prints "READY" once connected, then the guide's "Received request: [<request>]" per request,
and exits after <requests> (the guide's serves forever; a test needs it to end).
"""
import sys

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <requests>", 2)
    endpoint, requests = args[0], int(args[1])
    with peer.socket(zmq.REP, linger_ms=2000) as socket:
        peer.connect_ready(socket, endpoint)
        for _ in range(requests):
            message = peer.receive(socket, peer.DEADLINE_S * 1000)
            if message is None:
                peer.complain("no request before the deadline")
                return peer.TIMEOUT
            print(f"Received request: [{message[0].decode()}]", flush=True)
            socket.send(b"World")
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
