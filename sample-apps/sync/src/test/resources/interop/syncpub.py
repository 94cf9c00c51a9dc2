#!/usr/bin/env python3
"""The guide's syncpub in pyzmq: waits for <subscribers> synchronization requests, then
broadcasts <updates> "Rhubarb" and "END".

Usage: syncpub.py <subscribers> <updates>
Binds loopback ports the system picks instead of 5561 (PUB) and 5562 (REP) and prints
"READY <publisher> <sync>", then the guide's "+1 subscriber (n/N)" per subscriber.

One change to the guide's program: the publisher is an XPUB that also waits until it has seen a
subscription from each subscriber before it publishes. The guide's syncsub sleeps a second before
it synchronizes, because its subscription travels on another connection than its sync request and
can arrive after it; a subscriber that does not sleep (the starter's sample waits for the
handshake instead) would otherwise lose whatever is published before its subscription arrives.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<subscribers> <updates>", 2)
    expected, updates = int(args[0]), int(args[1])
    context = zmq.Context()
    publisher = context.socket(zmq.XPUB)
    # every subscriber's subscription, not only the first one to a topic
    publisher.setsockopt(zmq.XPUB_VERBOSE, 1)
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
        subscriptions = 0
        poller = zmq.Poller()
        poller.register(syncservice, zmq.POLLIN)
        poller.register(publisher, zmq.POLLIN)
        while subscribers < expected or subscriptions < expected:
            left_ms = int((deadline - time.monotonic()) * 1000)
            ready = dict(poller.poll(max(0, left_ms))) if left_ms > 0 else {}
            if not ready:
                peer.complain(f"{subscribers} of {expected} synchronizations and {subscriptions} subscriptions before the deadline")
                return peer.TIMEOUT
            if publisher in ready:
                # XPUB passes each new subscription up as [1][topic]
                if publisher.recv()[:1] == b"\x01":
                    subscriptions += 1
            if syncservice in ready:
                syncservice.recv()
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
