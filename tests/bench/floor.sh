# Sourced by the timed benchmarks in this folder. Defines, from the repository root $root:
#   floor       runs `dotnet hello.dll`, a hello-world console program (built once into .build/bench-hello): the
#               floor of any .NET process, measured in the same run as what is compared with it;
#   ms_of CMD   runs CMD with stdout discarded and prints its wall time in ms;
#   median N... prints the median of its arguments;
#   ratio A B   prints A/B with one decimal.
# The hello-world project has its own (empty) Directory.Build.* files, which stop MSBuild importing the repository's.
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

floor() { dotnet "$hello/bin/hello.dll"; }
ms_of() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }'; }
