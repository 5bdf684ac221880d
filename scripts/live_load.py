#!/usr/bin/env python3
"""Load on `chorus serve --store`: POSTs a JSONL stream to /v1/articles in chunks while another
client polls GET /v1/events?limit=100 without pause, then times listing the events idle.
Prints the README's "Measured" numbers of "The live store over HTTP".

  live_load.py BASE_URL STREAM.jsonl CHUNK_LINES
"""
import json, sys, threading, time, urllib.request

base, path, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().splitlines()
done = threading.Event()
reads = []

def get(url):
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
        assert r.status == 200
    return time.perf_counter() - t, body

def reader():
    while not done.is_set():
        reads.append(get(base + "/v1/events?limit=100")[0])

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000

r = threading.Thread(target=reader)
r.start()
t0 = time.perf_counter()
acked = errors = 0
for i in range(0, len(lines), chunk):
    body = "\n".join(lines[i:i + chunk]).encode()
    req = urllib.request.Request(base + "/v1/articles", body, {"content-type": "application/x-ndjson"})
    with urllib.request.urlopen(req) as resp:
        out = json.loads(resp.read())
    acked += len(out["results"]) - out["errors"]
    errors += out["errors"]
elapsed = time.perf_counter() - t0
done.set()
r.join()
print(f"posted {len(lines)} lines in chunks of {chunk}: {elapsed:.2f} s, {len(lines)/elapsed:.0f} articles/s, {acked} acknowledged, {errors} errors")
print(f"reader during writes: {len(reads)} GET /v1/events?limit=100, p50 {pct(reads, .5):.1f} ms, p99 {pct(reads, .99):.1f} ms, max {max(reads)*1000:.1f} ms")
idle_all = [get(base + "/v1/events") for _ in range(5)]
idle_100 = [get(base + "/v1/events?limit=100")[0] for _ in range(20)]
print(f"idle: GET /v1/events (all {len(json.loads(idle_all[0][1]))} events, {len(idle_all[0][1])} bytes) p50 {pct([t for t, _ in idle_all], .5):.1f} ms; ?limit=100 p50 {pct(idle_100, .5):.1f} ms")
