#!/usr/bin/env python3
"""The ZeroMQ guide's weather server (wuserver), with the zip code range as an option so that a
demo does not have to wait for one update in 100 000 to hit a followed zip code.

Publishes "%05d %d %d" (zip code, temperature, relative humidity) updates on a PUB socket, as
fast as it can, until interrupted (or until --count updates).

    python3 wuserver.py                                  # zip codes 10000-10009, tcp://127.0.0.1:5556
    python3 wuserver.py --lowest 0 --highest 99999       # the guide's own range
"""
import argparse
import random

import zmq


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bind", default="tcp://127.0.0.1:5556")
    parser.add_argument("--lowest", type=int, default=10000)
    parser.add_argument("--highest", type=int, default=10009)
    parser.add_argument("--count", type=int, default=0, help="stop after this many updates (0: never)")
    args = parser.parse_args()

    context = zmq.Context()
    publisher = context.socket(zmq.PUB)
    publisher.bind(args.bind)
    print(f"publishing weather updates for zip codes {args.lowest:05d}-{args.highest:05d} on {args.bind}", flush=True)
    sent = 0
    try:
        while args.count == 0 or sent < args.count:
            zipcode = random.randrange(args.lowest, args.highest + 1)
            temperature = random.randrange(-80, 135)
            humidity = random.randrange(10, 60)
            publisher.send_string(f"{zipcode:05d} {temperature} {humidity}")
            sent += 1
    except KeyboardInterrupt:
        pass
    finally:
        print(f"sent {sent} updates", flush=True)
        publisher.close(linger=0)
        context.term()


if __name__ == "__main__":
    main()
