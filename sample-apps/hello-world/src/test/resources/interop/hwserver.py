#!/usr/bin/env python3
"""The guide's hwserver in pyzmq: a REP socket answers "World" to each request.

Usage: hwserver.py <requests>
Binds a loopback port the system picks instead of 5555, prints "READY <endpoint>", then
"Received request: [<request>]" per request as the guide does, and exits after <requests>
(the guide's serves forever; a test needs it to end).
"""
import sys
import time

import zmq

import peer


def main():
    requests = int(peer.arguments("<requests>", 1)[0])
    with peer.socket(zmq.REP, linger_ms=2000) as socket:
        peer.bind_ready(socket)
        deadline = time.monotonic() + peer.DEADLINE_S
        for _ in range(requests):
            message = peer.receive(socket, int((deadline - time.monotonic()) * 1000))
            if message is None:
                peer.complain("no request before the deadline")
                return peer.TIMEOUT
            print(f"Received request: [{message[0].decode()}]", flush=True)
            socket.send_string("World")
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
