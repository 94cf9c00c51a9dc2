#!/usr/bin/env python3
"""Asks the aggregator for the latest average of zip codes, as a REQ client (the guide's
hwclient, asking "avg <zip>").

    python3 avg_client.py 10001 10002                    # tcp://127.0.0.1:5558
"""
import argparse

import zmq


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("zips", nargs="+")
    parser.add_argument("--connect", default="tcp://127.0.0.1:5558")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for each reply")
    args = parser.parse_args()

    context = zmq.Context()
    client = context.socket(zmq.REQ)
    client.setsockopt(zmq.LINGER, 0)
    client.connect(args.connect)
    try:
        for zipcode in args.zips:
            client.send_string(f"avg {zipcode}")
            if not client.poll(int(args.timeout * 1000)):
                print(f"no reply within {args.timeout} s: is the aggregator running on {args.connect}?")
                return 1
            print(client.recv_string(), flush=True)
        return 0
    finally:
        client.close()
        context.term()


if __name__ == "__main__":
    raise SystemExit(main())
