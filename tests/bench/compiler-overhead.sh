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

# The hello-world floor. Its own (empty) Directory.Build.props stops MSBuild from importing the repository's.
hello="$root/.build/bench-hello"
if [ ! -f "$hello/bin/hello.dll" ]; then
  mkdir -p "$hello"
  echo '<Project />' > "$hello/Directory.Build.props"
  echo '<Project />' > "$hello/Directory.Build.targets"
  echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$hello/Directory.Packages.props"
  cat > "$hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <AssemblyName>hello</AssemblyName>
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$hello/Program.cs"
  dotnet build "$hello/hello.csproj" -c Release -o "$hello/bin" --nologo -v quiet >&2
fi

ms_of() { # runs "$@" with stdout discarded, prints its wall time in ms
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
floor() { dotnet "$hello/bin/hello.dll"; }
compiler() { PULUMI_STACK=dev bash "$compile" synth; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

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
echo "ratio compiler/floor: $(awk -v c="$cm" -v f="$fm" 'BEGIN { printf "%.1f", c / (f > 0 ? f : 1) }')x"
