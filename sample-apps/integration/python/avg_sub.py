#!/usr/bin/env python3
"""Prints the averages the aggregator publishes, as a SUB client (the guide's wuclient, on the
averages), filtered by zip code prefixes.

    python3 avg_sub.py                                   # everything, tcp://127.0.0.1:5557
    python3 avg_sub.py 10001 --count 3
"""
import argparse

import zmq


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("zips", nargs="*", help="zip code prefixes to subscribe to (none: everything)")
    parser.add_argument("--connect", default="tcp://127.0.0.1:5557")
    parser.add_argument("--count", type=int, default=0, help="exit after this many averages (0: never)")
    args = parser.parse_args()

    context = zmq.Context()
    subscriber = context.socket(zmq.SUB)
    subscriber.connect(args.connect)
    for prefix in args.zips or [""]:
        subscriber.setsockopt_string(zmq.SUBSCRIBE, prefix)
    received = 0
    try:
        while args.count == 0 or received < args.count:
            print(subscriber.recv_string(), flush=True)
            received += 1
    except KeyboardInterrupt:
        pass
    finally:
        subscriber.close(linger=0)
        context.term()


if __name__ == "__main__":
    main()
