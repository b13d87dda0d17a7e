#!/usr/bin/env python3
"""Time from saving a file to the preview server's live-reload event.

Connects to the server's event stream (/__explainer/events), then saves a file the way editors do
(write a temporary file, rename it over the original) and measures the time until the matching event
("reload" for a chapter, "css" for a stylesheet) arrives. Prints one JSON object with every sample.

    reload-latency.py --port 8080 --file /site/content/05-four-steps.md --event reload --edits 9
"""
import argparse
import json
import os
import queue
import socket
import statistics
import threading
import time


def read_events(port, events, ready):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__explainer/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    raw = b""
    while b"\r\n\r\n" not in raw:
        raw += sock.recv(65536)
    raw = raw.split(b"\r\n\r\n", 1)[1]
    text = ""
    ready.set()
    while True:
        # Chunked transfer encoding: take every complete chunk's payload.
        while b"\r\n" in raw:
            size_line, rest = raw.split(b"\r\n", 1)
            size = int(size_line, 16)
            if len(rest) < size + 2:
                break
            text += rest[:size].decode()
            raw = rest[size + 2:]
        while "\n\n" in text:
            block, text = text.split("\n\n", 1)
            for line in block.split("\n"):
                if line.startswith("event: "):
                    events.put((time.perf_counter(), line[7:]))
        data = sock.recv(65536)
        if not data:
            return
        raw += data


def save(path, text):
    temporary = path + ".tmp-save"
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--file", required=True, help="the file to edit (restored at the end)")
    parser.add_argument("--event", default="reload", help="the event that answers an edit: reload or css")
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between edits")
    options = parser.parse_args()

    events = queue.Queue()
    ready = threading.Event()
    threading.Thread(target=read_events, args=(options.port, events, ready), daemon=True).start()
    ready.wait(10)
    time.sleep(0.3)
    while not events.empty():  # the hello event
        events.get()

    with open(options.file) as handle:
        original = handle.read()
    comment = "/* edit {} */\n" if options.file.endswith(".css") else "\nEdited sentence number {}.\n"
    samples = []
    try:
        for number in range(options.edits):
            save(options.file, original + comment.format(number))
            start = time.perf_counter()
            while True:
                arrived, name = events.get(timeout=60)
                if name == options.event:
                    samples.append((arrived - start) * 1000)
                    break
            time.sleep(options.pause)
    finally:
        save(options.file, original)
        # Wait for the rebuild the restore causes, so the next measurement starts from a quiet server.
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            try:
                if events.get(timeout=1)[1] == options.event:
                    break
            except queue.Empty:
                pass
    print(json.dumps({
        "file": os.path.basename(options.file), "event": options.event, "edits": len(samples),
        "median_ms": round(statistics.median(samples), 1), "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1), "samples_ms": [round(s, 1) for s in samples],
    }))


if __name__ == "__main__":
    main()
