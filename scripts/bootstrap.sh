# Sourced by scripts/run-demo and scripts/test: find Python >= 3.12, install uv
# if it is missing, and install the locked dependencies into .venv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export UV_PYTHON_DOWNLOADS=never  # only PyPI is reachable; use a Python already here
# Trust the machine's certificate store too (some networks re-sign TLS with their own CA).
export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}"

find_python() {
  local cand root
  local cands=(python3.13 python3.12)
  # pyenv installs that are not the active version are not on PATH; look for them directly.
  for root in "${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv /usr/local/pyenv /opt/pyenv; do
    [ -n "$root" ] || continue
    cands+=("$root"/versions/3.13*/bin/python3.13 "$root"/versions/3.12*/bin/python3.12)
  done
  cands+=(/usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 \
    /usr/bin/python3.12 python3)
  for cand in "${cands[@]}"; do
    if "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      "$cand" -c 'import sys; print(sys.executable)'
      return 0
    fi
  done
  echo "Provenance needs Python 3.12 or newer; none was found." >&2
  return 1
}

PYTHON="$(find_python)"
if command -v uv >/dev/null 2>&1; then
  UV=(uv)
else
  if [ ! -x var/tools/bin/uv ]; then
    echo "Installing uv into var/tools ..."
    mkdir -p var
    "$PYTHON" -m venv var/tools
    var/tools/bin/python -m pip install --quiet --disable-pip-version-check uv
  fi
  UV=("$ROOT/var/tools/bin/uv")
fi
"${UV[@]}" sync --frozen --quiet --python "$PYTHON"
export PATH="$ROOT/.venv/bin:$PATH"
