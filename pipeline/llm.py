"""The optional LLM stage: one structured-output call per report through LangChain, grounded
and reconciled with the rule findings (../shared/llm-contract.md).

Flow per ok record: (redact) -> cache or call (``init_chat_model`` model, structured output,
one repair retry on a malformed answer, retries with backoff on timeouts / rate limits /
server errors) -> ``grounding`` -> ``reconcile`` with the rule findings -> ``decide`` again.
A call that finally fails leaves the rule-based record as it was, marked ``llm.status=failed``.
The decision never sees LLM prose: only grounded findings with spans reach it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union
from urllib.parse import urlparse

from pydantic import BaseModel, Field, ValidationError

from .errors import UsageError
from .grounding import Claim, Grounded, ground_claims
from .models import (
    Findings,
    LlmInfo,
    PatientContext,
    RejectedClaim,
    Report,
    ResultRecord,
    sha256_text,
)
from .prompting import Prompt, load_prompt
from .reconcile import flag_changed_recommendation, reconcile
from .redact import Redaction, redact as redact_text

# --- what the model must return -----------------------------------------------------------


class LlmClaim(BaseModel):
    """One finding as the model states it."""

    field: str = Field(description="data-dictionary field name, e.g. lvi, ki67_percent")
    # None is let through so one empty value is a rejected claim, not a malformed answer.
    value: Optional[Union[str, float, int]] = Field(description="the field's code or number")
    quote: str = Field(description="verbatim text of the report that states the value")


class ExtractedFindings(BaseModel):
    """Findings stated by one pathology report, each with a verbatim quote."""

    findings: list[LlmClaim] = Field(default_factory=list)


REPAIR_MESSAGE = (
    "Your answer could not be used: {error}\n"
    'Answer again with only the JSON object {{"findings": [{{"field": ..., "value": ..., '
    '"quote": ...}}]}} for the same report.'
)

# Exception class names (any provider) that are worth another try after a pause.
_RETRYABLE_NAMES = {
    "RateLimitError", "APITimeoutError", "APIConnectionError", "InternalServerError",
    "ServiceUnavailableError", "OverloadedError", "Timeout", "TimeoutException", "ReadTimeout",
    "ConnectTimeout", "ConnectError", "RemoteProtocolError", "TimeoutError",
}
_RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504}
# Providers whose LangChain class takes ``timeout`` and ``max_retries`` (ours replace theirs).
_CLIENT_KWARGS_PROVIDERS = {"openai", "azure_openai", "anthropic", "deepseek", "xai", "groq",
                            "mistralai", "fireworks", "together"}
MAX_RETRY_AFTER = 30.0


class LlmCallError(Exception):
    """The LLM call for one report failed for good (after retries / the repair attempt)."""


class MalformedAnswer(LlmCallError):
    """The answer did not validate, even after the one repair retry."""


# --- privacy ------------------------------------------------------------------------------

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
_notified: set[str] = set()
_notified_lock = threading.Lock()


def provider_of(model: str) -> str:
    """The ``init_chat_model`` provider of a model string (``openai`` when none is named)."""
    return model.split(":", 1)[0].strip().lower() if ":" in model else "openai"


def model_endpoint(model: str) -> Optional[str]:
    """The base URL report text goes to, where the provider's standard variables tell it."""
    provider = provider_of(model)
    if provider == "azure_openai":
        return os.environ.get("AZURE_OPENAI_ENDPOINT")
    if provider == "openai":
        return (os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_BASE")
                or "https://api.openai.com/v1")
    if provider == "ollama":
        return os.environ.get("OLLAMA_HOST") or os.environ.get("OLLAMA_BASE_URL") \
            or "http://localhost:11434"
    return None


def is_remote(model: str) -> bool:
    """True unless the model is served from this machine (a loopback base URL)."""
    endpoint = model_endpoint(model)
    if endpoint is None:
        return True
    host = urlparse(endpoint if "://" in endpoint else f"http://{endpoint}").hostname or ""
    return not (host in _LOCAL_HOSTS or host.startswith("127."))


