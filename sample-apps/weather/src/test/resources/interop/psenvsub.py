#!/usr/bin/env python3
"""The guide's psenvsub in pyzmq: subscribes to the key "B" and prints each message.

Usage: psenvsub.py <endpoint> <messages>
Prints "READY" once connected, then the guide's "[B] We would like to see this" per message,
and exits after <messages>.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <messages>", 2)
    endpoint, messages = args[0], int(args[1])
    with peer.socket(zmq.SUB, linger_ms=0) as socket:
        socket.setsockopt(zmq.SUBSCRIBE, b"B")
        peer.connect_ready(socket, endpoint)
        deadline = time.monotonic() + peer.DEADLINE_S
        for received in range(messages):
            message = peer.receive(socket, int((deadline - time.monotonic()) * 1000))
            if message is None:
                peer.complain(f"only {received} of {messages} messages before the deadline")
                return peer.TIMEOUT
            address, contents = message
            print(f"[{address.decode()}] {contents.decode()}", flush=True)
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
