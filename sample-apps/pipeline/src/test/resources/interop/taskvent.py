#!/usr/bin/env python3
"""The guide's taskvent in pyzmq: sends "0" to the sink to start the batch, then <tasks>
workloads of 1 to <max-workload> milliseconds as decimal strings to the workers.

Usage: taskvent.py <sink-endpoint> <tasks> <max-workload> [garbage]
Binds a loopback port the system picks for the workers instead of 5557 and prints
"READY <endpoint>"; then waits for a line on stdin, as the guide waits for Enter once the
workers are up. With "garbage", one more task "soon", which no worker can read.
"""
import random
import sys

import zmq

import peer


def main():
    args = peer.arguments("<sink-endpoint> <tasks> <max-workload> [garbage]", 3, 4)
    sink_endpoint, tasks, max_workload, garbage = args[0], int(args[1]), int(args[2]), len(args) == 4
    ctx = zmq.Context()
    sender = ctx.socket(zmq.PUSH)
    sink = ctx.socket(zmq.PUSH)
    try:
        for sock in (sender, sink):
            sock.setsockopt(zmq.LINGER, 5000)
        sender.bind("tcp://127.0.0.1:*")
        sink.connect(sink_endpoint)
        peer.ready(sender.getsockopt(zmq.LAST_ENDPOINT).decode())
        if sys.stdin.readline() == "":
            return peer.OK
        print("Sending tasks to workers...", flush=True)
        sink.send(b"0")
        total_msec = 0
        if garbage:
            sender.send_string("soon")
        for _ in range(tasks):
            workload = random.randint(1, max_workload)
            total_msec += workload
            sender.send_string(f"{workload}")
        print(f"Total expected cost: {total_msec} msec", flush=True)
    finally:
        sender.close()
        sink.close()
        ctx.term()
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
