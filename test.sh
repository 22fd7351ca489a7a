#!/usr/bin/env bash
# test.sh - build Automation and run its whole test suite against real local services.
#
#   ./test.sh                      everything
#   ./test.sh --filter Foo         extra arguments go to `dotnet test`
#
# Steps: install missing Debian packages -> start/reuse RabbitMQ, PostgreSQL, an SMTP sink and
# Chromium (scripts/test-services.sh) -> build engine/designer (npm) -> dotnet build -> dotnet test
# with a trx logger -> summary from the trx files. The last line printed is
#   N passed, N failed[, N skipped]
# and the exit code is non-zero when a test failed, dotnet test failed, no trx was written or the
# build failed. With CI=true a service that cannot be started is an error; otherwise a warning.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the script (they can hold a CI job open); override with =0.
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"

log() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}
is_ci() {
    case "${CI:-}" in
        true | TRUE | True | 1 | yes) return 0 ;;
        *) return 1 ;;
    esac
}

if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=$(command -v python3 || true); fi

# ------------------------------------------------------------------ Debian packages
install_debian_packages() {
    local pkgs=(rabbitmq-server postgresql chromium python3-aiosmtpd) missing=() p status
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        warn "no dpkg/apt-get: not installing ${pkgs[*]}"
        return 0
    fi
    for p in "${pkgs[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        if [ "$status" != "install ok installed" ]; then missing+=("$p"); fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "Debian packages present: ${pkgs[*]}"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo -n)
        else
            warn "not root and no sudo: cannot install ${missing[*]}"
            return 0
        fi
    fi
    log "installing Debian packages: ${missing[*]}"
    # DPkg::Lock::Timeout waits for another running apt/dpkg instead of failing on its lock.
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=900 update; then
        warn "apt-get update failed"
    fi
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=900 install "${missing[@]}"; then
        warn "apt-get install ${missing[*]} failed; the services that need them will be reported missing"
    fi
}

# ------------------------------------------------------------------ designer (npm)
DESIGNER="$ROOT/engine/designer"
DESIGNER_BUILT=0
build_designer() {
    [ -f "$DESIGNER/package.json" ] || return 0
    if ! command -v npm >/dev/null 2>&1; then
        if is_ci; then die "engine/designer/package.json exists but npm is not installed"; fi
        warn "npm not installed: engine/designer is not built (the host may serve a stale or empty wwwroot)"
        return 0
    fi
    local stamp="$DESIGNER/package-lock.json"
    [ -f "$stamp" ] || stamp="$DESIGNER/package.json"
    if [ -d "$DESIGNER/node_modules" ] && [ "$DESIGNER/node_modules" -nt "$stamp" ]; then
        log "engine/designer: node_modules is newer than $(basename "$stamp"), skipping npm install"
    elif [ -f "$DESIGNER/package-lock.json" ]; then
        log "engine/designer: npm ci"
        (cd "$DESIGNER" && npm ci --no-audit --no-fund) || die "npm ci failed in engine/designer"
        mkdir -p "$DESIGNER/node_modules" && touch "$DESIGNER/node_modules"
    else
        log "engine/designer: npm install (no package-lock.json)"
        (cd "$DESIGNER" && npm install --no-audit --no-fund) || die "npm install failed in engine/designer"
        mkdir -p "$DESIGNER/node_modules" && touch "$DESIGNER/node_modules"
    fi
    if (cd "$DESIGNER" && node -e 'process.exit(((require("./package.json").scripts) || {}).build ? 0 : 1)'); then
        log "engine/designer: npm run build"
        (cd "$DESIGNER" && npm run build) || die "npm run build failed in engine/designer"
        DESIGNER_BUILT=1
    else
        warn "engine/designer/package.json has no \"build\" script; nothing built"
    fi
}

