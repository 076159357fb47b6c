-- SQLite schema of the contest-eval store, generated from the Alembic migrations
-- (contest_eval/db/migrations).  Do not edit: regenerate with
--     python scripts/gen_reference.py
-- Alembic head: 0003_weekly

CREATE TABLE audit_reports (
	id INTEGER NOT NULL,
	model_id INTEGER NOT NULL,
	kind VARCHAR(32) NOT NULL,
	params JSON NOT NULL,
	result JSON NOT NULL,
	verdict TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(model_id) REFERENCES models (id) ON DELETE CASCADE
);

CREATE TABLE audit_scores (
	id INTEGER NOT NULL,
	model_id INTEGER NOT NULL,
	scorer VARCHAR(64) NOT NULL,
	problem_id INTEGER NOT NULL,
	text_kind VARCHAR(16) NOT NULL,
	text_hash VARCHAR(64) NOT NULL,
	n_tokens INTEGER NOT NULL,
	metrics JSON NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(model_id) REFERENCES models (id) ON DELETE CASCADE,
	FOREIGN KEY(problem_id) REFERENCES problems (id) ON DELETE CASCADE,
	UNIQUE (model_id, scorer, problem_id, text_kind, text_hash)
);

CREATE TABLE contests (
	id INTEGER NOT NULL,
	platform VARCHAR(32) NOT NULL,
	slug VARCHAR(200) NOT NULL,
	title VARCHAR(300) NOT NULL,
	start_time DATETIME,
	duration_s INTEGER,
	source VARCHAR(64) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (platform, slug)
);

CREATE TABLE generations (
	id INTEGER NOT NULL,
	run_id INTEGER NOT NULL,
	problem_id INTEGER NOT NULL,
	rollout INTEGER NOT NULL,
	prompt TEXT NOT NULL,
	raw_output TEXT NOT NULL,
	code TEXT,
	extract_reason VARCHAR(32),
	prompt_tokens INTEGER,
	completion_tokens INTEGER,
	latency_ms INTEGER,
	finish_reason VARCHAR(32),
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(problem_id) REFERENCES problems (id),
	FOREIGN KEY(run_id) REFERENCES runs (id) ON DELETE CASCADE,
	UNIQUE (run_id, problem_id, rollout)
);

CREATE TABLE models (
	id INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	hf_id VARCHAR(300),
	endpoint VARCHAR(500),
	revision VARCHAR(100),
	cutoff DATE,
	released DATE,
	boundary DATE,
	created_at DATETIME NOT NULL, settings JSON,
	PRIMARY KEY (id),
	UNIQUE (name)
);

CREATE TABLE problem_revisions (
	id INTEGER NOT NULL,
	problem_id INTEGER NOT NULL,
	statement_hash VARCHAR(64) NOT NULL,
	statement_html TEXT NOT NULL,
	fetched_at DATETIME NOT NULL,
	source VARCHAR(64) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(problem_id) REFERENCES problems (id) ON DELETE CASCADE,
	UNIQUE (problem_id, statement_hash)
);

CREATE TABLE problems (
	id INTEGER NOT NULL,
	platform VARCHAR(32) NOT NULL,
	slug VARCHAR(200) NOT NULL,
	frontend_id VARCHAR(32),
	contest_id INTEGER,
	contest_index VARCHAR(8),
	title VARCHAR(300) NOT NULL,
	release_time DATETIME,
	difficulty VARCHAR(16),
	rating DOUBLE,
	statement_html TEXT NOT NULL,
	statement_text TEXT NOT NULL,
	statement_hash VARCHAR(64) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	metadata JSON,
	starter_code JSON,
	examples JSON,
	tags JSON,
	time_limit_ms INTEGER,
	memory_limit_mb INTEGER,
	paid_only BOOLEAN NOT NULL,
	source VARCHAR(64) NOT NULL,
	updated_at DATETIME NOT NULL, release_estimate JSON,
	PRIMARY KEY (id),
	FOREIGN KEY(contest_id) REFERENCES contests (id),
	UNIQUE (platform, slug)
);

CREATE TABLE reference_solutions (
	id INTEGER NOT NULL,
	problem_id INTEGER NOT NULL,
	language VARCHAR(32) NOT NULL,
	origin VARCHAR(64) NOT NULL,
	name VARCHAR(100) NOT NULL,
	code TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(problem_id) REFERENCES problems (id) ON DELETE CASCADE,
	UNIQUE (problem_id, language, origin, name)
);

CREATE TABLE runs (
	id INTEGER NOT NULL,
	model_id INTEGER NOT NULL,
	backend VARCHAR(32) NOT NULL,
	language VARCHAR(32) NOT NULL,
	rollouts INTEGER NOT NULL,
	params JSON NOT NULL,
	fingerprint VARCHAR(64) NOT NULL,
	status VARCHAR(16) NOT NULL,
	created_at DATETIME NOT NULL,
	finished_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(model_id) REFERENCES models (id),
	UNIQUE (fingerprint)
);

CREATE TABLE submissions (
	id INTEGER NOT NULL,
	generation_id INTEGER NOT NULL,
	suite_id INTEGER NOT NULL,
	language VARCHAR(32) NOT NULL,
	verdict VARCHAR(8) NOT NULL,
	image VARCHAR(200) NOT NULL,
	compile_output TEXT NOT NULL,
	message TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	judged_at DATETIME NOT NULL, rejudged INTEGER DEFAULT '0' NOT NULL, cpu_ms_seen JSON,
	PRIMARY KEY (id),
	FOREIGN KEY(generation_id) REFERENCES generations (id) ON DELETE CASCADE,
	FOREIGN KEY(suite_id) REFERENCES test_suites (id),
	UNIQUE (generation_id)
);

CREATE TABLE test_results (
	id INTEGER NOT NULL,
	submission_id INTEGER NOT NULL,
	test_index INTEGER NOT NULL,
	verdict VARCHAR(8) NOT NULL,
	cpu_ms INTEGER NOT NULL,
	wall_ms INTEGER NOT NULL,
	memory_kb INTEGER NOT NULL,
	exit_code INTEGER,
	signal INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(submission_id) REFERENCES submissions (id) ON DELETE CASCADE,
	UNIQUE (submission_id, test_index)
);

CREATE TABLE test_suites (
	id INTEGER NOT NULL,
	problem_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	content_hash VARCHAR(64) NOT NULL,
	compare VARCHAR(100) NOT NULL,
	origin VARCHAR(64) NOT NULL,
	info JSON,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(problem_id) REFERENCES problems (id) ON DELETE CASCADE,
	UNIQUE (problem_id, content_hash),
	UNIQUE (problem_id, version)
);

CREATE TABLE tests (
	id INTEGER NOT NULL,
	suite_id INTEGER NOT NULL,
	ordinal INTEGER NOT NULL,
	input TEXT NOT NULL,
	output TEXT NOT NULL,
	origin VARCHAR(32) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(suite_id) REFERENCES test_suites (id) ON DELETE CASCADE,
	UNIQUE (suite_id, ordinal)
);

CREATE TABLE weekly_runs (
	id INTEGER NOT NULL,
	since DATETIME,
	until DATETIME,
	status VARCHAR(16) NOT NULL,
	"plan" JSON,
	summary JSON,
	started_at DATETIME NOT NULL,
	finished_at DATETIME,
	PRIMARY KEY (id)
);

CREATE INDEX ix_audit_reports_model_kind ON audit_reports (model_id, kind);

CREATE INDEX ix_problems_release ON problems (release_time);
