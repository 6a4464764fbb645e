# shellcheck shell=bash
# Shared set-up for scripts/start.sh and scripts/test.sh. Source it, do not run it.
#
# After sourcing:
#   - the current directory is the repository root ($CD_ROOT);
#   - cd_setup PKG...   installs the Debian packages Qt needs (plus PKG...), creates
#                       .venv with Python >= 3.11 and installs the project into it
#                       (pip install -e ".[test]") when pyproject.toml changed.
#
# Environment:
#   CD_PYTHON   interpreter to create .venv with (default: python3.11, then python3).

CD_ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
CD_VENV="$CD_ROOT/.venv"
CD_STAMP="$CD_VENV/.commune-desk-installed"

# Debian packages Qt needs for a real window (xcb platform) and for the offscreen platform.
CD_QT_PACKAGES=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0
    libfontconfig1 libdbus-1-3 fonts-dejavu-core
)

cd "$CD_ROOT" || exit 1

cd_log() { printf '[commune-desk] %s\n' "$*" >&2; }
cd_die() { printf '[commune-desk] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when root, through sudo otherwise (never prompting
# when there is no terminal). Returns 1 when neither is possible.
cd_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
    else
        return 1
    fi
}

cd_can_be_root() {
    [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1
}

cd_pkg_installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: .* installed$'
}

CD_APT_UPDATED=0

# Installs the given Debian packages that are not installed yet. Does not call apt at all
# when everything is there. Without apt-get (or without a way to become root) prints a
# note and carries on.
cd_apt_ensure() {
    local missing=() pkg log
    if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        cd_log "NOTE: apt-get is not available (not Debian/Ubuntu?); skipping system packages."
        cd_log "      Make sure the equivalents of these are installed: $*"
        return 0
    fi
    for pkg in "$@"; do
        cd_pkg_installed "$pkg" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! cd_can_be_root; then
        cd_log "NOTE: not root and sudo is not available; cannot install: ${missing[*]}"
        cd_log "      Ask an administrator to run: apt-get install ${missing[*]}"
        return 0
    fi
    cd_log "Installing Debian packages: ${missing[*]}"
    if [ "$CD_APT_UPDATED" -eq 0 ]; then
        cd_apt update || { cd_apt_failed "apt-get update" "${missing[@]}"; return 0; }
        CD_APT_UPDATED=1
    fi
    cd_apt -y install --no-install-recommends "${missing[@]}" \
        || cd_apt_failed "apt-get install" "${missing[@]}"
}

# Runs apt-get as root, quietly; shows its output only when it fails.
cd_apt() {
    local log rc=0
    log=$(mktemp)
    cd_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -qq -o DPkg::Lock::Timeout=120 "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then cat "$log" >&2; fi
    rm -f "$log"
    return "$rc"
}

# As root a failed apt-get is fatal; through sudo (maybe without the right to use it)
# it is reported and the set-up carries on.
cd_apt_failed() {
    local what=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        cd_die "$what failed (see above) for: $*"
    fi
    cd_log "WARNING: $what through sudo failed (see above); continuing without: $*"
}

# Prints the first interpreter that is Python >= 3.11.
cd_find_python() {
    local candidates=(python3.11 python3) py
    [ -n "${CD_PYTHON:-}" ] && candidates=("$CD_PYTHON")
    for py in "${candidates[@]}"; do
        if command -v "$py" >/dev/null 2>&1 \
                && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$py"
            return 0
        fi
    done
    return 1
}

cd_venv_ok() {
    [ -x "$CD_VENV/bin/python" ] \
        && "$CD_VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
        && "$CD_VENV/bin/python" -m pip --version >/dev/null 2>&1
}

cd_ensure_venv() {
    local py ver
    cd_venv_ok && return 0
    if [ -e "$CD_VENV" ]; then
        cd_log "Existing .venv is unusable (no Python >= 3.11 with pip); recreating it."
        rm -rf "$CD_VENV"
    fi
    py=$(cd_find_python) || cd_die "Python >= 3.11 not found (tried ${CD_PYTHON:-python3.11, python3})."
    cd_log "Creating .venv with $py ($("$py" --version 2>&1))"
    if ! "$py" -m venv "$CD_VENV" >/dev/null 2>&1; then
        rm -rf "$CD_VENV"
        # Debian ships ensurepip separately, in python3.X-venv.
        ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        cd_log "python -m venv failed (ensurepip missing?); installing python$ver-venv."
        if [ "$(basename "$py")" = python3 ]; then
            cd_apt_ensure "python$ver-venv" python3-venv
        else
            cd_apt_ensure "python$ver-venv"
        fi
        "$py" -m venv "$CD_VENV" || { rm -rf "$CD_VENV"; cd_die "could not create .venv with $py"; }
    fi
}

# Installs the project into .venv when pyproject.toml (or the repository's location)
# changed since the last successful install.
cd_ensure_deps() {
    local want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) $CD_ROOT"
    if [ -f "$CD_STAMP" ] && [ "$(cat "$CD_STAMP")" = "$want" ]; then
        return 0
    fi
    cd_log "Installing Python packages into .venv (pip install -e \".[test]\")..."
    # An older set-up installed PySide6_Pdf 6.12, which does not belong with the pinned PySide6 < 6.12.
    "$CD_VENV/bin/python" -m pip uninstall --yes --quiet PySide6_Pdf >/dev/null 2>&1 || true
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
        "$CD_VENV/bin/python" -m pip install --quiet -e ".[test]" \
        || cd_die "pip install failed (see above)."
    printf '%s\n' "$want" >"$CD_STAMP"
}

# Full set-up. Extra arguments are additional Debian packages to ensure.
cd_setup() {
    local start=$SECONDS
    cd_apt_ensure "${CD_QT_PACKAGES[@]}" "$@"
    cd_ensure_venv
    cd_ensure_deps
    if [ $((SECONDS - start)) -gt 2 ]; then
        cd_log "Set-up done in $((SECONDS - start)) s."
    fi
}
