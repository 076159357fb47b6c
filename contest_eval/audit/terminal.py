"""Terminal summaries of the audits (Rich tables), rendered from each audit's stored result dictionary."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_time(console: Console, data: dict[str, Any]) -> None:
    table = Table("month", "accepted", "rate [95% Wilson]", "problems", "side", title=f"{data['model']}: acceptance by release month")
    for cell in data["months"]:
        rate = cell["successes"] / cell["n"]
        side = "after" if cell["after"] else "before"
        table.add_row(cell["month"] + (" (est.)" if cell["estimated"] else ""), f"{cell['successes']}/{cell['n']}",
                      f"{rate:.2f} [{cell['low']:.2f}, {cell['high']:.2f}]", str(cell["problems"]), side)
    console.print(table)
    odds, cut = data["odds_ratio"], data["cutoff"]
    if odds["estimate"] is None:
        console.print(f"odds ratio after/before the boundary: not estimated ({odds['note']})", highlight=False)
    else:
        console.print(f"odds ratio of acceptance after vs before the boundary {data['boundary']}: "
                      f"{odds['estimate']:.3f} [{odds['low']:.3f}, {odds['high']:.3f}] (p={odds['p_value']:.3g}; "
                      f"adjusted for {', '.join(odds['covariates']) or 'nothing'}; errors clustered by problem)", highlight=False)
    found = f"{cut['estimate']} [{cut['low']}, {cut['high']}]" if cut["estimate"] else "—"
    claim = "step found" if cut["claimed"] else "no significant drop"
    console.print(f"declared boundary: {data['boundary'] or '—'}   effective cutoff estimate: {found} "
                  f"(permutation p={_fmt(cut['p_value'], 3)}; {claim})", highlight=False)
    if data.get("estimated_attempts"):
        console.print(f"estimated release dates: {data['estimated_attempts']} of {data['attempts']} attempts "
                      f"({len(data['estimated_problems'])} problems); months marked (est.)", highlight=False)
    console.print(f"[bold]verdict:[/] {data['verdict']}")


def print_memorization(console: Console, data: dict[str, Any]) -> None:
    ref = data.get("reference_model")
    columns = ["score", "text", "AUROC [95% bootstrap]", "minus blind [95%]"]
    if ref:
        columns += [f"AUROC of {ref}", "target − reference [95%]"]
    table = Table(*columns, title=f"{data['model']}: before ({data['n_before']}) vs after ({data['n_after']}) {data['boundary']}")
    for r in data["scores"]:
        diff = "—" if r["minus_blind"] is None else f"{r['minus_blind']:+.2f} [{r['minus_blind_low']:+.2f}, {r['minus_blind_high']:+.2f}]"
        cells = [r["score"], r["text"], f"{r['auroc']:.2f} [{r['low']:.2f}, {r['high']:.2f}]", diff]
        if ref:
            cells += ["—" if r.get("reference_auroc") is None else f"{r['reference_auroc']:.2f}",
                      "—" if r.get("minus_reference") is None else
                      f"{r['minus_reference']:+.2f} [{r['minus_reference_low']:+.2f}, {r['minus_reference_high']:+.2f}]"]
        table.add_row(*cells)
    blind = data["blind"]
    table.add_row("blind bag-of-words", "statement", f"{blind['auroc']:.2f} [{blind['low']:.2f}, {blind['high']:.2f}]", "",
                  *([""] * (2 if ref else 0)))
    console.print(table)
    head = data.get("headline")
    if head:
        console.print(f"headline: {head['score']} on the {head['text']}: target − reference AUROC "
                      f"{head['target_minus_reference']:+.2f} [{head['low']:+.2f}, {head['high']:+.2f}]", highlight=False)
    if data.get("estimated_texts"):
        console.print(f"{data['estimated_texts']} texts are of problems with estimated release dates", highlight=False)
    console.print(f"[bold]verdict:[/] {data['verdict']}")


def print_continuation(console: Console, data: dict[str, Any]) -> None:
    table = Table("side", "problems", "guided ROUGE-L", "general ROUGE-L", "guided − general [95%]", "p", "exact g/G",
                  "near-exact g/G", title=f"{data['model']}: guided vs general completion, boundary {data['boundary']}")
    for side in ("before", "after"):
        r = data[side]
        if r is None:
            continue
        d = r["difference"]
        table.add_row(side, str(r["problems"]), f"{r['guided_rouge_l']:.3f}", f"{r['general_rouge_l']:.3f}",
                      f"{d['mean']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}]", f"{d['p_value']:.3g}",
                      f"{r['exact']['guided']}/{r['exact']['general']}", f"{r['near_exact']['guided']}/{r['near_exact']['general']}")
    console.print(table)
    estimated = sum(p["estimated"] for p in data["problems"])
    if estimated:
        console.print(f"{estimated} of {len(data['problems'])} problems have estimated release dates", highlight=False)
    console.print(f"[bold]verdict:[/] {data['verdict']}")
