#!/usr/bin/env python3
"""The guide's taskwork2 in pyzmq: takes tasks, "works" their workload in milliseconds, sends
each result to the sink, and exits on any message from the sink's control socket.

Usage: taskwork2.py <tasks-endpoint> <results-endpoint> <control-endpoint> [empty]
Sends the workload back as its result, as the guide's Python worker does; with "empty", an empty
frame, as the guide's C and Java workers do. Prints "READY" once connected, then one line per task
(its workload), then "KILL" when killed.
"""
import sys
import time

import zmq

import peer


def main():
    args = peer.arguments("<tasks-endpoint> <results-endpoint> <control-endpoint> [empty]", 3, 4)
    tasks_endpoint, results_endpoint, control_endpoint, empty = args[0], args[1], args[2], len(args) == 4
    ctx = zmq.Context()
    receiver = ctx.socket(zmq.PULL)
    sender = ctx.socket(zmq.PUSH)
    controller = ctx.socket(zmq.SUB)
    try:
        for sock in (receiver, sender, controller):
            sock.setsockopt(zmq.LINGER, 2000)
        receiver.connect(tasks_endpoint)
        sender.connect(results_endpoint)
        controller.connect(control_endpoint)
        controller.setsockopt(zmq.SUBSCRIBE, b"")
        peer.ready()
        poller = zmq.Poller()
        poller.register(receiver, zmq.POLLIN)
        poller.register(controller, zmq.POLLIN)
        deadline = time.monotonic() + peer.DEADLINE_S
        while time.monotonic() < deadline:
            socks = dict(poller.poll(int((deadline - time.monotonic()) * 1000)))
            if socks.get(receiver) == zmq.POLLIN:
                message = receiver.recv_string()
                time.sleep(int(message) / 1000.0)
                sender.send(b"" if empty else message.encode())
                print(message, flush=True)
            # Any waiting controller command acts as 'KILL'
            if socks.get(controller) == zmq.POLLIN:
                print("KILL", flush=True)
                return peer.OK
        peer.complain("no KILL before the deadline")
        return peer.TIMEOUT
    finally:
        receiver.close()
        sender.close()
        controller.close()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
