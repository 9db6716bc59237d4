# Shell functions for the e2e cases about what a file owns (tests/e2e/cases/truth-*); source it.
# records: each record and progress event of $ACCORD_DB with its file and line, and the files
# the database knows (records.sql).
records() { sqlite3 "$ACCORD_DB" < "$ROOT/tests/e2e/records.sql"; }
# before_after BEFORE AFTER PATTERN: the lines of both dumps that match PATTERN (the records of
# the files a case touches), then every difference between the two (diff's exit code).
before_after() {
  echo "--- before: $3"
  grep -E "$3" "$1"
  echo "--- after: $3"
  grep -E "$3" "$2"
  echo "--- every change (diff before after)"
  diff "$1" "$2"
  echo "diff: rc=$?"
}
