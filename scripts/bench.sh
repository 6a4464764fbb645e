#!/usr/bin/env bash
# Sets up .venv with the test and bench extras, then runs the one-command benchmark
# (bench/run_all.py): synthetic data at realistic scales, a table of medians, peak memory and
# verdicts against the goals, also written to bench/out/results.md and results.json.
# Arguments go to run_all.py, e.g. `bash scripts/bench.sh --quick` or `--runs 3 --only cold_big`.
set -euo pipefail

# shellcheck source=SCRIPTDIR/setup-env.sh
source "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/setup-env.sh"

cd_setup

# cd_setup installs ".[test]"; the benchmark also needs the bench extra (pandas, pyinstrument).
bench_stamp="$CD_VENV/.commune-desk-bench-installed"
bench_want="$(sha256sum pyproject.toml | cut -d' ' -f1) $CD_ROOT"
if [ ! -f "$bench_stamp" ] || [ "$(cat "$bench_stamp")" != "$bench_want" ]; then
    cd_log "Installing the bench extra into .venv (pip install -e \".[test,bench]\")..."
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
        "$CD_VENV/bin/python" -m pip install --quiet -e ".[test,bench]" \
        || cd_die "pip install failed (see above)."
    printf '%s\n' "$bench_want" >"$bench_stamp"
fi

export QT_QPA_PLATFORM=offscreen
cd_log "Load before the benchmark:$(uptime | sed 's/.*load average//')"
exec "$CD_VENV/bin/python" bench/run_all.py "$@"
