#!/usr/bin/env python3
"""The guide's wuclient in pyzmq: subscribes to one zip code and averages its temperatures.

Usage: wuclient.py <endpoint> <zip> <updates>
Subscribes to "<zip> " as the guide's Java and C clients do, prints "READY" once connected,
then the guide's "Average temperature for zipcode '<zip>' was <n>F" after <updates> updates.
Exit codes: 0 done, 2 usage error, 3 the updates did not come before the deadline.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<endpoint> <zip> <updates>", 3)
    endpoint, zip_filter, updates = args[0], args[1], int(args[2])
    with peer.socket(zmq.SUB, linger_ms=0) as socket:
        socket.setsockopt_string(zmq.SUBSCRIBE, zip_filter + " ")
        peer.connect_ready(socket, endpoint)
        deadline = time.monotonic() + peer.DEADLINE_S
        total_temp = 0
        for update in range(updates):
            message = peer.receive(socket, int((deadline - time.monotonic()) * 1000))
            if message is None:
                peer.complain(f"only {update} of {updates} updates before the deadline")
                return peer.TIMEOUT
            zipcode, temperature, relhumidity = message[0].decode().split()
            total_temp += int(temperature)
        print(f"Average temperature for zipcode '{zip_filter}' was {int(total_temp / updates)}F", flush=True)
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