def privacy_notice(model: str, *, redact: bool, stream=None) -> bool:
    """Say once per process and model, on stderr, that report text leaves the machine.
    Returns True when the notice was printed now."""
    if not is_remote(model):
        return False
    with _notified_lock:
        if model in _notified:
            return False
        _notified.add(model)
    where = model_endpoint(model) or f"the {provider_of(model)} API"
    what = ("redacted report text (names, dates, MRNs and accession numbers replaced)"
            if redact else "report text")
    hint = "" if redact else "; add --redact to replace names, dates, MRNs and accession numbers"
    print(f"pathspan: --llm {model}: {what} will leave this machine for {where}{hint}.",
          file=stream or sys.stderr)
    return True


# --- cache --------------------------------------------------------------------------------


class AnswerCache:
    """Validated answers on disk, keyed by (prompt version + fingerprint, model, sent-text sha256)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @staticmethod
    def key(prompt: Prompt, model: str, text_sha256: str) -> str:
        blob = json.dumps([prompt.version, prompt.fingerprint, model, text_sha256])
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Optional[ExtractedFindings]:
        """The cached answer, or None (also for an unreadable entry: it is simply re-asked)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return ExtractedFindings.model_validate(data["answer"])
        except (OSError, ValueError, KeyError, ValidationError):
            return None

    def put(self, key: str, answer: ExtractedFindings, **meta: Any) -> None:
        """Store ``answer`` atomically (a crash never leaves half a file)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({**meta, "answer": answer.model_dump(mode="json")},
                             ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)


# --- one call -----------------------------------------------------------------------------


def init_model(model: str, *, timeout: float) -> Any:
    """The LangChain chat model for an ``init_chat_model`` string; our retry loop replaces
    the client's own so every provider backs off the same way."""
    from langchain.chat_models import init_chat_model

    kwargs: dict[str, Any] = {"temperature": 0}
    if provider_of(model) in _CLIENT_KWARGS_PROVIDERS:
        kwargs.update(timeout=timeout, max_retries=0)
    try:
        return init_chat_model(model, **kwargs)
    except Exception as exc:  # unknown provider, missing package or API key: a usage problem
        raise UsageError(f"--llm {model}: cannot initialise the model ({exc})") from exc


def is_retryable(exc: BaseException) -> bool:
    """Timeouts, rate limits, connection and server errors: worth another try."""
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None),
                                                          "status_code", None)
    if isinstance(status, int) and status in _RETRYABLE_STATUS:
        return True
    return any(cls.__name__ in _RETRYABLE_NAMES for cls in type(exc).__mro__)


def _is_malformed(exc: BaseException) -> bool:
    """Validation / parsing failures of the answer (json_schema raises them from the client)."""
    from langchain_core.exceptions import OutputParserException

    return isinstance(exc, (ValidationError, json.JSONDecodeError, OutputParserException))


def retry_delay(exc: BaseException, attempt: int, backoff: float) -> float:
    """Seconds to wait before retry ``attempt`` (0-based): the server's Retry-After if given,
    else exponential backoff with jitter."""
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    try:
        after = float(headers.get("retry-after", ""))
        return min(max(after, 0.0), MAX_RETRY_AFTER)
    except (TypeError, ValueError):
        pass
    return backoff * (2 ** attempt) * (0.5 + random.random())


def _raw_text(raw: Any) -> str:
    """What the model said, for the repair turn: content, or the first tool call's arguments."""
    if raw is None:
        return ""
    for call in getattr(raw, "tool_calls", None) or []:
        return json.dumps(call.get("args"))
    for call in getattr(raw, "invalid_tool_calls", None) or []:
        return str(call.get("args") or "")
    content = getattr(raw, "content", "")
    return content if isinstance(content, str) else json.dumps(content)


@dataclass
class Outcome:
    """What the LLM stage learned about one report."""

    status: str                           # ok | cached | failed
    grounded: Grounded = field(default_factory=Grounded)
    error: Optional[str] = None


