#!/usr/bin/env bash
# A new user's install: a fresh venv with the interpreter's own pip (NOT upgraded), `pip install .`
# (not editable), then ingest an HTML page, a WARC and a feed from tests/fixtures/install. Catches
# runtime dependencies that only an upgraded pip or the dev venv happens to bring (lxml_html_clean),
# and setuptools warnings about our pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip --version
# Build from a copy so that the worktree gets no build/ or egg-info from this run.
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/src"
"$work/venv/bin/python" -m pip install --quiet --no-cache-dir "$work/src" 2>&1 | tee "$work/pip.log"
if grep -Ei "BuildBackendWarning|SetuptoolsDeprecationWarning|is deprecated" "$work/pip.log"; then
  echo "plain install: setuptools warns about pyproject.toml (see above)" >&2
  exit 1
fi

db="$work/plain.db"
fixtures=tests/fixtures/install  # + the HTML page the ingest tests read (one copy)
status=0
(cd "$work" && "$work/venv/bin/wirewatch" --db "$db" ingest --json "$OLDPWD/$fixtures" "$OLDPWD/tests/fixtures/ingest/page.html") > "$work/summary.json" || status=$?
cat "$work/summary.json"
"$work/venv/bin/python" - "$work/summary.json" "$db" "$status" <<'EOF'
import json, sqlite3, sys
summary = json.load(open(sys.argv[1]))
status = int(sys.argv[3])
con = sqlite3.connect(sys.argv[2])
rows = con.execute("SELECT source, meta FROM articles").fetchall()
n = len(rows)
by_file = {}
for source, meta in rows:
    name = source.rsplit("/", 1)[-1].split("#")[0].split(":")[0]
    by_file.setdefault(name, set()).add(json.loads(meta)["format"])
events = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
problems = []
if status != 0 or summary["failed"]:
    problems.append(f"exit {status}, failed: {summary['failed']}")
# page.html -> one HTML article, crawl.warc -> one record, feed.rss -> its two items
if set(by_file) != {"page.html", "crawl.warc", "feed.rss"} or n != 4:
    problems.append(f"expected the page, the WARC record and both feed items; got {n} articles: {by_file}")
if events == 0:
    problems.append("no event mentions: extraction (spaCy model) did not run")
if problems:
    sys.exit("plain install FAILED: " + "; ".join(problems))
print(f"plain install OK: {n} articles from {sorted(by_file)}, {events} event mentions")
EOF
