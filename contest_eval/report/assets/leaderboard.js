"use strict";
// The leaderboard page's logic.  It recomputes, in the browser, exactly what
// contest_eval/report/leaderboard.py computes for one window: the same
// Wilson interval (operation for operation, so the doubles are identical),
// the same contamination flags, the same competition ranking, the same
// "x/N r% [lo, hi]" text as render.fmt_prop.  tests/test_leaderboard_page.py
// holds the page to that in a real browser.
(function () {
  const DATA = JSON.parse(document.getElementById("ce-data").textContent);
  const US_PER_DAY = 86400 * 1e6;  // times are integer microseconds since the epoch, UTC (exact in a double)
  const FLAG = {
    CLEAN: "clean", CONTAMINATED: "contaminated window", BEFORE: "before boundary",
    NO_BOUNDARY: "no boundary", NO_DATA: "no data", SANITY: "sanity check",
  };
  const $ = (id) => document.getElementById(id);
  const openDetails = new Set();  // entry indexes whose drill-down is open; kept across slider moves

  // -- statistics (mirrors report/stats.py) ----------------------------------

  function wilson(successes, n, z) {
    if (n === 0) return [0.0, 1.0];
    const p = successes / n;
    const z2 = z * z;
    const denom = 1.0 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const half = (z / denom) * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    const low = successes === 0 ? 0.0 : Math.max(0.0, center - half);
    const high = successes === n ? 1.0 : Math.min(1.0, center + half);
    return [low, high];
  }

  // Python's format(x, ".1f"): the exact binary value rounded half to even.
  // toFixed rounds an exact tie up, so ties are found from the exact digits
  // (60 places hold every double below 1000 exactly) and settled here.
  function fixed1(x) {
    const neg = x < 0 || Object.is(x, -0);
    const exact = Math.abs(x).toFixed(60);
    const dot = exact.indexOf(".");
    const whole = exact.slice(0, dot);
    const first = exact.charAt(dot + 1);
    const rest = exact.slice(dot + 2);
    let tenths = BigInt(whole + first);
    const over = rest.replace(/0+$/, "");
    if (over > "5" || (over.charAt(0) === "5" && over.length > 1)) tenths += 1n;
    else if (over === "5" && tenths % 2n === 1n) tenths += 1n;
    return (neg ? "-" : "") + (tenths / 10n).toString() + "." + (tenths % 10n).toString();
  }

  function pct(x) { return x === null ? "—" : fixed1(100 * x) + "%"; }

  function fmtProp(c) {
    if (c.n === 0) return "0/0";
    return `${c.successes}/${c.n} ${pct(c.successes / c.n)} [${fixed1(100 * c.low)}, ${fixed1(100 * c.high)}]`;
  }

  // -- windows and flags (mirrors report/leaderboard.py) ---------------------

  function dayStart(day) {
    const [y, m, d] = day.split("-").map(Number);
    return Date.UTC(y, m - 1, d) * 1000;
  }

  function classify(start, end, cut) {
    if (cut === null) return FLAG.NO_BOUNDARY;
    if (start >= cut) return FLAG.CLEAN;
    if (end <= cut) return FLAG.BEFORE;
    return FLAG.CONTAMINATED;
  }

  function isScored(v) { return v !== null && v !== "IE" && v !== "missing"; }

  function cellOf(entry, start, end) {
    let successes = 0, n = 0, ie = 0;
    const problems = new Set();
    for (const [pi, , verdict] of entry.attempts) {
      const t = DATA.problems[pi].t;
      if (t === null || t < start || t >= end) continue;
      problems.add(pi);
      if (verdict === "IE") ie += 1;
      if (!isScored(verdict)) continue;
      n += 1;
      if (verdict === "AC") successes += 1;
    }
    const [low, high] = wilson(successes, n, DATA.z);
    let flag = entry.sanity ? FLAG.SANITY : classify(start, end, entry.cut);
    if (flag === FLAG.CLEAN && n === 0) flag = FLAG.NO_DATA;
    return { successes, n, low, high, ie, problems: problems.size, flag, rank: null };
  }

  // Standard competition ranking (1, 1, 3) over the clean cells' point estimates.
  function rankCells(cells) {
    const clean = cells.filter((c) => c.flag === FLAG.CLEAN);
    const ordered = clean.map((c) => c.successes / c.n).sort((a, b) => b - a);
    for (const c of clean) c.rank = 1 + ordered.indexOf(c.successes / c.n);
  }

  function compute(start, end) {
    const cells = DATA.entries.map((e) => cellOf(e, start, end));
    rankCells(cells);
    return cells;
  }

  // -- rendering -------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("data-")) node.setAttribute(k, v);
      else node[k] = v;
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  function slug(flag) { return flag.replace(/ /g, "-"); }

  function auditsCell(entry) {
    const td = el("td", { class: "audits" });
    if (!entry.audits.length) {
      td.append(el("span", { class: "none" }, "none"));
      return td;
    }
    for (const a of entry.audits) {
      const line = el("span", { class: "audit", title: `${a.kind} audit, ${a.created_at.slice(0, 10)}, report ${a.report_id}: ${a.verdict}`,
                                "data-kind": a.kind });
      line.append(el("b", {}, a.kind + ": "), a.verdict);
      td.append(line);
    }
    return td;
  }

  function intervalBar(c) {
    const bar = el("div", { class: "bar", title: c.n ? `95% Wilson [${pct(c.low)}, ${pct(c.high)}]` : "no scored attempt" });
    if (c.n) {
      const ci = el("span", { class: "ci" });
      ci.style.left = `${100 * c.low}%`;
      ci.style.width = `${100 * (c.high - c.low)}%`;
      const pt = el("span", { class: "pt" });
      pt.style.left = `${100 * c.successes / c.n}%`;
      bar.append(ci, pt);
    }
    return bar;
  }

  // "python3, T=1.0 …": the language first and bold, the rest small.
  function protocolCell(protocol) {
    const cut = protocol.indexOf(",");
    const td = el("td", { class: "protocol", title: protocol });
    if (cut < 0) td.append(el("b", {}, protocol));
    else td.append(el("b", {}, protocol.slice(0, cut)), protocol.slice(cut));
    return td;
  }

  function rowOf(i, c) {
    const e = DATA.entries[i];
    const button = el("button", { type: "button", title: "per-problem results in this window" }, e.model);
    button.setAttribute("aria-expanded", String(openDetails.has(i)));
    button.addEventListener("click", () => {
      if (openDetails.has(i)) openDetails.delete(i); else openDetails.add(i);
      render();
    });
    const tr = el("tr", {
      class: "row" + (c.rank === null ? " unranked" : ""), "data-entry": String(i), "data-model": e.model,
      "data-protocol": e.protocol, "data-sanity": String(e.sanity), "data-rank": c.rank === null ? "" : String(c.rank),
      "data-flag": c.flag, "data-successes": String(c.successes), "data-n": String(c.n), "data-low": String(c.low),
      "data-high": String(c.high), "data-ie": String(c.ie), "data-problems": String(c.problems),
    },
    el("td", { class: "rank num" }, c.rank === null ? "—" : `#${c.rank}`),
    el("td", { class: "model" }, button, e.sanity ? " " : null,
      e.sanity ? el("span", { class: "sanity-label" }, "(sanity check, not ranked)") : null),
    protocolCell(e.protocol),
    el("td", { class: "boundary" }, e.boundary || "?"),
    el("td", { class: "acc num" }, fmtProp(c)),
    el("td", { class: "bar-col" }, intervalBar(c)),
    el("td", { class: "problems num" }, String(c.problems)),
    el("td", { class: "ie num" }, String(c.ie)),
    el("td", { class: "status" }, el("span", { class: "flag " + slug(c.flag) }, c.flag)),
    auditsCell(e));
    return tr;
  }

  // Per-problem results of one entry inside the window, one line per problem.
  function detailOf(i, start, end) {
    const e = DATA.entries[i];
    const byProblem = new Map();
    for (const [pi, rollout, verdict] of e.attempts) {
      const t = DATA.problems[pi].t;
      if (t === null || t < start || t >= end) continue;
      if (!byProblem.has(pi)) byProblem.set(pi, []);
      byProblem.get(pi).push([rollout, verdict]);
    }
    const order = [...byProblem.keys()].sort((a, b) => {
      const pa = DATA.problems[a], pb = DATA.problems[b];
      return pa.t - pb.t || (pa.contest || "").localeCompare(pb.contest || "") || pa.slug.localeCompare(pb.slug);
    });
    const body = el("tbody");
    for (const pi of order) {
      const p = DATA.problems[pi];
      const attempts = byProblem.get(pi).sort((a, b) => a[0] - b[0]);
      const scored = attempts.filter(([, v]) => isScored(v));
      const solved = scored.filter(([, v]) => v === "AC").length;
      const chips = el("td", { class: "verdicts" });
      for (const [rollout, v] of attempts) {
        const label = v === null ? "pending" : v;
        chips.append(el("span", { class: "v " + label, title: `rollout ${rollout}` }, label));
      }
      const seen = e.cut !== null && p.t < e.cut && !e.sanity;
      body.append(el("tr", { "data-problem": p.slug, "data-platform": p.platform, "data-solved": String(solved),
                             "data-scored": String(scored.length) },
        el("td", {}, p.contest || ""), el("td", {}, p.slug),
        el("td", {}, p.day, seen ? el("span", { class: "seen", title: "released on or before the model's boundary" }, " seen") : null),
        el("td", {}, p.difficulty || ""), chips, el("td", { class: "num" }, `${solved}/${scored.length}`)));
    }
    const head = el("thead", {}, el("tr", {}, ...["contest", "problem", "released", "difficulty", "attempts", "solved"]
      .map((h) => el("th", {}, h))));
    const wrap = el("div", {},
      el("h3", {}, `${e.model}: ${byProblem.size} problem(s) in this window`),
      el("p", { class: "muted" }, `protocol ${e.protocol}; boundary ${e.boundary || "unknown"}; run(s) ${e.runs.join(", ")}`));
    for (const a of e.audits) {
      wrap.append(el("p", { class: "audit-verdict", "data-kind": a.kind },
        el("b", {}, `${a.kind} audit (${a.created_at.slice(0, 10)}, report ${a.report_id}): `), a.verdict));
    }
    if (!e.audits.length) wrap.append(el("p", { class: "muted" }, "No contamination audit stored for this model."));
    wrap.append(el("table", { class: "problems", "data-entry": String(i) }, head, body));
    return el("tr", { class: "detail", "data-entry": String(i) }, el("td", { colSpan: 10 }, wrap));
  }

  const FLAG_ORDER = [FLAG.CONTAMINATED, FLAG.BEFORE, FLAG.NO_BOUNDARY, FLAG.NO_DATA];

  // Ranked rows by rank, then the listed-but-unranked, then the sanity rows.
  function order(cells) {
    const idx = cells.map((_, i) => i);
    const byName = (a, b) => DATA.entries[a].model.localeCompare(DATA.entries[b].model)
      || DATA.entries[a].protocol.localeCompare(DATA.entries[b].protocol);
    const rate = (c) => (c.n ? c.successes / c.n : -1);
    const ranked = idx.filter((i) => cells[i].rank !== null).sort((a, b) => cells[a].rank - cells[b].rank || byName(a, b));
    const listed = idx.filter((i) => cells[i].rank === null && !DATA.entries[i].sanity)
      .sort((a, b) => FLAG_ORDER.indexOf(cells[a].flag) - FLAG_ORDER.indexOf(cells[b].flag)
        || rate(cells[b]) - rate(cells[a]) || byName(a, b));
    const sanity = idx.filter((i) => DATA.entries[i].sanity).sort(byName);
    return [ranked.concat(listed), sanity];
  }

  function currentWindow() {
    const s = Number($("start").value), e = Number($("end").value);
    return [DATA.days[s], DATA.days[e]];
  }

  function drawTimeline(start, end) {
    const svg = $("timeline");
    svg.replaceChildren();
    const NS = "http://www.w3.org/2000/svg";
    const node = (tag, attrs, text) => {
      const n = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      if (text !== undefined) n.textContent = text;
      return n;
    };
    const t0 = dayStart(DATA.days[0]), t1 = dayStart(DATA.days[DATA.days.length - 1]) + US_PER_DAY;
    const x = (t) => 10 + 980 * (t - t0) / (t1 - t0);
    const perDay = new Map();
    for (const p of DATA.problems) if (p.day) perDay.set(p.day, (perDay.get(p.day) || 0) + 1);
    const most = Math.max(1, ...perDay.values());
    svg.append(node("rect", { class: "sel", x: x(start), y: 0, width: Math.max(2, x(end) - x(start)), height: 52 }));
    for (const [day, count] of perDay) {
      const ds = dayStart(day);
      const h = 6 + 40 * count / most;
      const bar = node("rect", { class: "day" + (ds >= start && ds < end ? " in" : ""), x: x(ds), y: 52 - h,
                                 width: Math.max(3, x(ds + US_PER_DAY) - x(ds)), height: h });
      bar.append(node("title", {}, `${day}: ${count} problem(s)`));
      svg.append(bar);
    }
    const seen = new Set();
    for (const e of DATA.entries) {
      if (e.sanity || e.cut === null || e.cut <= t0 || e.cut >= t1 || seen.has(e.boundary)) continue;
      seen.add(e.boundary);
      const line = node("line", { class: "bnd", x1: x(e.cut), x2: x(e.cut), y1: 0, y2: 52 });
      const names = DATA.entries.filter((o) => o.boundary === e.boundary && !o.sanity).map((o) => o.model);
      line.append(node("title", {}, `boundary ${e.boundary}: ${[...new Set(names)].join(", ")}`));
      svg.append(line);
      svg.append(node("text", { class: "bnd-label", x: x(e.cut) + 3, y: 10 }, [...new Set(names)].join(", ")));
    }
    svg.append(node("text", { x: 10, y: 66 }, DATA.days[0]));
    svg.append(node("text", { x: 990, y: 66, "text-anchor": "end" }, DATA.days[DATA.days.length - 1]));
  }

  function render() {
    const ranked = $("ranked"), sanity = $("sanity");
    if (!DATA.days.length) {
      $("empty").hidden = false;
      return;
    }
    const [first, last] = currentWindow();
    const start = dayStart(first), end = dayStart(last) + US_PER_DAY;
    const inWindow = DATA.problems.filter((p) => p.t !== null && p.t >= start && p.t < end).length;
    $("start-label").textContent = first;
    $("end-label").textContent = last;
    const w = $("window");
    w.dataset.start = first;
    w.dataset.end = last;
    w.dataset.problems = String(inWindow);
    w.textContent = `${inWindow} problem(s) in window`;
    const cells = compute(start, end);
    const [main, sane] = order(cells);
    const rows = [];
    for (const i of main) {
      rows.push(rowOf(i, cells[i]));
      if (openDetails.has(i)) rows.push(detailOf(i, start, end));
    }
    ranked.replaceChildren(...rows);
    const srows = [];
    if (sane.length) {
      srows.push(el("tr", { class: "section" }, el("td", { colSpan: 10 },
        "Sanity check: trusted reference solutions replayed through the pipeline. Not a model; never ranked.")));
    }
    for (const i of sane) {
      srows.push(rowOf(i, cells[i]));
      if (openDetails.has(i)) srows.push(detailOf(i, start, end));
    }
    sanity.replaceChildren(...srows);
    drawTimeline(start, end);
  }

  // Keep start <= end: moving one handle past the other drags the other along.
  function onSlide(moved) {
    const s = $("start"), e = $("end");
    if (Number(s.value) > Number(e.value)) {
      if (moved === s) e.value = s.value; else s.value = e.value;
    }
    render();
  }

  function init() {
    const models = new Set(DATA.entries.filter((e) => !e.sanity).map((e) => e.model));
    $("summary").textContent = `${models.size} model(s), ${DATA.problems.length} problem(s)`
      + (DATA.days.length ? ` released ${DATA.days[0]} to ${DATA.days[DATA.days.length - 1]}` : "")
      + `; generated ${DATA.generated_at}`;
    const notes = $("notes");
    for (const n of DATA.notes) notes.append(el("li", {}, n));
    if (DATA.undated_attempts) {
      notes.append(el("li", {}, `${DATA.undated_attempts} attempt(s) on problems without a release date are in no window`));
    }
    const last = Math.max(0, DATA.days.length - 1);
    for (const [id, value] of [["start", DATA.initial[0]], ["end", DATA.initial[1]]]) {
      const input = $(id);
      input.max = String(last);
      input.value = String(value);
      input.disabled = !DATA.days.length;
      input.addEventListener("input", () => onSlide(input));
    }
    // The first release day after every (non-sanity) model's boundary: the window where all are comparable.
    const cuts = DATA.entries.filter((e) => !e.sanity && e.cut !== null).map((e) => e.cut);
    const latest = cuts.length ? Math.max(...cuts) : null;
    const firstClean = latest === null ? -1 : DATA.days.findIndex((d) => dayStart(d) >= latest);
    const after = $("after-boundaries");
    after.disabled = firstClean < 0;
    if (firstClean < 0) after.title = "no release day is after every model's boundary";
    after.addEventListener("click", () => {
      $("start").value = String(firstClean);
      $("end").value = String(last);
      render();
    });
    $("all-days").disabled = !DATA.days.length;
    $("all-days").addEventListener("click", () => {
      $("start").value = "0";
      $("end").value = String(last);
      render();
    });
    render();
    document.body.dataset.ready = "true";  // tests wait for this
  }

  // The pure functions, for checking against Python in a browser (tests/test_leaderboard_page.py).
  window.contestEvalPage = Object.freeze({ wilson, fixed1, fmtProp, classify, dayStart });
  init();
})();
