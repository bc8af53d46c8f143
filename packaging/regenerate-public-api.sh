#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of the library projects from their current public API: each list is
# emptied, the project is built, and every symbol the build reports as undeclared (RS0016, whose message
# gives the symbol in the file's own format) is listed, sorted. Run from the repository root after an API
# change has been reviewed, then read the diff: PublicAPI.Shipped.txt is left alone.
#   packaging/regenerate-public-api.sh            # every tracked library: runtime and emulator
#   packaging/regenerate-public-api.sh runtime    # one project folder
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in "${@:-runtime emulator}"; do
  for project in $dir; do
    printf '#nullable enable\n' > "$project/PublicAPI.Unshipped.txt"
    symbols=$(dotnet build "$project" --no-incremental 2>&1 | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
    { printf '#nullable enable\n'; [ -n "$symbols" ] && printf '%s\n' "$symbols"; } > "$project/PublicAPI.Unshipped.txt"
    dotnet build "$project" > /dev/null && echo "$project: $(($(wc -l < "$project/PublicAPI.Unshipped.txt") - 1)) symbols"
  done
done
