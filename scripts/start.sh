#!/usr/bin/env bash
# Sets up and starts Commune Desk. With no arguments it opens the window; arguments are
# passed to main.py (e.g. `bash scripts/start.sh --help`, `bash scripts/start.sh demo`).
set -euo pipefail

# shellcheck source=SCRIPTDIR/setup-env.sh
source "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/setup-env.sh"

# No Debian packages beyond the Qt ones.
# shellcheck disable=SC2119
cd_setup
exec "$CD_VENV/bin/python" main.py "$@"
