#!/usr/bin/env python3
"""The guide's tasksink2 in pyzmq: waits for the start of the batch, collects <tasks> results,
prints the elapsed time and sends KILL to the workers.

Usage: tasksink2.py <tasks> <workers>
Binds loopback ports the system picks instead of 5558 (results) and 5559 (control) and prints
"READY <results-endpoint> <control-endpoint>"; prints "SUBSCRIBED" once <workers> workers have
connected to the control socket (so a test knows the KILL will reach them), then the guide's ":"
and "." progress and "Total elapsed time: <n> msec".
"""
import sys
import time

import zmq
from zmq.utils.monitor import recv_monitor_message

import peer


def await_subscribers(controller, monitor, workers, deadline):
    """Waits until <workers> peers completed the handshake with the control socket: each one's
    subscription follows its handshake on the same connection."""
    try:
        joined = 0
        while joined < workers:
            if not monitor.poll(max(0, int((deadline - time.monotonic()) * 1000))):
                return False
            if recv_monitor_message(monitor)["event"] == zmq.EVENT_HANDSHAKE_SUCCEEDED:
                joined += 1
        return True
    finally:
        controller.disable_monitor()
        monitor.close()


def main():
    args = peer.arguments("<tasks> <workers>", 2)
    tasks, workers = int(args[0]), int(args[1])
    ctx = zmq.Context()
    receiver = ctx.socket(zmq.PULL)
    controller = ctx.socket(zmq.PUB)
    try:
        receiver.setsockopt(zmq.LINGER, 0)
        controller.setsockopt(zmq.LINGER, 2000)
        receiver.bind("tcp://127.0.0.1:*")
        controller.bind("tcp://127.0.0.1:*")
        # Watched before anyone can know the endpoint, so that no worker's handshake goes unseen.
        monitor = controller.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
        peer.ready(receiver.getsockopt(zmq.LAST_ENDPOINT).decode() + " " + controller.getsockopt(zmq.LAST_ENDPOINT).decode())
        deadline = time.monotonic() + peer.DEADLINE_S
        if not await_subscribers(controller, monitor, workers, deadline):
            peer.complain("the workers did not all connect before the deadline")
            return peer.TIMEOUT
        print("SUBSCRIBED", flush=True)
        # Wait for start of batch
        if peer.receive(receiver, int((deadline - time.monotonic()) * 1000)) is None:
            peer.complain("no start of batch before the deadline")
            return peer.TIMEOUT
        tstart = time.time()
        progress = ""
        for task_nbr in range(tasks):
            if peer.receive(receiver, int((deadline - time.monotonic()) * 1000)) is None:
                peer.complain(f"only {task_nbr} of {tasks} results before the deadline")
                return peer.TIMEOUT
            progress += ":" if task_nbr % 10 == 0 else "."
        print(progress, flush=True)
        print("Total elapsed time: %d msec" % ((time.time() - tstart) * 1000), flush=True)
        controller.send(b"KILL")
    finally:
        receiver.close()
        controller.close()
        ctx.term()
    return peer.OK


if __name__ == "__main__":
    sys.exit(main())
