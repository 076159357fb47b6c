"""HTML pages for audits: one self-contained file with inline PNG plots.

The time page plots acceptance by release month with Wilson intervals, the
declared boundary (dashed) and the estimated effective cutoff (dotted, with
its bootstrap interval shaded).  The memorization page plots each score's
distribution before and after the boundary, beside the AUROC table.
Everything shown comes from the audit's stored result dictionary.
"""

from __future__ import annotations

import base64
import html
import io
from datetime import date
from typing import Any


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # no display; never opens a window
    import matplotlib.pyplot as plt

    return plt


def _month_x(value: str) -> float:
    d = date.fromisoformat(value if len(value) > 7 else value + "-15")
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def time_plot(data: dict[str, Any]) -> str:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.6))
    months = data["months"]
    xs = [_month_x(c["month"]) for c in months]
    rates = [c["successes"] / c["n"] for c in months]
    ax.errorbar(xs, rates, yerr=[[r - c["low"] for r, c in zip(rates, months)], [c["high"] - r for r, c in zip(rates, months)]],
                fmt="o", color="#1f77b4", ecolor="#9bbbd9", capsize=2, label="acceptance (95% Wilson)")
    if data.get("boundary"):
        ax.axvline(_month_x(data["boundary"]), color="black", linestyle="--", label=f"declared boundary {data['boundary']}")
    cut = data["cutoff"]
    if cut.get("estimate"):
        ax.axvline(_month_x(cut["estimate"]), color="#d62728", linestyle=":",
                   label=f"estimated cutoff {cut['estimate']}" + ("" if cut.get("claimed") else " (not significant)"))
        if cut.get("low") and cut.get("high"):
            ax.axvspan(_month_x(cut["low"]), _month_x(cut["high"]), color="#d62728", alpha=0.08)
    ax.set_ylim(-0.05, 1.05)
    ax.set_ylabel("accepted")
    ax.set_xlabel("release month")
    ax.legend(fontsize=7, loc="lower left")
    url = _png(fig)
    plt.close(fig)
    return url


def _page(title: str, body: str) -> str:
    return ("<!doctype html><html><head><meta charset='utf-8'><title>" + html.escape(title) + "</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:2px 8px;text-align:right}"
            "table{border-collapse:collapse}tr:nth-child(even){background:#f4f4f4}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{body}</body></html>\n")


