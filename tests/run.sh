#!/usr/bin/env bash
# Runs every test of the repository and ends with one line: `tests: N passed, N failed`.
#   - C#: `dotnet test EdgeInfra.sln`, totals read from the TRX reports;
#   - JavaScript: `node --test` in components/edgeworkers, when that folder has tests.
# Exits non-zero when any test fails, when a runner fails, or when no test ran at all.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
results="$root/.build/test-results"
rm -rf "$results"
mkdir -p "$results"

passed=0
failed=0
status=0

# Build once, then run each test project with a report folder of its own (TRX names alone can collide).
if dotnet build EdgeInfra.sln --nologo -v quiet; then
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo --logger trx --results-directory "$results/dotnet/$name" || status=1
  done
else
  status=1
fi
for trx in "$results"/dotnet/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done

edgeworkers="$root/components/edgeworkers"
if [ -f "$edgeworkers/package.json" ]; then
  tap="$results/node.tap"
  (cd "$edgeworkers" && node --test --test-reporter=tap) >"$tap" 2>&1 || status=1
  cat "$tap"
  node_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
  node_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
  passed=$((passed + ${node_passed:-0}))
  failed=$((failed + ${node_failed:-0}))
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "a test runner failed before reporting a failing test (build error?): counted as 1 failure" >&2
  failed=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "no test ran" >&2
  failed=1
fi

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
