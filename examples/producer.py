#!/usr/bin/env python3
"""A minimal Advocate producer: sends events to ingest's ZeroMQ socket and prints each reply.

    pip install pyzmq
    python3 examples/producer.py                    # three example events
    python3 examples/producer.py events.ndjson      # a file, 500 events per request

A request is one frame holding one JSON event, a JSON array of events, or NDJSON. The reply is one
frame of JSON, sent only once the accepted events are durable. On {"busy": true} nothing of the
request was taken: wait retry_after_ms and send the same request again. Sending a request twice is
always safe, because ingest deduplicates by event id.
"""
import json
import sys
import time

import zmq

ENDPOINT = "tcp://127.0.0.1:5570"
TIMEOUT_MS = 30_000


def send(socket, body):
    """Sends one request and returns its reply, retrying while ingest is busy."""
    while True:
        socket.send(body)
        if not socket.poll(TIMEOUT_MS):
            raise SystemExit(f"no reply from {ENDPOINT} within {TIMEOUT_MS} ms; is advocate-ingest running?")
        reply = json.loads(socket.recv())
        if reply.get("busy"):
            time.sleep(reply.get("retry_after_ms", 250) / 1000)
            continue
        return reply


def batches(path, size=500):
    with open(path, "rb") as lines:
        batch = []
        for line in lines:
            if line.strip():
                batch.append(line.strip())
            if len(batch) == size:
                yield b"\n".join(batch)
                batch = []
        if batch:
            yield b"\n".join(batch)


def main():
    context = zmq.Context()
    socket = context.socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(ENDPOINT)
    if len(sys.argv) > 1:
        bodies = batches(sys.argv[1])
    else:
        events = [
            {"id": "py-p-1", "type": "purchase", "customer": "c-1", "at": "2026-11-01T10:00:00Z",
             "order": "o-1", "amount": 42.50, "currency": "EUR", "segment": "route:LHR-JFK"},
            {"id": "py-m-1", "type": "mention", "customer": "c-1", "at": "2026-11-05T07:00:00Z",
             "channel": "twitter", "text": "On hold for 40 minutes again", "reach": 1200},
            {"id": "py-bad", "type": "purchase", "customer": "c-1", "at": "yesterday"},
        ]
        bodies = [json.dumps(events).encode()]
    for body in bodies:
        reply = send(socket, body)
        print(json.dumps(reply))


if __name__ == "__main__":
    main()
