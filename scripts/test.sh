#!/usr/bin/env bash
# Sets up and runs the whole test suite: ruff, then pytest (offscreen Qt).
# Extra arguments are passed to pytest (e.g. `bash scripts/test.sh -k import -x`).
set -euo pipefail

# shellcheck source=SCRIPTDIR/setup-env.sh
source "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/setup-env.sh"

# poppler-utils: pdftotext/pdftoppm; libreoffice-calc-nogui: independent reader of our
# Excel files in the report tests.
cd_setup poppler-utils libreoffice-calc-nogui

export QT_QPA_PLATFORM=offscreen

ruff_rc=0
cd_log "ruff check ."
"$CD_VENV/bin/ruff" check . || ruff_rc=$?

# Two worker processes (pytest-xdist), each test file whole in one of them: the suite takes about half
# the time on a 2-core machine. CD_TEST_WORKERS=0 runs everything in one process (or pass -n 0).
workers=(-n "${CD_TEST_WORKERS:-2}" --dist loadfile)
pytest_rc=0
cd_log "pytest ${workers[*]}${*:+ $*}"
"$CD_VENV/bin/python" -m pytest "${workers[@]}" "$@" || pytest_rc=$?

if [ "$pytest_rc" -eq 5 ]; then
    cd_log "FAILED: pytest collected no tests (exit 5); the suite is never empty."
elif [ "$pytest_rc" -ne 0 ]; then
    cd_log "FAILED: pytest exited with $pytest_rc."
fi
if [ "$ruff_rc" -ne 0 ]; then
    cd_log "FAILED: ruff found problems (exit $ruff_rc)."
    [ "$pytest_rc" -eq 0 ] && exit 1
fi
[ "$pytest_rc" -eq 0 ] && cd_log "All checks passed."
exit "$pytest_rc"
