#!/usr/bin/env python3
"""libzmq SUB peer: receives <count> messages on <topic> and prints them.

Usage: sub_client.py <endpoint> <topic> <count>   (topic may be "" to receive everything)
Prints "READY" once connected and subscribed, then one line per message (frames joined by "|").
READY does not mean the publisher has seen the subscription yet (ZeroMQ's slow-joiner).
Exit codes: 0 all messages received, 2 usage error, 3 deadline passed.
"""
import sys

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <topic> <count>", 3)
    endpoint, topic, count = args[0], args[1].encode("utf-8"), int(args[2])

    with peer.socket(zmq.SUB, linger_ms=0) as sock:
        sock.setsockopt(zmq.SUBSCRIBE, topic)
        peer.connect_ready(sock, endpoint)
        return peer.print_messages(sock, count, "messages")


if __name__ == "__main__":
    sys.exit(main())