class LlmExtractor:
    """One configured LLM stage (model, prompt, cache, limits); thread-safe, reused per batch."""

    def __init__(self, model: str, *, cache_dir: Path | None = None, redact: bool = False,
                 timeout: float = 60.0, max_retries: int = 3, backoff: float = 1.0,
                 method: str | None = None, prompt_version: str | None = None,
                 chat_model: Any = None) -> None:
        self.model = model
        self.prompt = load_prompt(prompt_version)
        self.cache = AnswerCache(cache_dir) if cache_dir is not None else None
        self.redact = redact
        self.max_retries = max_retries
        self.backoff = backoff
        chat = chat_model if chat_model is not None else init_model(model, timeout=timeout)
        kwargs: dict[str, Any] = {"include_raw": True}
        if method:
            kwargs["method"] = method
        self._structured = chat.with_structured_output(ExtractedFindings, **kwargs)
        self.sleep: Callable[[float], None] = time.sleep
        # Evaluation reads each text twice (LLM-only, reconciled): remember outcomes there.
        self.memo: Optional[dict[str, Outcome]] = None

    # -- the call ---------------------------------------------------------------------------

    def _invoke(self, messages: list) -> Any:
        for attempt in range(self.max_retries + 1):
            try:
                return self._structured.invoke(messages)
            except Exception as exc:
                if _is_malformed(exc) or not is_retryable(exc) or attempt == self.max_retries:
                    raise
                self.sleep(retry_delay(exc, attempt, self.backoff))
        raise AssertionError("unreachable")

    def _attempt(self, messages: list) -> tuple[Optional[ExtractedFindings], str, str]:
        """(answer, problem, raw text): answer None when the reply did not validate."""
        try:
            result = self._invoke(messages)
        except Exception as exc:
            if _is_malformed(exc):
                return None, _short(exc), ""
            raise
        parsed, raw = result.get("parsed"), result.get("raw")
        if isinstance(parsed, ExtractedFindings):
            return parsed, "", _raw_text(raw)
        error = result.get("parsing_error")
        # function_calling hands back None (no error) for malformed tool arguments.
        problem = _short(error) if error else "the reply held no valid findings object"
        return None, problem, _raw_text(raw)

    def ask(self, text: str) -> ExtractedFindings:
        """The model's answer for ``text``: one call, one repair retry; raises ``LlmCallError``."""
        from langchain_core.messages import AIMessage, HumanMessage

        messages = _to_messages(self.prompt.messages(text))
        try:
            answer, problem, raw = self._attempt(messages)
            if answer is not None:
                return answer
            repair = list(messages)
            if raw:
                repair.append(AIMessage(content=raw))
            repair.append(HumanMessage(content=REPAIR_MESSAGE.format(error=problem)))
            answer, problem2, _ = self._attempt(repair)
        except Exception as exc:
            raise LlmCallError(f"{type(exc).__name__}: {_short(exc)}") from exc
        if answer is None:
            raise MalformedAnswer(f"malformed answer after one repair retry: {problem2}")
        return answer

    # -- one report -------------------------------------------------------------------------

    def read(self, text: str) -> Outcome:
        """Grounded LLM findings of one report text (spans index ``text``); never raises."""
        if self.memo is None:
            return self._read(text)
        key = sha256_text(text)
        if key not in self.memo:
            self.memo[key] = self._read(text)
        return self.memo[key]

    def _read(self, text: str) -> Outcome:
        redaction: Optional[Redaction] = redact_text(text) if self.redact else None
        sent = redaction.text if redaction else text
        key = AnswerCache.key(self.prompt, self.model, sha256_text(sent))
        answer = self.cache.get(key) if self.cache else None
        status = "cached"
        if answer is None:
            try:
                answer = self.ask(sent)
            except LlmCallError as exc:
                return Outcome(status="failed", error=str(exc))
            status = "ok"
            if self.cache:
                self.cache.put(key, answer, model=self.model, prompt_version=self.prompt.version)
        claims = [Claim(c.field, c.value, c.quote) for c in answer.findings]
        grounded = ground_claims(sent, claims)
        if redaction is not None:
            grounded = _restore(grounded, redaction)
        return Outcome(status=status, grounded=grounded)

    def info(self, outcome: Outcome) -> LlmInfo:
        """The ``llm`` block of a record for ``outcome``."""
        return LlmInfo(model=self.model, prompt_version=self.prompt.version,
                       status=outcome.status, error=outcome.error,
                       rejected_claims=list(outcome.grounded.rejected))

    def enrich(self, report: Report, record: ResultRecord,
               context: PatientContext | None = None) -> ResultRecord:
        """``record`` with LLM findings reconciled in and the decision re-run; failed records
        and failed calls keep their rule-based content."""
        if record.status != "ok" or record.findings is None:
            return record
        outcome = self.read(report.text)
        if outcome.status == "failed":
            return record.model_copy(update={"llm": self.info(outcome)})
        from .decide import decide

        try:
            findings = reconcile(record.findings, outcome.grounded.findings)
            checks, recommendation = decide(findings, context)
        except Exception as exc:  # one odd answer must not stop the batch: keep the rules
            failed = Outcome(status="failed", grounded=outcome.grounded,
                             error=f"reconciliation failed: {type(exc).__name__}: {_short(exc)}")
            return record.model_copy(update={"llm": self.info(failed)})
        recommendation = flag_changed_recommendation(record.recommendation, recommendation)
        return record.model_copy(update={
            "findings": findings, "checks": checks, "recommendation": recommendation,
            "llm": self.info(outcome),
        })

    # -- extractors for evaluation ----------------------------------------------------------

    def llm_only_findings(self, text: str) -> Findings:
        """The grounded LLM findings alone (no rules), as ``Findings``; raises ``LlmCallError``
        when the call failed (so an evaluation lists it instead of scoring an empty answer)."""
        outcome = self.read(text)
        if outcome.status == "failed":
            raise LlmCallError(outcome.error)
        return Findings(**outcome.grounded.findings)

    def reconciled_findings(self, text: str) -> Findings:
        """Rule findings reconciled with the grounded LLM findings."""
        from .extract import extract_findings

        return reconcile(extract_findings(text), self.read(text).grounded.findings)


