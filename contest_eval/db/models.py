"""One schema for the whole product (DESIGN.md, "The problem model").

Every timestamp is UTC and timezone-aware (:class:`UTCDateTime` refuses naive
values and restores the zone SQLite drops).  No SQLite-only SQL: the same
models run on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: every timestamp in the store is timezone-aware UTC")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON, date: Date}


class Contest(Base):
    __tablename__ = "contests"
    __table_args__ = (UniqueConstraint("platform", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    slug: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    start_time: Mapped[datetime | None]
    duration_s: Mapped[int | None]
    source: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    problems: Mapped[list[Problem]] = relationship(back_populates="contest")


class Problem(Base):
    __tablename__ = "problems"
    __table_args__ = (UniqueConstraint("platform", "slug"), Index("ix_problems_release", "release_time"))

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    slug: Mapped[str] = mapped_column(String(200))
    frontend_id: Mapped[str | None] = mapped_column(String(32))
    contest_id: Mapped[int | None] = mapped_column(ForeignKey("contests.id"))
    contest_index: Mapped[str | None] = mapped_column(String(8))  # Q1..Q4, A..G
    title: Mapped[str] = mapped_column(String(300), default="")
    release_time: Mapped[datetime | None]
    difficulty: Mapped[str | None] = mapped_column(String(16))
    rating: Mapped[float | None]
    # Set when release_time is not the platform's own date but an estimate (e.g. from the
    # problem number against the contest schedule): {"method", "low", "high", "basis"}.
    # none_as_null: clearing an estimate must leave SQL NULL, not the JSON text 'null'.
    release_estimate: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    statement_html: Mapped[str] = mapped_column(Text, default="")
    statement_text: Mapped[str] = mapped_column(Text, default="")
    statement_hash: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(16), default="function")
    meta: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSON)
    starter_code: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    examples: Mapped[list[Any] | None] = mapped_column(JSON)
    tags: Mapped[list[Any] | None] = mapped_column(JSON)
    time_limit_ms: Mapped[int | None]
    memory_limit_mb: Mapped[int | None]
    paid_only: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contest: Mapped[Contest | None] = relationship(back_populates="problems")
    references: Mapped[list[Reference]] = relationship(back_populates="problem", cascade="all, delete-orphan")
    revisions: Mapped[list[Revision]] = relationship(back_populates="problem", cascade="all, delete-orphan")
    suites: Mapped[list[Suite]] = relationship(back_populates="problem", cascade="all, delete-orphan")


class Revision(Base):
    """A statement as it was at one fetch: statements change after contests."""

    __tablename__ = "problem_revisions"
    __table_args__ = (UniqueConstraint("problem_id", "statement_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    statement_hash: Mapped[str] = mapped_column(String(64))
    statement_html: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str] = mapped_column(String(64), default="")

    problem: Mapped[Problem] = relationship(back_populates="revisions")


class Reference(Base):
    """A trusted solution (imported or ours), used to build and validate suites."""

    __tablename__ = "reference_solutions"
    __table_args__ = (UniqueConstraint("problem_id", "language", "origin", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100), default="main")
    code: Mapped[str] = mapped_column(Text)

    problem: Mapped[Problem] = relationship(back_populates="references")


class Suite(Base):
    """A versioned hidden-test suite; runs record which one they were judged on."""

    __tablename__ = "test_suites"
    __table_args__ = (UniqueConstraint("problem_id", "version"), UniqueConstraint("problem_id", "content_hash"))

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    compare: Mapped[str] = mapped_column(String(100), default="exact")
    origin: Mapped[str] = mapped_column(String(64), default="")
    info: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    problem: Mapped[Problem] = relationship(back_populates="suites")
    tests: Mapped[list[SuiteTest]] = relationship(back_populates="suite", cascade="all, delete-orphan", order_by="SuiteTest.ordinal")


class SuiteTest(Base):
    __tablename__ = "tests"
    __table_args__ = (UniqueConstraint("suite_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    suite_id: Mapped[int] = mapped_column(ForeignKey("test_suites.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    input: Mapped[str] = mapped_column(Text)
    output: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(32), default="generated")  # example | imported | generated

    suite: Mapped[Suite] = relationship(back_populates="tests")


class Model(Base):
    __tablename__ = "models"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    hf_id: Mapped[str | None] = mapped_column(String(300))
    endpoint: Mapped[str | None] = mapped_column(String(500))
    revision: Mapped[str | None] = mapped_column(String(100))
    cutoff: Mapped[date | None]
    released: Mapped[date | None]
    boundary: Mapped[date | None]  # explicit override of max(cutoff, released)
    # How `run`/`weekly` reach the model when no flag says otherwise: backend, endpoint,
    # engine_args, sampling, rollouts, languages, api_key_env (a variable's name, never a key).
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def effective_boundary(self) -> date | None:
        """The explicit boundary, else the later of cutoff and release date (what it may have seen)."""
        if self.boundary is not None:
            return self.boundary
        known = [d for d in (self.cutoff, self.released) if d is not None]
        return max(known) if known else None

    def boundary_end(self) -> datetime | None:
        """The boundary day's last second (UTC): problems released after it are clean."""
        day = self.effective_boundary()
        return datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc) if day else None


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id"))
    backend: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(32))
    rollouts: Mapped[int]
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # sampling, seed, window, versions
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # resume key
    status: Mapped[str] = mapped_column(String(16), default="running")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class Generation(Base):
    __tablename__ = "generations"
    __table_args__ = (UniqueConstraint("run_id", "problem_id", "rollout"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id"))
    rollout: Mapped[int]
    prompt: Mapped[str] = mapped_column(Text)
    raw_output: Mapped[str] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(Text)
    extract_reason: Mapped[str | None] = mapped_column(String(32))  # no_code_block | truncated | wrong_language
    prompt_tokens: Mapped[int | None]
    completion_tokens: Mapped[int | None]
    latency_ms: Mapped[int | None]
    finish_reason: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Submission(Base):
    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    generation_id: Mapped[int] = mapped_column(ForeignKey("generations.id", ondelete="CASCADE"), unique=True)
    suite_id: Mapped[int] = mapped_column(ForeignKey("test_suites.id"))
    language: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(8))
    image: Mapped[str] = mapped_column(String(200), default="")
    compile_output: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=1)
    # Extra runs made because the CPU time landed near the limit, and every run's CPU time.
    rejudged: Mapped[int] = mapped_column(default=0)
    cpu_ms_seen: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    judged_at: Mapped[datetime] = mapped_column(default=utcnow)


class TestResultRow(Base):
    __tablename__ = "test_results"
    __table_args__ = (UniqueConstraint("submission_id", "test_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    test_index: Mapped[int]
    verdict: Mapped[str] = mapped_column(String(8))
    cpu_ms: Mapped[int] = mapped_column(default=0)
    wall_ms: Mapped[int] = mapped_column(default=0)
    memory_kb: Mapped[int] = mapped_column(default=0)
    exit_code: Mapped[int | None]
    signal: Mapped[int | None]


class WeeklyRun(Base):
    """One `contest-eval weekly` invocation: what it planned, how far it got."""

    __tablename__ = "weekly_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    since: Mapped[datetime | None]
    until: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | waiting | finished | failed
    plan: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
