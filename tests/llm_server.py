"""A scripted OpenAI-compatible chat server on 127.0.0.1 for the LLM-stage tests and benchmark.

It answers ``POST /v1/chat/completions`` the way the real API does, so the real LangChain
``ChatOpenAI`` client is exercised end to end: JSON message content for ``response_format``
requests (json_schema / json_object), a tool call when the request carries ``tools``
(function_calling). Replies are scripted per report by a marker string found in the user
messages; the server counts requests and the most requests it had in flight at once.

Use it through the ``llm_server`` fixture (import it explicitly in a test module)::

    from llm_server import llm_server  # noqa: F401  (pytest fixture)
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

import pytest


@dataclass
class Reply:
    """One scripted answer: findings (as the model would), or raw content, or an HTTP error."""

    findings: Optional[list[dict]] = None
    content: Optional[str] = None      # raw assistant content / tool arguments (e.g. malformed)
    delay: float = 0.0                 # seconds before answering (timeouts, concurrency)
    status: int = 200                  # e.g. 429 for a rate limit
    headers: dict[str, str] = field(default_factory=dict)

    def body_text(self) -> str:
        if self.content is not None:
            return self.content
        return json.dumps({"findings": self.findings or []})


@dataclass
class _Rule:
    marker: str
    replies: list[Reply]
    served: int = 0

    def next(self) -> Reply:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


class ScriptedLlm:
    """The server: ``on(marker, *replies)`` scripts answers; the first matching rule answers."""

    def __init__(self, default: Reply | None = None) -> None:
        self.default = default or Reply(findings=[])
        self.rules: list[_Rule] = []
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    # -- scripting ------------------------------------------------------------------------

    def on(self, marker: str, *replies: Reply) -> "ScriptedLlm":
        """Answer requests whose report contains ``marker`` with ``replies`` in turn (the last repeats)."""
        self.rules.append(_Rule(marker, list(replies)))
        return self

    @property
    def count(self) -> int:
        """Requests received so far."""
        with self._lock:
            return len(self.requests)

    def _choose(self, user_turns: list[str]) -> Reply:
        """The reply of the first rule whose marker is in the latest user turn that has one
        (a repair turn falls back to the report turn before it; few-shot turns come earlier)."""
        with self._lock:
            for turn in reversed(user_turns):
                for rule in self.rules:
                    if rule.marker in turn:
                        return rule.next()
        return self.default

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> "ScriptedLlm":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as separate writes: without TCP_NODELAY, Nagle plus the
            # client's delayed ACK add ~40 ms to every keep-alive reply.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802  (http.server API)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    server.requests.append({"path": self.path, "body": body})
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, body: dict) -> None:
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    # Pin a chat-completions model name: this server has no /v1/responses.
                    return self._send(404, {"error": {"message": f"no route {self.path}"}})
                reply = server._choose(_user_turns(body))
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    return self._send(reply.status, {"error": {
                        "message": f"scripted status {reply.status}", "type": "scripted",
                        "code": "rate_limit_exceeded" if reply.status == 429 else None}},
                        reply.headers)
                self._send(200, _completion(body, reply.body_text()), reply.headers)

            def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "start() first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


def _user_turns(body: dict) -> list[str]:
    """The text of every user turn, in order."""
    texts = []
    for message in body.get("messages", []):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
            texts.append(content or "")
    return texts


def _completion(body: dict, text: str) -> dict:
    """A chat.completion object: content for response_format requests, a tool call with tools."""
    message: dict[str, Any] = {"role": "assistant", "content": text}
    finish = "stop"
    tools = body.get("tools") or []
    if tools:
        name = tools[0]["function"]["name"]
        message = {"role": "assistant", "content": None, "tool_calls": [{
            "id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}]}
        finish = "tool_calls"
    return {
        "id": "chatcmpl-scripted", "object": "chat.completion", "created": 0,
        "model": body.get("model", "scripted"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@pytest.fixture
def llm_server(monkeypatch):
    """A started ``ScriptedLlm``; the OpenAI client env points at it for the test's duration."""
    server = ScriptedLlm().start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test-key-not-a-secret")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    yield server
    server.stop()
