#!/usr/bin/env bash
# Coverage-guided fuzzing of the info decoder, the command decoder and the JSON reader, for a bounded time.
# Not part of CI. Installs what it needs from the package registries (AFL++ from Debian, the SharpFuzz
# instrumenter from NuGet), builds the harness, instruments the runtime and schema assemblies, then runs
# afl-fuzz on each target for SECONDS_PER_TARGET seconds, starting from the corpus in testdata/fuzz/TARGET.
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     # defaults: 300 s; info command json-info json-command
#
# Findings land in fuzz/.findings/TARGET (ignored by git). Each crash found belongs in
# testdata/fuzz/crashes/TARGET/ (a small file), where tests/ProtocolGen.Fuzz.Tests replays it on every run.
# Exits 1 when any crash was found (each printed with the command that keeps it), 0 when none was.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(info command json-info json-command)

if ! command -v afl-fuzz >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y afl++
fi

tools=fuzz/.tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# Two copies: a plain one to replay inputs (instrumented code needs the fuzzer's shared memory), and one whose
# runtime and schema assemblies are instrumented in place (so it is made fresh each time).
plain=fuzz/.build/plain
build=fuzz/.build/instrumented
rm -rf fuzz/.build
dotnet publish fuzz/ProtocolGen.Fuzz/ProtocolGen.Fuzz.csproj -c Release -o "$plain" -p:TreatWarningsAsErrors=true
cp -r "$plain" "$build"
for assembly in ProtocolGen.Runtime.dll ProtocolGen.Portmaster.dll; do
  "$tools/sharpfuzz" "$build/$assembly"
done

# The corpus first, without the fuzzer: a seed that crashes is a bug to fix before fuzzing.
for target in "${targets[@]}"; do
  dotnet "$plain/ProtocolGen.Fuzz.dll" "$target" --replay testdata/fuzz/"$target"/*
done

crashes=0
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  findings=fuzz/.findings/$target
  rm -rf "$findings"
  mkdir -p fuzz/.findings
  echo "== $target: afl-fuzz for $seconds s"
  stats=$findings/default/fuzzer_stats
  # Under heavy load, afl-fuzz's dry run has once seen no coverage from the starting process and aborted
  # ("No instrumentation detected"); starting it again got past it.
  for attempt in 1 2 3; do
    rm -rf "$findings"
    afl-fuzz -i testdata/fuzz/"$target" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$build/ProtocolGen.Fuzz.dll" "$target" >"$findings.log" 2>&1 || true
    [ -f "$stats" ] && break
    echo "$target: afl-fuzz stopped before fuzzing (attempt $attempt): $(grep -ao 'PROGRAM ABORT.*' "$findings.log" | head -1)"
  done
  if [ -f "$stats" ]; then
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability) ' "$stats" | sed "s/^/$target: /"
  else
    echo "$target: afl-fuzz did not start; see $findings.log"
    tail -20 "$findings.log"
  fi
  for crash in "$findings"/default/crashes/id*; do
    [ -e "$crash" ] || continue
    crashes=$((crashes + 1))
    echo "$target crash: $crash"
    dotnet "$plain/ProtocolGen.Fuzz.dll" "$target" --replay "$crash" 2>&1 | tail -5 || true
    echo "  keep it: cp '$crash' testdata/fuzz/crashes/$target/   (replayed by tests/ProtocolGen.Fuzz.Tests; fix the bug first)"
  done
done

if [ "$crashes" -gt 0 ]; then
  echo "$crashes crash(es) found: copy each into testdata/fuzz/crashes/TARGET/ as printed above"
  exit 1
fi
echo "no crashes found"
