#!/usr/bin/env python3
"""The guide's rrbroker in pyzmq: a ROUTER for the clients, a DEALER for the workers, and a poll
loop switching whole messages between them.

Usage: rrbroker.py
Binds loopback ports the system picks instead of 5559 and 5560, prints
"READY <frontend> <backend>", and brokers until its stdin closes or the deadline passes.
"""
import sys
import time

import zmq

import peer


def main():
    peer.arguments("", 0)
    context = zmq.Context()
    frontend = context.socket(zmq.ROUTER)
    backend = context.socket(zmq.DEALER)
    try:
        for sock in (frontend, backend):
            sock.setsockopt(zmq.LINGER, 0)
            sock.bind("tcp://127.0.0.1:*")
        peer.ready(frontend.getsockopt(zmq.LAST_ENDPOINT).decode() + " " + backend.getsockopt(zmq.LAST_ENDPOINT).decode())
        poller = zmq.Poller()
        poller.register(frontend, zmq.POLLIN)
        poller.register(backend, zmq.POLLIN)
        poller.register(sys.stdin.fileno(), zmq.POLLIN)
        deadline = time.monotonic() + peer.DEADLINE_S
        while time.monotonic() < deadline:
            socks = dict(poller.poll(int((deadline - time.monotonic()) * 1000)))
            if socks.get(frontend) == zmq.POLLIN:
                backend.send_multipart(frontend.recv_multipart())
            if socks.get(backend) == zmq.POLLIN:
                frontend.send_multipart(backend.recv_multipart())
            if sys.stdin.fileno() in socks and sys.stdin.read(1) == "":
                return peer.OK
    finally:
        frontend.close()
        backend.close()
        context.term()
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
