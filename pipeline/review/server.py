"""The review web page (FastAPI + Jinja2): the queue, a case page with the evidence, and the
JSON endpoints the page calls to preview and save a review.

Security: the server binds 127.0.0.1 unless told otherwise, and then answers only loopback
``Host`` names (DNS rebinding); a non-loopback host is refused without a token. With a token,
every request must carry it (``Authorization: Bearer``, a ``token`` query parameter, or the
cookie the server sets after a valid query token); others get 401. Report text is escaped
everywhere (Jinja autoescape); the JSON API takes only ``application/json`` bodies, which a
cross-site form cannot send.
"""

from __future__ import annotations

import hmac
import ipaddress
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from ..models import Findings, ResultRecord
from .corrections import Correction, CorrectionError
from .priority import SEVERITY
from .render import field_choices, segments
from .store import STATUSES, ConflictError, NotFound, ReviewStore, record_json

HERE = Path(__file__).parent
TOKEN_COOKIE = "pathspan_review_token"
RECOMMENDATION_CODES = [
    "no_further_treatment", "surveillance", "repeat_local_excision", "radical_surgery",
    "staging_workup", "oncology_referral", "mdt_review", "insufficient_data", "not_applicable",
]


class PreviewRequest(BaseModel):
    corrections: list[Correction] = Field(default_factory=list)


class SaveRequest(BaseModel):
    reviewer: str
    base_version: int
    corrections: list[Correction] = Field(default_factory=list)
    comment: Optional[str] = None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _report_text(text: str) -> Markup:
    # A CR in the page source would be folded away by the HTML parser and shift every offset
    # the page computes; as a character reference it survives into the DOM.
    return Markup(str(escape(text)).replace("\r", "&#13;"))


LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(store: ReviewStore, token: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The review application over ``store``; ``token`` (if set) guards every request and
    ``allowed_hosts`` (if set) are the only ``Host`` headers answered."""
    app = FastAPI(title="pathspan review", docs_url=None, redoc_url=None, openapi_url=None)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["report_text"] = _report_text
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    if token:
        @app.middleware("http")
        async def _require_token(request: Request, call_next: Any) -> Response:
            auth = request.headers.get("authorization", "")
            given = (auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else "") \
                or request.query_params.get("token", "") or request.cookies.get(TOKEN_COOKIE, "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                return JSONResponse({"detail": "a valid review token is required"}, status_code=401)
            response = await call_next(request)
            if request.query_params.get("token"):
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response

    def parts(case_text: str | None, record: ResultRecord) -> dict[str, str]:
        """The four case panels as HTML, for the page and for the preview answer."""
        ctx = {"record": record, "findings": record.findings or Findings(),
               "segments": segments(case_text or "", record.findings),
               "has_text": case_text is not None, "fields": Findings.field_names()}
        return {name: Markup(templates.get_template(f"_{name}.html").render(ctx))
                for name in ("report", "findings", "checks", "recommendation")}

    def case_or_404(case_id: int):
        try:
            return store.get_case(case_id)
        except NotFound:
            raise HTTPException(404, f"no case {case_id}") from None

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request, status: str = "", needs_review: str = "", category: str = "",
              code: str = "", q: str = "", page: int = 1) -> Response:
        per_page = 100
        flag = {"yes": True, "no": False}.get(needs_review)
        cases = store.list_cases(status=status or None, needs_review=flag, category=category or None,
                                 code=code or None, query=q or None, limit=per_page,
                                 offset=(max(page, 1) - 1) * per_page)
        return templates.TemplateResponse(request, "queue.html", {
            "cases": cases, "counts": store.counts(), "statuses": STATUSES,
            "categories": list(SEVERITY), "codes": RECOMMENDATION_CODES,
            "filters": {"status": status, "needs_review": needs_review, "category": category,
                        "code": code, "q": q},
            "page": max(page, 1), "more": len(cases) == per_page,
        })

    @app.get("/case/{case_id}", response_class=HTMLResponse)
    def case_page(request: Request, case_id: int) -> Response:
        case = case_or_404(case_id)
        return templates.TemplateResponse(request, "case.html", {
            "case": case, "parts": parts(case.text, case.record),
            "choices": field_choices(), "fields": Findings.field_names(),
            "original": case.revisions[0],
        })

    @app.get("/api/cases")
    def api_cases(status: str = "", limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        return [vars(c) for c in store.list_cases(status=status or None, limit=limit, offset=offset)]

    @app.get("/api/case/{case_id}")
    def api_case(case_id: int) -> dict[str, Any]:
        case = case_or_404(case_id)
        return {"id": case.id, "version": case.version, "status": case.summary.status,
                "text": case.text, "record": record_json(case.record),
                "revisions": [{**vars(r), "created_at": r.created_at.isoformat()} for r in case.revisions]}

    @app.post("/api/case/{case_id}/preview")
    def api_preview(case_id: int, body: PreviewRequest) -> dict[str, Any]:
        case = case_or_404(case_id)
        try:
            record, changes = store.preview(case_id, body.corrections)
        except CorrectionError as err:
            raise HTTPException(422, str(err)) from None
        return {"version": case.version, "changes": changes, "record": record_json(record),
                "html": parts(case.text, record)}

    @app.post("/api/case/{case_id}/save")
    def api_save(case_id: int, body: SaveRequest) -> Response:
        case_or_404(case_id)
        try:
            rev = store.save(case_id, reviewer=body.reviewer, base_version=body.base_version,
                             corrections=body.corrections, comment=body.comment)
        except ConflictError as err:
            return JSONResponse({"detail": str(err), "fields": err.fields,
                                 "current_version": err.current_version}, status_code=409)
        except (CorrectionError, ValueError) as err:
            raise HTTPException(422, str(err)) from None
        return JSONResponse({"version": rev.number, "action": rev.action, "changes": rev.changes,
                             "reviewer": rev.reviewer, "created_at": rev.created_at.isoformat()})

    return app


def serve(store: ReviewStore, host: str = "127.0.0.1", port: int = 8765,
          token: str | None = None) -> None:
    """Run the review page until interrupted; a non-loopback host needs a token."""
    import uvicorn

    if not is_loopback(host) and not token:
        raise ValueError(f"--host {host} is reachable from other machines: give --token")
    # On loopback, answer only loopback Host names: a web page whose own name was re-pointed at
    # 127.0.0.1 (DNS rebinding) must not read the reports through the reviewer's browser.
    allowed = LOOPBACK_NAMES if is_loopback(host) else None
    uvicorn.run(create_app(store, token, allowed), host=host, port=port, log_level="info")
