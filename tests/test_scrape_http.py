"""The polite client over real HTTP against a local scripted server.

Sleeps are injected (recorded, not slept) and the rate-limit clock is fake, so
backoff and spacing are checked exactly and the tests stay fast; only the
timeout test waits on a real socket.
"""

from __future__ import annotations

import hashlib
import json
import logging
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from contest_eval.scrape import Archive, HTTPStatusError, PoliteClient, ScrapeError, cookies_from_env
from scrape_server import Reply, ScrapeServer

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scrape" / "leetcode"
SECRET_SESSION = "sEcReT-SeSsIoN-value-9f8e7d"
SECRET_CSRF = "cSrF-ToKeN-value-1a2b3c"


class FakeTime:
    """A clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.sleeps.append(round(s, 6))
        self.now += s


@pytest.fixture
def server():
    with ScrapeServer() as srv:
        yield srv


@pytest.fixture
def fake():
    return FakeTime()


def make_client(fake: FakeTime, **kw) -> PoliteClient:
    kw.setdefault("min_interval_s", {"127.0.0.1": 0.0})
    return PoliteClient(sleep=fake.sleep, clock=fake.clock, jitter=lambda: 0.0, **kw)


def test_rate_limit_spaces_calls_to_the_same_host(server, fake):
    server.route("/a", Reply.json({"ok": 1}))
    client = make_client(fake, min_interval_s={"127.0.0.1": 2.0})
    client.get_json(server.url("/a"))
    client.get_json(server.url("/a"))
    client.get_json(server.url("/a"))
    assert fake.sleeps == [2.0, 2.0]
    assert len(server.hits("/a")) == 3


def test_rate_limit_defaults_per_host():
    client = PoliteClient()
    assert client.interval_for("codeforces.com") == 2.0
    assert client.interval_for("mirror.codeforces.com") == 2.0
    assert client.interval_for("leetcode.com") == 1.0
    assert client.interval_for("example.org") == 1.0
    assert PoliteClient(min_interval_s={"codeforces.com": 5.0}).interval_for("codeforces.com") == 5.0


def test_429_with_retry_after_seconds_then_success(server, fake):
    server.route("/r", Reply(429, {"Retry-After": "1"}, "slow down"), Reply.json({"ok": True}))
    client = make_client(fake)
    assert client.get_json(server.url("/r")) == {"ok": True}
    assert fake.sleeps == [1.0]
    assert len(server.hits("/r")) == 2


def test_429_with_retry_after_http_date_is_honoured(server, fake):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    server.route("/r", Reply(429, {"Retry-After": when}), Reply(503, {"Retry-After": when}), Reply.json({"ok": 1}))
    assert make_client(fake, backoff_s=0.5).get_json(server.url("/r")) == {"ok": 1}
    # An HTTP date has whole seconds: each wait is what is left of the 30 s, not the 0.5 s / 1 s backoff.
    assert len(fake.sleeps) == 2 and all(25.0 < s <= 30.0 for s in fake.sleeps), fake.sleeps
    assert len(server.hits("/r")) == 3


def test_unreadable_or_zero_retry_after_falls_back_to_backoff(server, fake):
    server.route("/r", Reply(429, {"Retry-After": "garbage"}), Reply(503, {"Retry-After": "0"}), Reply.json(1))
    make_client(fake, backoff_s=0.5).get_json(server.url("/r"))
    assert fake.sleeps == [0.5, 1.0]


def test_retry_after_date_over_cap_is_a_clear_error(server, fake):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(hours=2), usegmt=True)
    server.route("/r", Reply(503, {"Retry-After": when}))
    with pytest.raises(HTTPStatusError, match=r"HTTP 503 with Retry-After 7\d{3}s \(over the 300s cap\)"):
        make_client(fake).get(server.url("/r"))
    assert len(server.hits("/r")) == 1 and fake.sleeps == []


def test_retry_after_over_cap_is_a_clear_error(server, fake):
    server.route("/r", Reply(429, {"Retry-After": "86400"}))
    with pytest.raises(ScrapeError, match="Retry-After 86400s"):
        make_client(fake).get(server.url("/r"))
    assert len(server.hits("/r")) == 1


def test_500s_then_success_backs_off_exponentially(server, fake):
    server.route("/x", Reply(500), Reply(503), Reply(502), Reply.json([1, 2]))
    client = make_client(fake, backoff_s=0.5)
    assert client.get_json(server.url("/x")) == [1, 2]
    assert fake.sleeps == [0.5, 1.0, 2.0]


def test_jitter_stretches_backoff(server, fake):
    server.route("/x", Reply(500), Reply.json(1))
    client = PoliteClient(sleep=fake.sleep, clock=fake.clock, jitter=lambda: 1.0, backoff_s=1.0,
                          min_interval_s={"127.0.0.1": 0.0})
    client.get_json(server.url("/x"))
    assert fake.sleeps == [1.5]


def test_500s_exhaust_retries(server, fake):
    server.route("/x", Reply(500, body="boom"))
    with pytest.raises(HTTPStatusError, match=r"HTTP 500 after 3 attempts") as err:
        make_client(fake, retries=2).get(server.url("/x"))
    assert err.value.status == 500
    assert len(server.hits("/x")) == 3


def test_timeout_is_retried_then_succeeds(server, fake):
    # The fast reply gets a whole second: on a loaded machine 0.3 s was not always enough.
    server.route("/slow", Reply.json({"late": 1}, delay_s=3.0), Reply.json({"fast": 1}))
    client = make_client(fake, timeout_s=1.0, retries=2)
    assert client.get_json(server.url("/slow")) == {"fast": 1}
    assert len(fake.sleeps) == 1


def test_timeout_exhausts_retries(server, fake):
    server.route("/slow", Reply.json({"late": 1}, delay_s=1.0))
    with pytest.raises(ScrapeError, match="timed out after 2 attempts"):
        make_client(fake, timeout_s=0.2, retries=1).get(server.url("/slow"))


def test_connection_refused_is_retried_then_clear_error(fake):
    srv = ScrapeServer().start()
    url = srv.url("/gone")
    srv.stop()
    with pytest.raises(ScrapeError, match=r"failed \(ConnectionError\) after 3 attempts"):
        make_client(fake, retries=2).get(url)
    assert len(fake.sleeps) == 2


def test_body_cut_mid_transfer_is_retried(server, fake):
    body = json.dumps({"items": list(range(200))})
    server.route("/cut", Reply(200, {"Content-Type": "application/json"}, body, cut_after=50),
                 Reply(200, {"Content-Type": "application/json"}, body))
    assert make_client(fake).get_json(server.url("/cut"))["items"][-1] == 199
    assert len(server.hits("/cut")) == 2


def test_truncated_json_is_a_clear_error(server, fake):
    # A complete HTTP response whose JSON body ends early: the server sent
    # it that way, so retrying would return the same bytes.
    server.route("/t", Reply(200, {"Content-Type": "application/json"}, '{"data": {"question": {"title": "Two'))
    with pytest.raises(ScrapeError, match="truncated/invalid JSON .*cut off"):
        make_client(fake).get_json(server.url("/t"))
    server.route("/i", Reply(200, {"Content-Type": "application/json"}, "<html>oops</html>"))
    with pytest.raises(ScrapeError, match=r"truncated/invalid JSON .*\(HTTP 200\)$"):
        make_client(fake).get_json(server.url("/i"))


def test_cloudflare_challenge_page_is_not_retried(server, fake):
    """The challenge page is built from the documented markers (scraping.md
    §1.6: 403 HTML "Just a moment...", ``cf-chl``); no real one is recorded."""
    page = (FIXTURES / "cloudflare_challenge.html").read_text()
    server.route("/graphql", Reply.html(page, status=403), method="POST")
    with pytest.raises(ScrapeError, match="blocked by a Cloudflare challenge"):
        make_client(fake).post_json(server.url("/graphql"), {"query": "{ x }"})
    assert len(server.hits("/graphql")) == 1
    assert fake.sleeps == []


def test_cloudflare_header_on_503_is_not_retried(server, fake):
    server.route("/p", Reply(503, {"cf-mitigated": "challenge", "Content-Type": "text/html"}, "<html></html>"))
    with pytest.raises(ScrapeError, match="Cloudflare"):
        make_client(fake).get(server.url("/p"))
    assert len(server.hits("/p")) == 1


def test_login_redirect_is_a_clear_error(server, fake):
    server.route("/contest/weekly-contest-381/problems/x/",
                 Reply(302, {"Location": "/accounts/login/?next=/contest/weekly-contest-381/problems/x/"}))
    with pytest.raises(ScrapeError, match="login required"):
        make_client(fake).get_text(server.url("/contest/weekly-contest-381/problems/x/"))
    assert not server.hits("/accounts/login/")


def test_other_redirects_are_followed(server, fake):
    server.route("/old", Reply(301, {"Location": "/new"}))
    server.route("/new", Reply.json({"moved": True}))
    assert make_client(fake).get_json(server.url("/old")) == {"moved": True}
    # A slug that merely starts with "login" is not the login page.
    server.route("/p", Reply(302, {"Location": "/problems/login-system/"}))
    server.route("/problems/login-system/", Reply.json({"slug": "login-system"}))
    assert make_client(fake).get_json(server.url("/p")) == {"slug": "login-system"}


def test_404_is_an_http_error_with_the_response(server, fake):
    server.route("/api/x", Reply.json({"status": "FAILED", "comment": "contestId: not found"}, status=400))
    with pytest.raises(HTTPStatusError, match="HTTP 400") as err:
        make_client(fake).get(server.url("/api/x"))
    assert err.value.response.json()["comment"] == "contestId: not found"
    assert len(server.hits("/api/x")) == 1


def test_archive_records_every_raw_response(server, fake, tmp_path):
    server.route("/r", Reply(500, body="first"), Reply.json({"n": 1}))
    archive = Archive(tmp_path / "arch")
    client = make_client(fake, archive=archive)
    client.get_json(server.url("/r"), params={"page": 2})
    entries = list(archive.entries())
    assert [e["status"] for e in entries] == [500, 200]
    for e in entries:
        body = archive.body(e["sha256"])
        assert hashlib.sha256(body).hexdigest() == e["sha256"]
        assert e["url"].endswith("/r?page=2") and e["method"] == "GET"
        assert datetime.fromisoformat(e["fetched_at"]).tzinfo is not None
    replay = archive.lookup("GET", server.url("/r?page=2"))
    assert replay is not None and json.loads(replay.body) == {"n": 1} and replay.status == 200


def test_archive_keeps_post_payload_for_replay(server, fake, tmp_path):
    server.route("/graphql", lambda req: Reply.json({"echo": req.json()["variables"]}), method="POST")
    archive = Archive(tmp_path)
    client = make_client(fake, archive=archive)
    for slug in ("two-sum", "add-two-numbers"):
        client.post_json(server.url("/graphql"), {"query": "q", "variables": {"titleSlug": slug}})
    payload = json.dumps({"query": "q", "variables": {"titleSlug": "two-sum"}}, separators=(",", ":")).encode()
    hit = archive.lookup("POST", server.url("/graphql"), payload)
    assert hit is not None and json.loads(hit.body) == {"echo": {"titleSlug": "two-sum"}}


def test_cookies_sent_but_never_logged_archived_or_raised(server, fake, tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("LEETCODE_SESSION", SECRET_SESSION)
    monkeypatch.setenv("csrftoken", SECRET_CSRF)
    cookies = cookies_from_env()
    assert cookies == {"LEETCODE_SESSION": SECRET_SESSION, "csrftoken": SECRET_CSRF}
    server.route("/graphql", Reply(500), Reply.json({"data": {}}), method="POST")
    server.route("/boom", Reply(403, {"Content-Type": "text/plain"}, "forbidden"))
    archive = Archive(tmp_path / "arch")
    client = make_client(fake, cookies=cookies, archive=archive)
    caplog.set_level(logging.DEBUG)
    client.post_json(server.url("/graphql"), {"query": "{ x }"}, headers={"Referer": server.base_url})
    with pytest.raises(ScrapeError) as err:
        client.get(server.url("/boom"))

    sent = server.hits("/graphql")[-1].headers
    assert SECRET_SESSION in sent["cookie"] and sent["x-csrftoken"] == SECRET_CSRF
    assert "x-csrftoken" not in server.hits("/boom")[0].headers  # only echoed on writes
    for secret in (SECRET_SESSION, SECRET_CSRF):
        assert secret not in caplog.text
        assert secret not in str(err.value)
        assert secret not in repr(client)
        for f in (tmp_path / "arch").rglob("*"):
            if f.is_file():
                assert secret.encode() not in f.read_bytes(), f


def test_cookies_only_go_to_their_hosts(server, fake):
    server.route("/a", Reply.json(1))
    client = make_client(fake, cookies={"LEETCODE_SESSION": SECRET_SESSION}, cookie_hosts=("leetcode.com",))
    client.get(server.url("/a"))
    assert "cookie" not in server.hits("/a")[0].headers


def test_secret_query_params_are_redacted_in_archive(server, fake, tmp_path):
    server.route("/api/contest.list", Reply.json({"status": "OK", "result": []}))
    archive = Archive(tmp_path)
    make_client(fake, archive=archive).get(server.url("/api/contest.list"), params={"apiKey": "k3y", "apiSig": "s1g"})
    (entry,) = archive.entries()
    assert "k3y" not in entry["url"] and "s1g" not in entry["url"] and "apiKey=%2A%2A%2A" in entry["url"]


def test_user_agent_is_sent(server, fake):
    server.route("/a", Reply.json(1))
    make_client(fake).get(server.url("/a"))
    assert server.hits("/a")[0].headers["user-agent"].startswith("contest-eval/")
