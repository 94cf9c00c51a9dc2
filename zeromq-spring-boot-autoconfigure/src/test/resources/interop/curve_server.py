#!/usr/bin/env python3
"""libzmq CURVE REP peer with pyzmq's ThreadAuthenticator: it lets in the clients whose public
certificates are in a directory, echoes <count> requests with the prefix "echo:", and makes its
own key pair with pyzmq's certificate tool.

Usage: curve_server.py <authorized certificates directory> <own certificates directory> <count>
Prints "READY <endpoint> <own public certificate file>" once bound, then one line per request.
Exit codes: 0 all requests served, 2 usage error, 3 deadline passed.
"""
import sys

import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

import peer


def echo(frames):
    return frames[:-1] + [b"echo:" + frames[-1]]


def main():
    args = peer.arguments("<authorized certificates directory> <own certificates directory> <count>", 3)
    authorized, own, count = args[0], args[1], int(args[2])
    public_file, secret_file = zmq.auth.create_certificates(own, "server")
    server_public, server_secret = zmq.auth.load_certificate(secret_file)

    ctx = zmq.Context()
    auth = ThreadAuthenticator(ctx)
    auth.start()
    auth.configure_curve(domain="*", location=authorized)
    sock = ctx.socket(zmq.REP)
    sock.setsockopt(zmq.LINGER, 2000)
    try:
        sock.curve_secretkey = server_secret
        sock.curve_publickey = server_public
        sock.curve_server = True
        sock.bind("tcp://127.0.0.1:*")
        peer.ready(sock.getsockopt(zmq.LAST_ENDPOINT).decode() + " " + public_file)
        return peer.print_messages(sock, count, "requests", reply=echo)
    finally:
        sock.close()
        auth.stop()
        ctx.term()


if __name__ == "__main__":
    sys.exit(main())
