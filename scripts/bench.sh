#!/usr/bin/env bash
# bench.sh - run the benchmarks at full scale and compare each with its recorded figure in docs/benchmarks.md.
#
#   scripts/bench.sh                 every benchmark
#   scripts/bench.sh ingest rfm      only these
#
# Each benchmark prints a figure and a baseline measured in the same run; what is compared is their ratio (the
# machine's speed cancels out). A ratio more than 20 % worse than the recorded one is flagged REGRESSION and the script
# exits 1. Full output goes to artifacts/bench/<name>.log. RabbitMQ/PostgreSQL runs use the test services' variables
# (started here when absent, like ./test.sh does).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

declare -A ARGS=(
    [ingest]="--events 1000000 --customers 100000"
    [segments]=""
    [rfm]=""
    [score]=""
    [rules]=""
    [workflows]="--waiting 1000000"
    [dispatch]=""
    [scrape]="--events 1000000 --actions 100000"
    [history]="--rows 1000000"
    [scale]="--events 1000000 --customers 100000"
)
ORDER=(ingest segments rfm score rules workflows dispatch scrape history scale)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${ORDER[@]}")
for n in "${names[@]}"; do
    [ -n "${ARGS[$n]+x}" ] || { echo "unknown benchmark '$n' (known: ${ORDER[*]})" >&2; exit 2; }
done

# shellcheck source=scripts/test-services.sh
source "$ROOT/scripts/test-services.sh" start >/dev/null
dotnet build tests/Automation.Benchmarks -c Release -p:SkipDesignerBuild=true -v q -nologo >/dev/null
mkdir -p artifacts/bench
status=0
for n in "${names[@]}"; do
    log="artifacts/bench/$n.log"
    echo "==> $n ${ARGS[$n]}"
    # shellcheck disable=SC2086
    dotnet tests/Automation.Benchmarks/bin/Release/net10.0/Automation.Benchmarks.dll "$n" ${ARGS[$n]} >"$log" 2>&1 || { echo "  $n failed; see $log"; status=1; continue; }
    python3 scripts/bench_compare.py "$n" "$log" docs/benchmarks.md || status=1
done
exit $status
