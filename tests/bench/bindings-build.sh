#!/usr/bin/env bash
# Measures a clean build of the provider bindings (infra/EdgeInfra.Providers: the azure-native, akamai, random, tls
# and azuread bindings, with the core library they build on) against the floor of a clean build of a hello-world
# project (see floor.sh), in one run. Each run exports the committed tree (HEAD, or REF) to a new temporary folder,
# so nothing is built yet, restores it (timed apart: the packages come from the local NuGet cache), stops the .NET
# build servers (MSBuild nodes, the compiler server) so that the compiler starts cold as on a fresh machine, and
# times `dotnet build infra/EdgeInfra.Providers -c CONFIG` (default Debug); then the hello-world project the same
# way. RUNS times (default 3), medians and the ratio printed. The working tree is never built or changed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-3}
ref=${REF:-HEAD}
config=${CONFIG:-Debug}
source "$root/tests/bench/floor.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

quiet() { "$@" --nologo -v quiet >/dev/null 2>"$scratch/errors" || { cat "$scratch/errors" >&2; return 1; }; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
restores=() builds=() floors=()
for i in $(seq "$runs"); do
  tree="$scratch/tree-$i"
  mkdir -p "$tree" "$scratch/hello-$i"
  git archive --format=tar "$ref" | tar -x -C "$tree"
  cp "$hello"/Directory.Build.* "$hello"/Directory.Packages.props "$hello"/hello.csproj "$hello"/Program.cs "$scratch/hello-$i/"
  r=$(ms_of quiet dotnet restore "$tree/infra/EdgeInfra.Providers/EdgeInfra.Providers.csproj")
  quiet dotnet restore "$scratch/hello-$i/hello.csproj"
  dotnet build-server shutdown >/dev/null 2>&1
  b=$(ms_of quiet dotnet build --no-restore -c "$config" "$tree/infra/EdgeInfra.Providers/EdgeInfra.Providers.csproj")
  dotnet build-server shutdown >/dev/null 2>&1
  f=$(ms_of quiet dotnet build --no-restore -c "$config" "$scratch/hello-$i/hello.csproj")
  restores+=("$r") builds+=("$b") floors+=("$f")
  echo "run $i: restore ${r} ms, clean build of the bindings ${b} ms, clean build of hello world ${f} ms"
  rm -rf "$tree" "$scratch/hello-$i"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fm=$(median "${floors[@]}")
bm=$(median "${builds[@]}")
echo "restore of the bindings: median $(median "${restores[@]}") ms of ${runs} runs"
echo "clean build of hello world (-c $config, cold build servers): median ${fm} ms of ${runs} runs"
echo "clean build of the bindings (-c $config, cold build servers): median ${bm} ms of ${runs} runs, $(ratio "$bm" "$fm")x the floor"