def _fmt(value: Any, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else html.escape(str(value))


def time_page(data: dict[str, Any]) -> str:
    odds, cut = data["odds_ratio"], data["cutoff"]
    rows = "".join(f"<tr><td>{c['month']}{' (est.)' if c['estimated'] else ''}</td><td>{c['successes']}/{c['n']}</td>"
                   f"<td>[{c['low']:.2f}, {c['high']:.2f}]</td><td>{'after' if c['after'] else 'before'}</td></tr>"
                   for c in data["months"])
    estimated = data.get("estimated_attempts") or 0
    note = (f"<p><b>Estimated release dates:</b> {estimated} of {data['attempts']} attempts "
            f"({len(data.get('estimated_problems') or [])} problems) are on problems whose release date is estimated "
            "from the problem number (months marked “est.”); their side of the boundary is uncertain.</p>"
            if estimated else "")
    body = (f"<p><b>Verdict:</b> {html.escape(data['verdict'])}</p>{note}"
            f"<img alt='acceptance by month' src='{time_plot(data)}'>"
            f"<p>Odds ratio of acceptance after vs before the boundary ({_fmt(data['boundary'])}), adjusted for "
            f"{html.escape(', '.join(odds['covariates']) or 'nothing')}, errors clustered by problem: "
            f"{_fmt(odds['estimate'])} [{_fmt(odds['low'])}, {_fmt(odds['high'])}] {html.escape(odds.get('note') or '')}</p>"
            f"<p>Effective cutoff estimate: {_fmt(cut['estimate'])} [{_fmt(cut['low'])}, {_fmt(cut['high'])}], "
            f"permutation p = {_fmt(cut['p_value'])}</p>"
            f"<table><tr><th>month</th><th>accepted</th><th>95% Wilson</th><th>side</th></tr>{rows}</table>")
    return _page(f"Time audit: {data['model']}", body)


def score_plot(data: dict[str, Any]) -> str:
    plt = _pyplot()
    names = [r["score"] for r in data["scores"] if r.get("before_values")]
    fig, axes = plt.subplots(1, max(1, len(names)), figsize=(2.6 * max(1, len(names)), 2.6), squeeze=False)
    for ax, row in zip(axes[0], [r for r in data["scores"] if r.get("before_values")]):
        ax.hist([row["before_values"], row["after_values"]], bins=12, density=True, label=["before", "after"],
                color=["#d62728", "#1f77b4"])  # densities: the sides differ in size
        ax.set_title(row["score"], fontsize=8)
        ax.tick_params(labelsize=6)
    axes[0][0].legend(fontsize=6)
    url = _png(fig)
    plt.close(fig)
    return url


def memorization_page(data: dict[str, Any]) -> str:
    ref = data.get("reference_model")

    def ref_cells(r: dict[str, Any]) -> str:
        if not ref:
            return ""
        return (f"<td>{_fmt(r.get('reference_auroc'))}</td><td>{_fmt(r.get('minus_reference'))} "
                f"[{_fmt(r.get('minus_reference_low'))}, {_fmt(r.get('minus_reference_high'))}]</td>")

    rows = "".join(f"<tr><td>{html.escape(r['score'])}</td><td>{html.escape(r['text'])}</td><td>{_fmt(r['auroc'])}</td>"
                   f"<td>[{_fmt(r['low'])}, {_fmt(r['high'])}]</td>{ref_cells(r)}</tr>" for r in data["scores"])
    blind = data.get("blind") or {}
    head = data.get("headline")
    headline = (f"<p><b>Headline:</b> {html.escape(head['score'])} on the {html.escape(head['text'])}: target − reference "
                f"({html.escape(ref or '')}) AUROC {_fmt(head['target_minus_reference'])} [{_fmt(head['low'])}, "
                f"{_fmt(head['high'])}]</p>" if head else "")
    estimated = (f"<p>{data['estimated_texts']} texts are of problems whose release date is estimated from the problem "
                 "number; their side of the boundary is uncertain.</p>" if data.get("estimated_texts") else "")
    ref_head = f"<th>AUROC of {html.escape(ref)}</th><th>target − reference [95%]</th>" if ref else ""
    body = (f"<p><b>Verdict:</b> {html.escape(data['verdict'])}</p>{headline}{estimated}"
            f"<p>Before: {data['n_before']} texts; after: {data['n_after']} texts. Scorer: {html.escape(data['scorer'])}</p>"
            f"<table><tr><th>score</th><th>text</th><th>AUROC</th><th>95% bootstrap</th>{ref_head}</tr>{rows}"
            f"<tr><td>blind bag-of-words</td><td>statement</td><td>{_fmt(blind.get('auroc'))}</td>"
            f"<td>[{_fmt(blind.get('low'))}, {_fmt(blind.get('high'))}]</td></tr></table>"
            f"<img alt='score distributions' src='{score_plot(data)}'>")
    return _page(f"Memorization audit: {data['model']}", body)


def continuation_plot(data: dict[str, Any]) -> str:
    plt = _pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.4))
    for before, color, name in ((True, "#d62728", "before"), (False, "#1f77b4", "after")):
        rows = [p for p in data["problems"] if p["before"] == before]
        left.scatter([p["general"]["rouge_l"] for p in rows], [p["guided"]["rouge_l"] for p in rows], s=12, color=color,
                     alpha=0.7, label=f"{name} the boundary")
        right.hist([p["guided"]["rouge_l"] - p["general"]["rouge_l"] for p in rows] or [0.0], bins=15, alpha=0.6,
                   color=color, label=name, density=True)
    left.plot([0, 1], [0, 1], color="grey", linewidth=0.8)
    left.set_xlabel("general ROUGE-L")
    left.set_ylabel("guided ROUGE-L")
    left.legend(fontsize=7)
    right.set_xlabel("guided − general (per problem)")
    right.legend(fontsize=7)
    url = _png(fig)
    plt.close(fig)
    return url


def continuation_page(data: dict[str, Any]) -> str:
    rows = ""
    for side in ("before", "after"):
        r = data.get(side)
        if r is None:
            continue
        d = r["difference"]
        rows += (f"<tr><td>{side}</td><td>{r['problems']}</td><td>{_fmt(r['guided_rouge_l'])}</td>"
                 f"<td>{_fmt(r['general_rouge_l'])}</td><td>{_fmt(d['mean'])} [{_fmt(d['low'])}, {_fmt(d['high'])}]</td>"
                 f"<td>{_fmt(d['p_value'])}</td><td>{r['exact']['guided']}/{r['exact']['general']}</td>"
                 f"<td>{r['near_exact']['guided']}/{r['near_exact']['general']}</td><td>{r['estimated_dates']}</td></tr>")
    body = (f"<p><b>Verdict:</b> {html.escape(data['verdict'])}</p>"
            f"<p>Scorer: {html.escape(data['scorer'])}; ROUGE-L over the first {data['rest_words']} words of the real rest.</p>"
            "<table><tr><th>side</th><th>problems</th><th>guided</th><th>general</th><th>difference [95%]</th><th>p</th>"
            f"<th>exact guided/general</th><th>near-exact</th><th>estimated dates</th></tr>{rows}</table>"
            f"<img alt='guided vs general ROUGE-L' src='{continuation_plot(data)}'>")
    return _page(f"Continuation audit: {data['model']}", body)
