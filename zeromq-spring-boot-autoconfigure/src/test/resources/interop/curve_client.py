#!/usr/bin/env python3
"""libzmq CURVE REQ peer: loads its keys from czmq certificate files, sends "Hello <i>"
(i = 0..count-1) and prints each reply.

Usage: curve_client.py <endpoint> <server public certificate> <own secret certificate> <count> [routing id length]
With a routing id length, the socket's routing id is that many bytes, which the handshake's
INITIATE carries as metadata.
Prints "READY" once connected, then one line per reply, and "REFUSED <status>" if the server's
ZAP handler refuses the client's key.
Exit codes: 0 all replies received, 2 usage error, 3 a reply took longer than 5 s, 4 refused.
"""
import sys

import zmq
import zmq.auth
from zmq.utils.monitor import recv_monitor_message

import peer

REPLY_TIMEOUT_MS = 5000
REFUSED = 4


def main():
    args = peer.arguments("<endpoint> <server public certificate> <own secret certificate> <count> "
                          "[routing id length]", 4, 5)
    endpoint, server_cert, own_cert, count = args[0], args[1], args[2], int(args[3])
    server_public, _ = zmq.auth.load_certificate(server_cert)
    own_public, own_secret = zmq.auth.load_certificate(own_cert)

    with peer.socket(zmq.REQ, linger_ms=0) as sock:
        sock.curve_serverkey = server_public
        sock.curve_publickey = own_public
        sock.curve_secretkey = own_secret
        if len(args) == 5:
            sock.routing_id = b"r" * int(args[4])
        monitor = sock.get_monitor_socket(zmq.EVENT_HANDSHAKE_FAILED_AUTH)
        try:
            peer.connect_ready(sock, endpoint)
            poller = zmq.Poller()
            poller.register(sock, zmq.POLLIN)
            poller.register(monitor, zmq.POLLIN)
            for i in range(count):
                sock.send_string(f"Hello {i}")
                events = dict(poller.poll(REPLY_TIMEOUT_MS))
                if monitor in events:
                    event = recv_monitor_message(monitor)
                    print(f"REFUSED {event['value']}", flush=True)
                    return REFUSED
                if sock not in events:
                    peer.complain(f"no reply to request {i} within {REPLY_TIMEOUT_MS} ms")
                    return peer.TIMEOUT
                print(peer.render(sock.recv_multipart()), flush=True)
            return peer.OK
        finally:
            sock.disable_monitor()
            monitor.close()


if __name__ == "__main__":
    sys.exit(main())
