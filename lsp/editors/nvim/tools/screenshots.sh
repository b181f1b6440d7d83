#!/usr/bin/env bash
# Regenerates the Neovim screenshots of docs/editors.md (docs/images/nvim-*.png).
#
# Runs a real Neovim with the molt module (lsp/editors/nvim) against a release molt-lsp,
# inside tmux at a fixed size, drives it with `tmux send-keys`, captures the screen with its
# colours (`tmux capture-pane -e`), turns that into HTML with `aha`, and renders the HTML to
# PNG with headless Chromium.
#
# Needs: nvim (0.7 or later), tmux, aha, chromium-headless-shell (Debian: apt-get install
# neovim tmux aha chromium-headless-shell), and `cargo build --release -p molt_lsp` first.
#
# Environment: MOLT_LSP (the server; default target/release/molt-lsp of the repository),
# OUT_DIR (default docs/images), CHROMIUM (default /usr/lib/chromium/chromium-headless-shell),
# TIMEOUT (seconds to wait for each step, default 120).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
plugin=$(cd "$here/.." && pwd)
repo=$(cd "$plugin/../../.." && pwd)
server=${MOLT_LSP:-$repo/target/release/molt-lsp}
out_dir=${OUT_DIR:-$repo/docs/images}
chromium=${CHROMIUM:-/usr/lib/chromium/chromium-headless-shell}
timeout=${TIMEOUT:-120}
cols=130
rows=32

for tool in nvim tmux aha "$chromium"; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is not installed" >&2; exit 1; }
done
[ -x "$server" ] || { echo "screenshots.sh: no server at $server (cargo build --release -p molt_lsp)" >&2; exit 1; }

work=$(mktemp -d -t molt-nvim-shots.XXXXXX)
socket="$work/tmux.sock"
cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  sleep 1
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

# The project: a pyproject.toml at its root, the program in it.
project="$work/demo"
mkdir -p "$project"
printf '[project]\nname = "demo"\n' >"$project/pyproject.toml"
cat >"$project/app.py" <<'EOF'
def scale(x, k: int):
    return x * k


def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    return s


if __name__ == "__main__":
    print(total(10), scale(3, 2))
EOF

# A plain configuration: the molt module, a dark colour scheme, line numbers, rounded hover.
cat >"$work/init.lua" <<EOF
vim.opt.runtimepath:append("$plugin")
vim.o.termguicolors = true
vim.o.background = "dark"
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 2
vim.o.swapfile = false
vim.o.hlsearch = false
vim.o.shortmess = vim.o.shortmess .. "I"
vim.cmd([[
  highlight Normal guifg=#d4d7dd guibg=#16181d
  highlight NormalFloat guifg=#d4d7dd guibg=#262a33
  highlight FloatBorder guifg=#7f8796 guibg=#262a33
  highlight SignColumn guibg=NONE
  highlight LineNr guifg=#5b6170
  highlight StatusLine gui=bold guifg=#16181d guibg=#9aa7bd
  highlight StatusLineNC gui=NONE guifg=#9aa7bd guibg=#2f3440
  highlight VertSplit gui=NONE guifg=#2f3440 guibg=#2f3440
  highlight NonText guifg=#3b4050
]])
vim.lsp.handlers["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded", max_width = 80 })
vim.keymap.set("n", "K", vim.lsp.buf.hover)
require("molt").setup({
  cmd = { "$server", "--stdio" },
  settings = { buildOnSave = "native" },
})
EOF

screen() { tmux -S "$socket" capture-pane -p -t 0; }
keys() { tmux -S "$socket" send-keys -t 0 "$@"; }

# Waits until the screen shows `pattern` (grep -E), for $2 seconds (default $timeout).
wait_for() {
  local deadline=$((SECONDS + ${2:-$timeout}))
  until screen | grep -qE "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "screenshots.sh: timed out waiting for /$1/; the screen:" >&2
      screen >&2
      exit 1
    fi
    sleep 0.3
  done
  sleep 0.5
}

# Starts Neovim on app.py in a new tmux server.
start() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  tmux -S "$socket" -f /dev/null new-session -d -x "$cols" -y "$rows" -c "$project" \
    "env -i HOME=$work PATH=$PATH TERM=tmux-256color COLORTERM=truecolor XDG_CONFIG_HOME=$work/config \
     XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache \
     nvim -u $work/init.lua -i NONE app.py"
  tmux -S "$socket" set-option -g default-terminal tmux-256color >/dev/null
  tmux -S "$socket" set-option -ga terminal-overrides ",*:Tc" >/dev/null
}

# Captures the screen to $out_dir/$1.png.
shot() {
  local html="$work/$1.html"
  {
    printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>\n'
    printf 'html,body{margin:0;background:#16181d;}\n'
    printf 'pre{margin:0;padding:10px 12px;font:15px/1.25 "DejaVu Sans Mono",monospace;color:#d4d7dd;background:#16181d;}\n'
    printf '</style></head><body><pre>'
    tmux -S "$socket" capture-pane -e -p -t 0 | aha --no-header
    printf '</pre></body></html>\n'
  } >"$html"
  # 15px DejaVu Sans Mono: 9.03 px per column, 18.75 px per row.
  local width=$((cols * 903 / 100 + 26)) height=$((rows * 1875 / 100 + 22))
  "$chromium" --no-sandbox --headless --hide-scrollbars --screenshot="$out_dir/$1.png" \
    --window-size="$width,$height" "file://$html" >/dev/null 2>&1
  echo "wrote $out_dir/$1.png"
}

# 1. Remarks as virtual text, the code lenses, and the hover on the `*` of `x * k`.
# On Neovim 0.7 a line's lens and its diagnostic are both virtual text at the end of the
# line, in the order they were drawn: when the diagnostics come first, the long remark of the
# `if __name__` line pushes its lenses off the screen. Redrawing the diagnostics once the
# lenses are there puts the lenses first.
start
wait_for '■'
wait_for 'coverage'
keys ':lua vim.diagnostic.show()' Enter ':echo ""' Enter
wait_for 'Run with profile'
keys Escape ':2' Enter ':echo ""' Enter '0f*' 'K'
wait_for '╭'
shot nvim-remarks

# 2. `:MoltCodeLens` on the `if __name__` line, `▶ Run` from its menu: the run buffer.
keys Escape Escape ':12' Enter ':MoltCodeLens' Enter
wait_for 'Type number'
keys 1 Enter
wait_for 'exit code'
# The run refreshed the lenses, drawn after the diagnostics again (see 1.).
keys ':lua vim.diagnostic.show()' Enter ':echo ""' Enter
wait_for 'Run with profile'
shot nvim-run

# 3. `:MoltShowIr`: the optimized MIR beside the source, scrolled to `scale`.
keys ':only' Enter ':2' Enter ':MoltShowIr' Enter
wait_for 'molt://ir'
keys C-w l '/^function "scale"' Enter 'zt' ':lua vim.diagnostic.show()' Enter ':echo ""' Enter
sleep 1
shot nvim-ir
