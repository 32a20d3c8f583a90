"""The recommendation as a clinician reads it: what to do, why (in the report's own words),
why not the alternatives, follow-up, and caveats. Rendered with rich for the terminal.

Report text is shown through ``rich.text.Text`` only, never as markup, so a report that happens
to contain ``[bold]`` or similar prints as written.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .models import Check, Reason, ResultRecord, Span

CODE_WORDS = {
    "no_further_treatment": "No further treatment",
    "surveillance": "Surveillance",
    "repeat_local_excision": "Repeat local excision",
    "radical_surgery": "Radical surgery",
    "staging_workup": "Staging work-up",
    "oncology_referral": "Oncology referral",
    "mdt_review": "MDT review",
    "insufficient_data": "Insufficient data",
    "not_applicable": "Not applicable",
}
# Quotes shown under one reason; the record keeps every span.
MAX_QUOTES = 3


def render_explanation(record: ResultRecord, text: str) -> RenderableType:
    """A rich renderable explaining one record; ``text`` is the report the spans index into."""
    title = Text(f"Report {record.report_id}", style="bold")
    if record.status != "ok" or record.recommendation is None:
        err = record.error
        body = Text(f"{err.code}: {err.message}" if err else "no recommendation in this record", style="red")
        return Panel(body, title=title, border_style="red")
    rec = record.recommendation
    parts: list[RenderableType] = [_headline(record)]
    parts.append(_section("Rationale", _reasons(rec.reasons, text)))
    if rec.alternatives:
        alts = Text()
        for alt in rec.alternatives:
            alts.append(f"• {CODE_WORDS.get(alt.code, alt.code)}", style="bold")
            alts.append(f" ({alt.code}) — not chosen: {alt.why_not}\n")
        parts.append(_section("Why not the alternatives", alts.rstrip() or alts))
    if rec.follow_up:
        parts.append(_section("Follow-up", Text("\n".join(f"• {f}" for f in rec.follow_up))))
    caveats = _caveats(record)
    parts.append(_section("Caveats", caveats))
    if record.checks:
        parts.append(_section("Derived values and checks", _checks_table(record.checks)))
    border = "yellow" if rec.needs_review else "green"
    return Panel(Group(*parts), title=title, border_style=border)


def explanation_text(record: ResultRecord, text: str, width: int = 100) -> str:
    """The same explanation as plain text (for logs, tests and non-terminal output)."""
    console = Console(width=width, record=True, file=_Null(), color_system=None)
    console.print(render_explanation(record, text))
    return console.export_text()


def _headline(record: ResultRecord) -> RenderableType:
    rec = record.recommendation
    line = Text()
    line.append("Recommendation: ", style="bold")
    line.append(CODE_WORDS.get(rec.code, rec.code), style="bold magenta")
    line.append(f"  ({rec.code})\n")
    line.append(rec.summary + "\n", style="bold")
    if rec.needs_review:
        line.append("NEEDS REVIEW", style="bold black on yellow")
        line.append(f" — {len(rec.review_reasons)} caveat(s) below\n")
    line.append(f"Rule: {rec.rule_id or '—'}  (version {rec.rule_version or '—'})\n", style="dim")
    if rec.guideline:
        line.append("Guidelines: " + "; ".join(rec.guideline), style="dim")
    return line.rstrip() or line


def _reasons(reasons: list[Reason], text: str) -> Text:
    out = Text()
    for n, reason in enumerate(reasons, start=1):
        out.append(f"{n}. {reason.text}\n")
        for span in reason.evidence[:MAX_QUOTES]:
            out.append_text(_quote(span, text))
        if len(reason.evidence) > MAX_QUOTES:
            out.append(f"     (+{len(reason.evidence) - MAX_QUOTES} more place(s) in the report)\n", style="dim")
    out.rstrip()
    return out


def _quote(span: Span, text: str) -> Text:
    line = Text("     ")
    if span.holds_in(text):
        line.append("“" + " ".join(span.text.split()) + "”", style="italic cyan")
        line.append(f"  [chars {span.start}–{span.end}]\n", style="dim")
    else:
        line.append(f"span {span.start}–{span.end} does not match the report text\n", style="bold red")
    return line


def _caveats(record: ResultRecord) -> Text:
    rec = record.recommendation
    out = Text()
    for reason in rec.review_reasons:
        out.append(f"• {reason}\n")
    if not rec.review_reasons:
        out.append("None: no missing, indeterminate or conflicting input affected this decision.")
    out.rstrip()
    return out


def _checks_table(checks: list[Check]) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False, box=None, pad_edge=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("derived")
    table.add_column("detail", overflow="fold")
    colours = {"pass": "green", "fail": "bold red", "info": "blue"}
    for c in checks:
        table.add_row(c.code, Text(c.status, style=colours[c.status]),
                      "" if c.derived is None else str(c.derived), Text(c.message))
    return table


def _section(title: str, body: RenderableType) -> RenderableType:
    return Group(Text(""), Text(title, style="bold underline"), body)


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass
