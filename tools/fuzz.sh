#!/bin/sh
# Runs every fuzz target of the module for $FUZZTIME each (default 1m) and
# prints each target's execution count. Seed corpora live in each
# package's testdata/fuzz. FUZZPARALLEL sets the number of fuzzing workers.
set -eu
: "${FUZZTIME:=1m}"
status=0
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
		echo "== $pkg $target ($FUZZTIME)"
		log=$(mktemp)
		if go test -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" ${FUZZPARALLEL:+-parallel "$FUZZPARALLEL"} "$pkg" >"$log" 2>&1; then
			grep -E 'elapsed:' "$log" | tail -1
			echo "PASS $pkg $target"
		else
			cat "$log"
			echo "FAIL $pkg $target"
			status=1
		fi
		rm -f "$log"
	done
done
exit $status
