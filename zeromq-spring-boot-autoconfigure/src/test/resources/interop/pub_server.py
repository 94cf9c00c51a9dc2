#!/usr/bin/env python3
"""libzmq PUB peer driven over stdin, so the test decides when publishing starts and stops.

Usage: pub_server.py <topic> <count> [<warm-up topic>]
Binds tcp://127.0.0.1:*, prints "READY <endpoint>", then waits (30 s) for a stdin line "GO".
With a warm-up topic it publishes [warm-up topic]["ping"] every 20 ms while it waits, so a
subscriber that cannot watch its own connection (a listener) can say GO once a ping arrived:
the subscription has then surely reached this publisher.
Publishes <count> messages [topic]["msg-<i>"] (i = 0..count-1), each preceded by a noise
message ["other"]["other-<i>"] that a subscriber to <topic> must filter out (noise is skipped
when <topic> is a prefix of "other", e.g. "", because a subscriber could not filter it).
Prints "PUBLISHED <count>", then keeps the socket open until stdin says "STOP", reaches EOF,
or 30 s pass.
Exit codes: 0 published, 2 usage error, 3 no "GO" (EOF or 30 s).
"""
import os
import select
import sys
import time

import zmq

import peer

NOISE_TOPIC = b"other"


class StdinLines:
    """Line reader with a timeout on the raw fd: sys.stdin's own buffer would hide
    already-read lines from select(), e.g. when "GO" and "STOP" arrive together."""

    def __init__(self):
        self._buf = b""
        self.eof = False

    def read(self, timeout_s):
        """Returns the next line, or None on EOF (self.eof set) or timeout."""
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self._buf:
            if self.eof:
                line, self._buf = self._buf, b""
                return line.decode("utf-8", "replace").strip() if line else None
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([0], [], [], remaining)[0]:
                return None
            chunk = os.read(0, 4096)
            if chunk:
                self._buf += chunk
            else:
                self.eof = True
        line, self._buf = self._buf.split(b"\n", 1)
        return line.decode("utf-8", "replace").strip()


def wait_for(stdin, word, tick=None, tick_s=0.02):
    """Waits for a stdin line; calls tick() every tick_s seconds meanwhile, if given."""
    deadline = time.monotonic() + peer.DEADLINE_S
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        line = stdin.read(min(remaining, tick_s) if tick else remaining)
        if line is None:
            if stdin.eof:
                return False
            if tick:
                tick()
            continue
        if line == word:
            return True


def main():
    args = peer.arguments("<topic> <count> [<warm-up topic>]", 2, 3)
    topic, count = args[0].encode("utf-8"), int(args[1])
    warmup = args[2].encode("utf-8") if len(args) == 3 else None
    noise = not NOISE_TOPIC.startswith(topic)

    with peer.socket(zmq.PUB, linger_ms=1000) as sock:
        peer.bind_ready(sock)

        stdin = StdinLines()
        ping = (lambda: sock.send_multipart([warmup, b"ping"])) if warmup else None
        if not wait_for(stdin, "GO", tick=ping):
            reason = "stdin closed" if stdin.eof else f"{peer.DEADLINE_S} s passed"
            peer.complain(f"no GO received ({reason})")
            return peer.TIMEOUT
        for i in range(count):
            if noise:
                sock.send_multipart([NOISE_TOPIC, f"other-{i}".encode()])
            sock.send_multipart([topic, f"msg-{i}".encode()])
        print(f"PUBLISHED {count}", flush=True)

        # Stay connected so the subscriber can drain; STOP, EOF and timeout all end it.
        wait_for(stdin, "STOP")
        return peer.OK


if __name__ == "__main__":
    sys.exit(main())
