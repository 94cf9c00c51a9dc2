"""What every interop peer script does the same way: reads its arguments, owns one socket on a
context of its own, says READY, prints each message it gets as one line (frames joined by "|")
and gives up at a deadline rather than hang the test that runs it.

The scripts import it as a sibling module, so PythonZmqPeer copies it next to the script it runs.
"""
import contextlib
import os
import sys
import time

import zmq

OK = 0
USAGE = 2
TIMEOUT = 3

# Longer than any wait on the Java side, so that a failing test reports first, with this script's
# output; a script nobody stops still ends on its own.
DEADLINE_S = 30

SCRIPT = os.path.basename(sys.argv[0])


def arguments(usage, *counts):
    """The command-line arguments; with a number of them not in counts, exits with USAGE after
    printing the usage line."""
    args = sys.argv[1:]
    if len(args) not in counts:
        print(f"usage: {SCRIPT} {usage}", file=sys.stderr)
        sys.exit(USAGE)
    return args


def complain(message):
    """Says on stderr why the script is about to fail; PythonZmqPeer shows stderr in a failed test."""
    print(f"{os.path.splitext(SCRIPT)[0]}: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def socket(kind, linger_ms):
    """A socket of kind on a context of its own, both closed on the way out, however it goes.
    Linger is the script's own choice: it bounds how long ctx.term() waits for unsent messages."""
    ctx = zmq.Context()
    sock = ctx.socket(kind)
    sock.setsockopt(zmq.LINGER, linger_ms)
    try:
        yield sock
    finally:
        sock.close()
        ctx.term()


def ready(info=None):
    print("READY" if info is None else "READY " + info, flush=True)


def bind_ready(sock):
    """Binds a loopback port the system picks and says READY with the endpoint it got."""
    sock.bind("tcp://127.0.0.1:*")
    ready(sock.getsockopt(zmq.LAST_ENDPOINT).decode())


def connect_ready(sock, endpoint):
    sock.connect(endpoint)
    ready()


def render(frames):
    return "|".join(f.decode("utf-8", "replace") for f in frames)


def receive(sock, timeout_ms):
    """The frames of the next message, or None when none arrives within timeout_ms."""
    if timeout_ms <= 0 or not sock.poll(timeout_ms, zmq.POLLIN):
        return None
    return sock.recv_multipart()


def print_messages(sock, count, noun, reply=None):
    """Receives count messages within DEADLINE_S and prints each; reply(frames), if given, makes
    the frames sent back after each one. Returns the exit code."""
    deadline = time.monotonic() + DEADLINE_S
    for received in range(count):
        frames = receive(sock, int((deadline - time.monotonic()) * 1000))
        if frames is None:
            complain(f"timeout after {received} of {count} {noun}")
            return TIMEOUT
        print(render(frames), flush=True)
        if reply:
            sock.send_multipart(reply(frames))
    return OK
