#!/usr/bin/env bash
# Runs every test of the repository and ends with one line: `tests: N passed, N failed`.
#   - C#: `dotnet test EdgeInfra.sln`, totals read from the TRX reports;
#   - the consumer sample (samples/consumer): the libraries packed into a local feed, the sample restored from it by
#     version, its stacks synthesized through the packaged compiler as Pulumi runs it, and its tests (TRX as above);
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

# The SARIF Multitool that the policy tests validate `check`'s SARIF with (npm, pinned in tests/tools/sarif; its
# install script only marks the binary executable, which is done here instead).
sarif_tool="tests/tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -f "$sarif_tool" ]; then
  (cd tests/tools/sarif && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) || status=1
fi
[ -f "$sarif_tool" ] && chmod u+x "$sarif_tool"

# Build once, then run each test project with a report folder of its own (TRX names alone can collide).
if dotnet build EdgeInfra.sln --nologo -v quiet; then
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo --logger trx --results-directory "$results/dotnet/$name" || status=1
  done
else
  status=1
fi
# The consumer sample. The packages are those of the build above (Debug). Every run packs a new version (0.0.0-ci.<time>), restored into a packages folder of its own
# under .build, so no NuGet cache can hand the sample an earlier pack. MSBuild reads EdgeInfraVersion and
# RestorePackagesPath from the environment, in the sample's builds and in the compiler's.
sample="$root/samples/consumer"
if [ "$status" -eq 0 ]; then
  export EdgeInfraVersion="0.0.0-ci.$(date -u +%Y%m%d%H%M%S)"
  export RestorePackagesPath="$root/.build/consumer-packages"
  feed="$root/.build/feed"
  rm -rf "$feed" "$RestorePackagesPath"/edgeinfra* "$sample/.tools"
  timed() { local start=$SECONDS; "$@"; local code=$?; echo "consumer: $((SECONDS - start)) s: ${*:1:3}" >&2; return $code; }
  sample_ok=1
  for project in infra/EdgeInfra infra/EdgeInfra.Providers infra/EdgeInfra.Schemas components/EdgeInfra.Components infra/EdgeInfra.Compiler; do
    dotnet pack "$project" -c Debug --no-build --nologo -v quiet -o "$feed" -p:Version="$EdgeInfraVersion" >/dev/null || sample_ok=0
  done
  [ "$sample_ok" -eq 1 ] && timed dotnet tool install EdgeInfra.Compiler --version "$EdgeInfraVersion" --tool-path "$sample/.tools" \
    --add-source "$feed" >/dev/null || sample_ok=0
  [ "$sample_ok" -eq 1 ] && timed dotnet build "$sample/Consumer.Tests" --nologo -v quiet >&2 || sample_ok=0
  # As Pulumi runs it: in the folder of Pulumi.yaml, the compiler line of Pulumi.yaml, the stack in PULUMI_STACK;
  # the second run must reuse the first build and print the same program.
  for stack in Shop Origin; do
    [ "$sample_ok" -eq 1 ] || break
    line=$(sed -n 's/^ *compiler: //p' "$sample/$stack/Pulumi.yaml")
    for run in 1 2; do
      (cd "$sample/$stack" && PULUMI_STACK=dev timed $line) >"$results/consumer-$stack-$run.yaml" 2>"$results/consumer-$stack-$run.err" || sample_ok=0
    done
    cat "$results/consumer-$stack-1.err" >&2
    if [ "$sample_ok" -eq 0 ] || ! head -n 1 "$results/consumer-$stack-1.yaml" | grep -q '^name: ' ||
      ! cmp -s "$results/consumer-$stack-1.yaml" "$results/consumer-$stack-2.yaml" ||
      grep -q 'building' "$results/consumer-$stack-2.err"; then
      echo "consumer sample: the compiler of $stack/Pulumi.yaml did not print the same program twice from one build" >&2
      sample_ok=0
    fi
  done
  if [ "$sample_ok" -eq 1 ]; then
    dotnet test "$sample/Consumer.Tests" --no-build --nologo --logger trx --results-directory "$results/dotnet/Consumer.Tests" || status=1
  else
    echo "consumer sample: pack, restore, build or synthesis failed" >&2
    status=1
  fi
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
