#!/usr/bin/env bash
# Measures what Pulumi pays per compiler run when nothing changed, against the floor of any .NET program:
#   - floor:    `dotnet hello.dll`, a hello-world console program (built once into .build/bench-hello);
#   - compiler: `PULUMI_STACK=dev bash stacks/compile synth`, the Pulumi.yaml compiler command (COMPILE=PATH
#     measures another copy of the script instead, e.g. an earlier version saved as .build/compile.before: the
#     script finds the repository as the parent of its own folder).
# Both are warmed up once (the compiler builds or fills its cache if needed), then run RUNS times (default 9)
# interleaved, floor then compiler, so that a busy machine slows both alike. Prints each pair, both medians, the
# ratio compiler/floor and the load average before and after (this machine has other work on it: read the ratio).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-9}
compile=${COMPILE:-stacks/compile}

source "$root/tests/bench/floor.sh"
compiler() { PULUMI_STACK=dev bash "$compile" synth; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# Warm-up: a build if needed, then the cache. The compiler does not store an output when an input changed in the
# 3 seconds before its run (a file's timestamps tick coarsely), so the second warm-up run comes 3 s after the first.
floor >/dev/null
compiler >/dev/null
sleep 3
compiler >/dev/null
floors=()
compilers=()
for i in $(seq "$runs"); do
  f=$(ms_of floor)
  c=$(ms_of compiler)
  floors+=("$f")
  compilers+=("$c")
  echo "run $i: floor ${f} ms, compiler ${c} ms"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fm=$(median "${floors[@]}")
cm=$(median "${compilers[@]}")
echo "floor (hello-world dotnet): median ${fm} ms of ${runs} runs"
echo "compiler, no change (PULUMI_STACK=dev bash $compile synth): median ${cm} ms of ${runs} runs"
echo "ratio compiler/floor: $(ratio "$cm" "$fm")x"
