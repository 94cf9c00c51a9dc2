#!/usr/bin/env python3
"""The guide's psenvpub in pyzmq: publishes [A][We don't want to see this] and
[B][We would like to see this], then waits, again and again.

Usage: psenvpub.py <interval-ms> [unkeyed]
With "unkeyed", also a one-frame message "B without an envelope" each time, which has no key frame.
Binds a loopback port the system picks instead of 5563, prints "READY <endpoint>", and publishes
until its stdin closes or the deadline passes.
"""
import select
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<interval-ms> [unkeyed]", 1, 2)
    interval, unkeyed = int(args[0]) / 1000, len(args) == 2
    with peer.socket(zmq.PUB, linger_ms=0) as socket:
        peer.bind_ready(socket)
        deadline = time.monotonic() + peer.DEADLINE_S
        while time.monotonic() < deadline:
            socket.send_multipart([b"A", b"We don't want to see this"])
            socket.send_multipart([b"B", b"We would like to see this"])
            if unkeyed:
                socket.send(b"B without an envelope")
            readable, _, _ = select.select([sys.stdin], [], [], interval)
            if readable and sys.stdin.read(1) == "":
                return peer.OK
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
