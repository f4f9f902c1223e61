#!/usr/bin/env bash
# Measures what Pulumi pays per compiler run when nothing changed: the wall time of the Pulumi.yaml compiler
# command (`bash stacks/compile synth`, PULUMI_STACK=dev), after one warm-up run that builds if needed.
# Prints each run and the median of RUNS (default 5).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-5}
PULUMI_STACK=dev bash stacks/compile synth >/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  PULUMI_STACK=dev bash stacks/compile synth >/dev/null
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  times+=("$ms")
  echo "run: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
echo "compiler overhead, no change: median ${median} ms of ${runs} runs"
