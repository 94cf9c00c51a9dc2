#!/usr/bin/env python3
"""The guide's syncpub in pyzmq: waits for <subscribers> synchronization requests, then
broadcasts <updates> "Rhubarb" and "END".

Usage: syncpub.py <subscribers> <updates>
Binds loopback ports the system picks instead of 5561 (PUB) and 5562 (REP) and prints
"READY <publisher> <sync>", then the guide's "+1 subscriber (n/N)" per subscriber.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<subscribers> <updates>", 2)
    expected, updates = int(args[0]), int(args[1])
    context = zmq.Context()
    publisher = context.socket(zmq.PUB)
    syncservice = context.socket(zmq.REP)
    try:
        # set SNDHWM, so we don't drop messages for slow subscribers
        publisher.sndhwm = 1100000
        # The guide lingers 10 s; a subscriber on a loaded machine may need longer to read the
        # rest, so the publisher waits as long as its peers wait for anything (then gives up).
        publisher.setsockopt(zmq.LINGER, peer.DEADLINE_S * 1000)
        syncservice.setsockopt(zmq.LINGER, 1000)
        publisher.bind("tcp://127.0.0.1:*")
        syncservice.bind("tcp://127.0.0.1:*")
        peer.ready(publisher.getsockopt(zmq.LAST_ENDPOINT).decode() + " " + syncservice.getsockopt(zmq.LAST_ENDPOINT).decode())
        deadline = time.monotonic() + peer.DEADLINE_S
        subscribers = 0
        while subscribers < expected:
            if peer.receive(syncservice, int((deadline - time.monotonic()) * 1000)) is None:
                peer.complain(f"only {subscribers} of {expected} subscribers before the deadline")
                return peer.TIMEOUT
            syncservice.send(b"")
            subscribers += 1
            print(f"+1 subscriber ({subscribers}/{expected})", flush=True)
        for _ in range(updates):
            publisher.send(b"Rhubarb")
        publisher.send(b"END")
    finally:
        publisher.close()
        syncservice.close()
        context.term()
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
