"""Inputs for count-valid-word-occurrences.

chunks: 1..1e5 strings, each of length >= 1, total length <= 1e5, characters a-z, ' ', '-'.
queries: 1..1e5 strings, each of length >= 1, total length <= 1e5, valid words
(a-z and '-', no leading/trailing '-', no '--').
"""
import random
import re

LIMIT = 10**5
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _valid_word(q):
    return (len(q) >= 1 and all(c in LETTERS or c == "-" for c in q)
            and q[0] != "-" and q[-1] != "-" and "--" not in q)


def _check(chunks, queries):
    assert 1 <= len(chunks) <= LIMIT and all(isinstance(c, str) and len(c) >= 1 for c in chunks)
    assert sum(map(len, chunks)) <= LIMIT
    assert all(ch in LETTERS or ch in " -" for c in chunks for ch in c)
    assert 1 <= len(queries) <= LIMIT and sum(map(len, queries)) <= LIMIT
    assert all(_valid_word(q) for q in queries)
    return {"args": {"chunks": chunks, "queries": queries}}


def _word(rng, alpha, max_len, hyphen_p):
    n = rng.randint(1, max_len)
    out = [rng.choice(alpha)]
    for _ in range(n - 1):
        if out[-1] != "-" and rng.random() < hyphen_p:
            out.append("-")
        out.append(rng.choice(alpha))
    return "".join(out)


def _text(rng, length, alpha, max_len, hyphen_p, sep_choices):
    """A string of about `length` characters: words and separators."""
    parts, total = [], 0
    if rng.random() < 0.3:
        s = rng.choice(sep_choices)
        parts.append(s)
        total += len(s)
    while total < length:
        w = _word(rng, alpha, max_len, hyphen_p)
        s = rng.choice(sep_choices)
        parts.append(w)
        parts.append(s)
        total += len(w) + len(s)
    text = "".join(parts)[:length]
    return text


def _split(rng, s, pieces):
    pieces = max(1, min(pieces, len(s)))
    cuts = sorted(rng.sample(range(1, len(s)), pieces - 1)) if pieces > 1 else []
    bounds = [0] + cuts + [len(s)]
    return [s[a:b] for a, b in zip(bounds, bounds[1:])]


def _words_of(s):
    return re.findall(r"[a-z]+(?:-[a-z]+)*", s)


def _queries(rng, s, count, budget, alpha, max_len):
    """Present words, their hyphen parts, cross-'--' joins and random words."""
    words = _words_of(s)
    out, total = [], 0
    while len(out) < count:
        r = rng.random()
        if words and r < 0.45:
            q = rng.choice(words)
        elif words and r < 0.65:
            parts = rng.choice(words).split("-")
            i = rng.randrange(len(parts))
            j = rng.randint(i + 1, len(parts))
            q = "-".join(parts[i:j])
        elif words and r < 0.75:
            q = rng.choice(words) + "-" + rng.choice(words)
        else:
            q = _word(rng, alpha, max_len, 0.2)
        if total + len(q) > budget:
            break
        out.append(q)
        total += len(q)
    if not out:
        out = [rng.choice(alpha)]
    return out


SEPS_ALL = [" ", " ", " ", "-", "--", " - ", "  ", "- ", " -", "---"]


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases
    tests.append(_check(["a"], ["a"]))
    tests.append(_check([" "], ["a"]))
    tests.append(_check(["-"], ["a"]))
    tests.append(_check(["a-"], ["a"]))
    tests.append(_check(["-a"], ["a"]))
    tests.append(_check(["a", "-", "b"], ["a-b", "a", "b"]))        # joiner formed across chunks
    tests.append(_check(["a-", "-b"], ["a", "b", "a-b"]))
    tests.append(_check(["ab", "cd"], ["abcd", "ab", "cd"]))        # a word split over chunks
    tests.append(_check(["x-y-z x-y z"], ["x-y-z", "x-y", "y-z", "x", "z"]))
    tests.append(_check(["a--b-c -d- e-"], ["a", "b-c", "d", "e", "a-b-c"]))
    tests.append(_check(["  word  word word  "], ["word", "wor", "w"]))
    tests.append(_check(["-", "-", " ", "q", "-", "-"], ["q"]))
    tests.append(_check(["aaa aa a aa-a a-aa"], ["a", "aa", "aaa", "aa-a", "a-aa", "a-a"]))
    # small random (tiny alphabet so words repeat)
    for _ in range(20):
        alpha = LETTERS[:rng.randint(1, 3)]
        s = _text(rng, rng.randint(1, 40), alpha, 4, 0.3, SEPS_ALL)
        if not s:
            s = "a"
        chunks = _split(rng, s, rng.randint(1, len(s)))
        tests.append(_check(chunks, _queries(rng, s, rng.randint(1, 8), 200, alpha, 4)))
    # medium random
    for _ in range(12):
        alpha = LETTERS[:rng.randint(2, 26)]
        s = _text(rng, rng.randint(100, 5000), alpha, rng.randint(2, 8), rng.choice([0.0, 0.1, 0.4]), SEPS_ALL)
        chunks = _split(rng, s, rng.randint(1, len(s) // 3))
        tests.append(_check(chunks, _queries(rng, s, rng.randint(1, 2000), 20000, alpha, 6)))
    # maximum size
    # 1e5 one-character chunks, 1e5 one-letter queries (5e4 one-letter words)
    s = "".join(rng.choice("ab") + rng.choice(" -") for _ in range(LIMIT // 2))
    tests.append(_check(list(s), [rng.choice(LETTERS[:4]) for _ in range(LIMIT)]))
    # one chunk, queries over two letters
    s = _text(rng, LIMIT, "ab", 3, 0.3, SEPS_ALL)
    tests.append(_check([s], _queries(rng, s, LIMIT, LIMIT, "ab", 3)))
    # one giant hyphenated word and long near-miss queries
    w = "-".join(rng.choice(LETTERS) * rng.randint(1, 3) for _ in range(LIMIT // 6))[:LIMIT // 2 - 1].strip("-")
    s = w + " " + w
    tests.append(_check(_split(rng, s, 1000), [w, w[:len(w) // 2].rstrip("-"), w[:100].rstrip("-")]))
    tests.append(_check([w + "-", "-" + w], [w, w[:20000].rstrip("-")]))
    # many chunks, many medium queries
    s = _text(rng, LIMIT, LETTERS[:5], 6, 0.25, SEPS_ALL)
    tests.append(_check(_split(rng, s, 30000), _queries(rng, s, 30000, LIMIT, LETTERS[:5], 6)))
    s = _text(rng, LIMIT, LETTERS, 10, 0.1, [" ", " ", "--", " -"])
    tests.append(_check(_split(rng, s, 200), _queries(rng, s, 50000, LIMIT, LETTERS, 6)))
    return tests
