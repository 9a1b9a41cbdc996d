#!/usr/bin/env python3
"""A LibreTranslate stand-in for benchmarks: answers /languages and /translate at once with
"[target] text", so what is measured is the server's own work, not a model's."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [{"code": c, "name": c, "targets": ["en", "zh-Hans", "ja", "th", "id"]} for c in ["en", "zh-Hans", "ja", "th", "id"]]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.answer(LANGUAGES)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = json.loads(raw) if raw.startswith("{") else {k: v[0] for k, v in parse_qs(raw).items()}
        q = form.get("q", "")
        target = form.get("target", "")
        translated = ["[%s] %s" % (target, t) for t in q] if isinstance(q, list) else "[%s] %s" % (target, q)
        self.answer({"translatedText": translated})


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
