"""The server check's costs, each as a ratio against a baseline measured in the same run.

Usage: .venv/bin/python bench/probe.py [--runs 30]

1. Reading the answer: `judge.read_json` (decode, depth count outside strings, parse) against a bare `json.loads`,
   on a real-sized InfoMobileApp answer and on 1.4 MB of JSON full of strings and brackets (the body cap is 2 MB);
   then the time to refuse a million nested brackets, which `json.loads` cannot read at all (RecursionError).
2. Peak memory (tracemalloc) of `read_json` against a bare `json.loads` of the same body (a million brackets:
   against the body's size, since json.loads cannot read it).
3. A whole check on loopback: through a local CONNECT proxy against direct, and with the operating system's trust
   store (truststore) against Python's default context – both https, the test CA trusted through SSL_CERT_FILE.
   Medians of alternating runs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best_of(function, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def reading(info: bytes) -> None:
    from wizard.core.probe.judge import read_json

    big = json.dumps({"nomEtab": "[{" * 200_000, "liste": [[["x" * 10, [1, 2]]] for _ in range(40_000)]}).encode()
    deep = b"[" * 1_000_000 + b"]" * 1_000_000
    print("1. Reading the answer (best of 7)")
    for name, body in (("InfoMobileApp answer", info), (f"{len(big) / 1e6:.1f} MB of strings and brackets", big)):
        plain = best_of(lambda body=body: json.loads(body))
        guarded = best_of(lambda body=body: read_json(body))
        print(f"   {name:36} json.loads {plain * 1e3:8.3f} ms   read_json {guarded * 1e3:8.3f} ms"
              f"   ratio {guarded / plain:5.2f}")
    refusal = best_of(lambda: read_json(deep))
    print(f"   {'a million nested brackets (2 MB)':36} json.loads RecursionError    read_json {refusal * 1e3:8.3f} ms"
          f"   → {read_json(deep)[0]}")
    print("2. Peak memory (tracemalloc)")

    def peak(function) -> int:
        tracemalloc.start()
        function()
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    plain, guarded = peak(lambda: json.loads(big)), peak(lambda: read_json(big))
    print(f"   {'strings and brackets':36} json.loads {plain / 1e6:6.2f} MB   read_json {guarded / 1e6:6.2f} MB"
          f"   ratio {guarded / plain:5.2f}")
    refused = peak(lambda: read_json(deep))
    print(f"   {'a million nested brackets':36} body {len(deep) / 1e6:6.2f} MB   read_json {refused / 1e6:6.2f} MB"
          f"   ratio to the body {refused / len(deep):5.2f}")

def whole_checks(runs: int, info: bytes) -> None:
    import logging
    import ssl

    import trustme
    from pytest_httpserver import HTTPServer

    from tests.probe.conftest import PROXY_ONLY_HOST, RawServer, RecordingProxy
    from wizard.core.probe import probe_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request otherwise
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", PROXY_ONLY_HOST).configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context, threaded=True)
    server.expect_request("/pronote/InfoMobileApp.json").respond_with_data(info, content_type="application/json")
    server.start()
    servers: list[RawServer] = []

    def raw(behaviour):
        servers.append(RawServer(behaviour))
        return servers[-1]

    proxy = RecordingProxy(raw, routes={f"{PROXY_ONLY_HOST}:443": server.port})
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(folder) / "ca.pem"
        ca.cert_pem.write_to_path(str(bundle))
        os.environ["SSL_CERT_FILE"] = str(bundle)
        direct_url = server.url_for("/pronote/")
        proxied_url = f"https://{PROXY_ONLY_HOST}/pronote/"
        stdlib = ssl.create_default_context
        cases = {
            "direct, truststore": lambda: probe_server(direct_url),
            "proxy CONNECT, truststore": lambda: probe_server(proxied_url, proxy=proxy.url()),
            "direct, Python's default context": lambda: probe_server(direct_url, ssl_context=stdlib()),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # alternating, so that a slow moment of the machine hits every case alike
            for name, case in cases.items():
                start = time.perf_counter()
                result = case()
                times[name].append(time.perf_counter() - start)
                assert result.outcome == "delegated", result.message
    direct, proxied, default = (statistics.median(values) for values in times.values())
    print(f"3. A whole check on loopback, https (median of {runs})")
    for name, values in times.items():
        print(f"   {name:36} {statistics.median(values) * 1e3:7.2f} ms")
    print(f"   proxy / direct: {proxied / direct:.2f}   truststore / default context: {direct / default:.2f}")
    server.stop()
    for raw_server in servers:
        raw_server.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from tests.probe.pronote import info_body

    info = info_body()
    reading(info)
    whole_checks(args.runs, info)
    return 0


if __name__ == "__main__":
    sys.exit(main())
