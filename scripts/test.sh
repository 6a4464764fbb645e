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

pytest_rc=0
cd_log "pytest${*:+ $*}"
"$CD_VENV/bin/python" -m pytest "$@" || pytest_rc=$?

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