# ------------------------------------------------------------------ trx summary
# summarize_trx <results-dir> <dotnet-test-exit-code>
# Prints failed test names, notes, and as the very last line "N passed, N failed[, N skipped]".
# Returns 0 only when trx files were found and parsed, nothing failed and dotnet test exited 0.
summarize_trx() {
    if [ -z "$PYTHON" ]; then
        echo "ERROR: python3 is needed to read the trx files"
        echo "0 passed, 0 failed"
        return 1
    fi
    "$PYTHON" - "$1" "$2" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results_dir, test_rc = sys.argv[1], int(sys.argv[2])
FAILED = ("Failed", "Error", "Timeout", "Aborted")
KEYS = ("total", "executed", "passed", "failed", "error", "timeout", "aborted",
        "inconclusive", "passedButRunAborted", "notRunnable", "notExecuted")

def local(tag):
    return tag.rsplit("}", 1)[-1]

def num(el, key):
    try:
        return int(el.get(key, "0") or 0)
    except ValueError:
        return 0

files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
passed = failed = skipped = 0
failed_names, problems = [], []
for path in files:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        problems.append(f"cannot parse {path}: {e}")
        continue
    # top-level results only: data-driven/ordered tests nest InnerResults that the counters already cover
    results = [el for res in root if local(res.tag) == "Results"
               for el in res if local(el.tag) == "UnitTestResult"]
    counters = None
    for el in root.iter():
        if local(el.tag) == "ResultSummary":
            counters = next((c for c in el if local(c.tag) == "Counters"), None)
            break
    n_failed_results = sum(1 for r in results if r.get("outcome") in FAILED)
    n_skipped_results = sum(1 for r in results if r.get("outcome") == "NotExecuted")
    if counters is not None:
        c = {k: num(counters, k) for k in KEYS}
        passed += c["passed"]
        failed += max(c["failed"] + c["error"] + c["timeout"] + c["aborted"], n_failed_results)
        # Some trx writers leave skipped tests out of the counters; the results list has them.
        skipped += max(c["notExecuted"], n_skipped_results)
    else:
        problems.append(f"no ResultSummary/Counters in {path}; counted its UnitTestResult elements")
        passed += sum(1 for r in results if r.get("outcome") == "Passed")
        failed += n_failed_results
        skipped += n_skipped_results
    for r in results:
        if r.get("outcome") in FAILED:
            name = r.get("testName") or r.get("testId") or "?"
            if name not in failed_names:
                failed_names.append(name)

out = []
if failed_names:
    out.append(f"Failed tests ({len(failed_names)}):")
    out.extend(f"  - {n}" for n in failed_names)
if not files:
    out.append(f"ERROR: dotnet test wrote no .trx file to {results_dir}")
for p in problems:
    out.append(f"ERROR: {p}")
if test_rc != 0:
    out.append(f"dotnet test exited with code {test_rc}")
out.append(f"trx files: {len(files)} in {results_dir}")
line = f"{passed} passed, {failed} failed"
if skipped > 0:
    line += f", {skipped} skipped"
out.append(line)
sys.stdout.write("\n".join(out) + "\n")
sys.stdout.flush()
sys.exit(0 if files and not problems and failed == 0 and test_rc == 0 else 1)
PY
}

# Allow `TEST_SH_SUMMARIZE_ONLY=<dir> ./test.sh` to re-summarize an existing results directory.
if [ -n "${TEST_SH_SUMMARIZE_ONLY:-}" ]; then
    summarize_trx "$TEST_SH_SUMMARIZE_ONLY" "${TEST_SH_TEST_RC:-0}"
    exit $?
fi

# ------------------------------------------------------------------ main
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK) is not on PATH"
[ -f "$ROOT/Automation.sln" ] || die "Automation.sln not found in $ROOT"

install_debian_packages

log "test services"
# shellcheck source=scripts/test-services.sh
source "$ROOT/scripts/test-services.sh" start
if [ -n "${AUTOMATION_TEST_MISSING:-}" ]; then
    if is_ci; then
        die "CI=true and these test services could not be started: $AUTOMATION_TEST_MISSING (reasons above)"
    fi
    warn "continuing without: $AUTOMATION_TEST_MISSING (CI=true would make this an error)"
fi

build_designer

build_props=()
if [ "$DESIGNER_BUILT" = 1 ]; then build_props+=(-p:SkipDesignerBuild=true); fi

log "dotnet build Automation.sln -c Debug ${build_props[*]}"
build_rc=0
dotnet build "$ROOT/Automation.sln" -c Debug "${build_props[@]}" || build_rc=$?
if [ "$build_rc" != 0 ]; then
    printf 'BUILD FAILED: dotnet build Automation.sln -c Debug exited with code %s; no tests were run\n' "$build_rc" >&2
    exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/TestResults/$stamp"
if [ -e "$RESULTS" ]; then RESULTS="$RESULTS-$$"; fi
mkdir -p "$RESULTS"

log "dotnet test Automation.sln --no-build -c Debug --logger trx --results-directory TestResults/$(basename "$RESULTS") $*"
test_rc=0
dotnet test "$ROOT/Automation.sln" --no-build -c Debug --logger "trx" --results-directory "$RESULTS" "$@" || test_rc=$?

summary_rc=0
summarize_trx "$RESULTS" "$test_rc" || summary_rc=$?
if [ "$summary_rc" != 0 ] || [ "$test_rc" != 0 ]; then exit 1; fi
exit 0
