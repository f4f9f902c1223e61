#!/usr/bin/env bash
# Measures what a reviewer waits for `diff --stack dev --base REF` (REF: BASE, default HEAD~1), against the floor of
# any .NET process (a hello-world `dotnet` run, see floor.sh), in one run:
#   - cold:      a new, empty cache folder (EDGEINFRA_CACHE_HOME): the base tree is exported and built from nothing;
#   - same base: the same REF again with that cache;
#   - other ref: OTHER (default HEAD~2) then REF again, with that cache: the base build is incremental.
# Each RUNS times (default 3), medians printed with their ratio to the floor. The stack program measured is the
# working tree's (built here in Debug first), or STACK_DLL, e.g. an earlier version's build: a version without the
# cache builds every base in a temporary folder, so its three figures are all cold. The .NET build servers stay up
# between runs, as they are for a reviewer who has just built the working tree (`dotnet run` builds it).
# Fails if a run changes anything in the working tree (git status and file timestamps before and after).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-3}
base=${BASE:-HEAD~1}
other=${OTHER:-HEAD~2}
source "$root/tests/bench/floor.sh"

if [ -z "${STACK_DLL:-}" ]; then
  dotnet build stacks/EdgeInfra.Stacks/EdgeInfra.Stacks.csproj --nologo -v quiet >&2
  STACK_DLL=stacks/EdgeInfra.Stacks/bin/Debug/net10.0/EdgeInfra.Stacks.dll
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
diff_against() { EDGEINFRA_CACHE_HOME="$1" dotnet "$STACK_DLL" diff --stack dev --base "$2" --format text 2>>"$scratch/progress"; }

status_before=$(git status --porcelain --untracked-files=all)
touch "$scratch/marker"
sleep 0.01

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
floor >/dev/null
floors=() colds=() sames=() others=()
for i in $(seq "$runs"); do
  cache="$scratch/cache-$i"
  f=$(ms_of floor)
  c=$(ms_of diff_against "$cache" "$base")
  s=$(ms_of diff_against "$cache" "$base")
  diff_against "$cache" "$other" >/dev/null
  o=$(ms_of diff_against "$cache" "$base")
  floors+=("$f") colds+=("$c") sames+=("$s") others+=("$o")
  echo "run $i: floor ${f} ms, cold ${c} ms, same base ${s} ms, after another ref ${o} ms"
  rm -rf "$cache"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

changed=$(find . -path ./.git -prune -o -newer "$scratch/marker" -print | head -5)
if [ "$(git status --porcelain --untracked-files=all)" != "$status_before" ] || [ -n "$changed" ]; then
  echo "FAIL: the working tree changed during the runs: ${changed:-git status differs}" >&2
  exit 1
fi

fm=$(median "${floors[@]}")
echo "floor (hello-world dotnet): median ${fm} ms of ${runs} runs"
for figure in "cold (empty cache):${colds[*]}" "same base again:${sames[*]}" "after a diff against $other:${others[*]}"; do
  name=${figure%%:*}
  read -r -a values <<<"${figure#*:}"
  m=$(median "${values[@]}")
  echo "diff --stack dev --base $base, $name: median ${m} ms of ${runs} runs, $(ratio "$m" "$fm")x the floor"
done
echo "working tree untouched: yes"
