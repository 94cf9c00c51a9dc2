#!/usr/bin/env python3
"""libzmq REP service that runs until stopped: answers every request with b"re:" + its last frame,
after <delay_ms>, and prints each request's last frame as one line.

Usage: rep_service.py <endpoint> <delay_ms>
<endpoint> is what to bind: tcp://127.0.0.1:* the first time, the port it printed when started
again after a kill. Prints "READY <endpoint>" once bound. Ends when stdin closes, or at the deadline.
"""
import select
import sys
import time

import zmq

import peer


def bind(sock, endpoint):
    # After a kill -9 the old listening socket is gone at once (SO_REUSEADDR), but retry briefly anyway.
    deadline = time.monotonic() + 10
    while True:
        try:
            sock.bind(endpoint)
            return
        except zmq.ZMQError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main():
    args = peer.arguments("<endpoint> <delay_ms>", 2)
    endpoint, delay = args[0], int(args[1]) / 1000.0
    with peer.socket(zmq.REP, linger_ms=0) as sock:
        bind(sock, endpoint)
        peer.ready(sock.getsockopt(zmq.LAST_ENDPOINT).decode())
        deadline = time.monotonic() + peer.DEADLINE_S
        while time.monotonic() < deadline:
            if select.select([sys.stdin], [], [], 0)[0] and not sys.stdin.readline():
                return peer.OK
            frames = peer.receive(sock, 100)
            if frames is None:
                continue
            print(frames[-1].decode("utf-8", "replace"), flush=True)
            if delay:
                time.sleep(delay)
            sock.send_multipart([b"re:" + frames[-1]])
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