def llm_extractors(model: str, **options: Any) -> dict[str, Callable[[str], Findings]]:
    """``text -> Findings`` callables for ``evaluate``: ``llm`` (grounded LLM findings alone)
    and ``reconciled`` (rules + LLM); both share one call per report. ``options`` as for
    ``LlmExtractor``."""
    extractor = LlmExtractor(model, **options)
    extractor.memo = {}
    privacy_notice(model, redact=bool(options.get("redact")))
    return {"llm": extractor.llm_only_findings, "reconciled": extractor.reconciled_findings}


def _to_messages(turns: list[tuple[str, str]]) -> list:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[role](content=content) for role, content in turns]


def _restore(grounded: Grounded, redaction: Redaction) -> Grounded:
    """Grounded findings with spans moved from the redacted text to the original report."""
    findings = {
        name: finding.model_copy(update={
            "evidence": [redaction.original_span(s) for s in finding.evidence]})
        for name, finding in grounded.findings.items()
    }
    return Grounded(findings=findings, rejected=grounded.rejected)


def _short(exc: Any, limit: int = 500) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- a batch ------------------------------------------------------------------------------


def enrich_records(
    items: Iterable[tuple[Report, ResultRecord, PatientContext | None]],
    *,
    model: str,
    concurrency: int = 8,
    cache_dir: Path | None = None,
    redact: bool = False,
    timeout: float = 60.0,
    max_retries: int = 3,
    backoff: float = 1.0,
    method: str | None = None,
    prompt_version: str | None = None,
) -> Iterator[ResultRecord]:
    """Records enriched by the LLM stage, yielded in input order, with at most ``concurrency``
    calls in flight; the input is read lazily (a bounded window ahead of the output)."""
    if concurrency < 1:
        raise UsageError("--llm-concurrency must be at least 1")
    extractor = LlmExtractor(model, cache_dir=cache_dir, redact=redact, timeout=timeout,
                             max_retries=max_retries, backoff=backoff, method=method,
                             prompt_version=prompt_version)
    privacy_notice(model, redact=redact)
    yield from run_ordered(extractor.enrich, items, concurrency)


def run_ordered(work: Callable[..., ResultRecord],
                items: Iterable[tuple[Report, ResultRecord, PatientContext | None]],
                concurrency: int) -> Iterator[ResultRecord]:
    """``work(*item)`` for every item on ``concurrency`` threads, results in input order."""
    window: deque[Future] = deque()
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="pathspan-llm")
    try:
        for report, record, context in items:
            if record.status != "ok":
                done: Future = Future()
                done.set_result(record)  # failed records pass through untouched, in order
                window.append(done)
            else:
                window.append(pool.submit(work, report, record, context))
            # Twice the pool size queued keeps every worker busy without reading far ahead.
            while len(window) > 2 * concurrency or (window and window[0].done()):
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
