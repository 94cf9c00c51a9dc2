#!/usr/bin/env python3
"""The guide's syncsub in pyzmq: connects its subscriber, synchronizes with the publisher over
REQ/REP, then counts updates until "END".

Usage: syncsub.py <publisher-endpoint> <sync-endpoint>
Where the guide sleeps a second before synchronizing, waits until its SUB socket's handshake with
the publisher is done (its subscription follows at once). Prints "READY" once connected, then the
guide's "Received <n> updates".
"""
import sys
import time

import zmq
from zmq.utils.monitor import recv_monitor_message

import peer


def main():
    args = peer.arguments("<publisher-endpoint> <sync-endpoint>", 2)
    publisher_endpoint, sync_endpoint = args[0], args[1]
    context = zmq.Context()
    subscriber = context.socket(zmq.SUB)
    syncclient = context.socket(zmq.REQ)
    try:
        for sock in (subscriber, syncclient):
            sock.setsockopt(zmq.LINGER, 0)
        deadline = time.monotonic() + peer.DEADLINE_S
        # First, connect our subscriber socket
        monitor = subscriber.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
        subscriber.connect(publisher_endpoint)
        subscriber.setsockopt(zmq.SUBSCRIBE, b"")
        peer.ready()
        while True:
            if not monitor.poll(max(0, int((deadline - time.monotonic()) * 1000))):
                peer.complain("no handshake with the publisher before the deadline")
                return peer.TIMEOUT
            if recv_monitor_message(monitor)["event"] == zmq.EVENT_HANDSHAKE_SUCCEEDED:
                break
        subscriber.disable_monitor()
        monitor.close()
        # Second, synchronize with publisher
        syncclient.connect(sync_endpoint)
        syncclient.send(b"")
        if peer.receive(syncclient, int((deadline - time.monotonic()) * 1000)) is None:
            peer.complain("no synchronization reply before the deadline")
            return peer.TIMEOUT
        # Third, get our updates and report how many we got
        nbr = 0
        while True:
            message = peer.receive(subscriber, int((deadline - time.monotonic()) * 1000))
            if message is None:
                peer.complain(f"no END before the deadline, after {nbr} updates")
                return peer.TIMEOUT
            if message[0] == b"END":
                break
            nbr += 1
        print(f"Received {nbr} updates", flush=True)
    finally:
        subscriber.close()
        syncclient.close()
        context.term()
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
