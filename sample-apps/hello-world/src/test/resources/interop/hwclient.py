#!/usr/bin/env python3
"""The guide's hwclient in pyzmq: a REQ socket sends "Hello" and waits for each reply.

Usage: hwclient.py <endpoint> <requests>
Prints "READY" once connected, then "Received reply <i> [<reply>]" per reply as the guide does.
Exit codes: 0 every reply came, 2 usage error, 3 a reply did not come before the deadline.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <requests>", 2)
    endpoint, requests = args[0], int(args[1])
    with peer.socket(zmq.REQ, linger_ms=0) as socket:
        peer.connect_ready(socket, endpoint)
        deadline = time.monotonic() + peer.DEADLINE_S
        for request in range(requests):
            socket.send_string("Hello")
            message = peer.receive(socket, int((deadline - time.monotonic()) * 1000))
            if message is None:
                peer.complain(f"no reply to request {request}")
                return peer.TIMEOUT
            print(f"Received reply {request} [{message[0].decode()}]", flush=True)
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
