#!/usr/bin/env python3
"""The guide's wuserver in pyzmq: publishes "%05d %d %d" weather updates for random zip codes.

Usage: wuserver.py <lowest-zip> <highest-zip> [garbage-zip]
Binds a loopback port the system picks instead of 5556, prints "READY <endpoint>", and publishes
until its stdin closes or the deadline passes. With a garbage zip, every tenth update is
"<garbage-zip> hot humid", which no client can average: a client of that zip meets one in any ten
updates, so one that reads 20 samples always meets one.
"""
import random
import select
import sys
import time

import zmq

import peer


def stdin_closed():
    readable, _, _ = select.select([sys.stdin], [], [], 0)
    return bool(readable) and sys.stdin.read(1) == ""


def main():
    args = peer.arguments("<lowest-zip> <highest-zip> [garbage-zip]", 2, 3)
    lowest, highest = int(args[0]), int(args[1])
    garbage = int(args[2]) if len(args) == 3 else None
    with peer.socket(zmq.PUB, linger_ms=0) as socket:
        peer.bind_ready(socket)
        deadline = time.monotonic() + peer.DEADLINE_S
        sent = 0
        while time.monotonic() < deadline:
            zipcode = random.randint(lowest, highest)
            if garbage is not None and sent % 10 == 9:
                socket.send_string(f"{garbage:05d} hot humid")
            else:
                socket.send_string(f"{zipcode:05d} {random.randrange(-80, 135)} {random.randrange(10, 60)}")
            sent += 1
            if sent % 100 == 0:
                if stdin_closed():
                    return peer.OK
                # As fast as the guide's would be, but leaving the machine to the tests.
                time.sleep(0.001)
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
