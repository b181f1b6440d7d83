-- Drives Neovim (headless) through what a user does with molt-lsp, for lsp/tests/nvim.rs:
-- open a Python file of a project, get diagnostics and remarks, hover, run the `▶ Run` code
-- lens, save with build on save, and find the executable. Each step writes one line
-- `key<TAB>value` to $MOLT_TEST_OUT; the test asserts on them. Ends Neovim in every case.
--
-- Environment: MOLT_LSP (the server binary), MOLT_TEST_FILE (the Python file to open),
-- MOLT_TEST_OUT (where to write), MOLT_TEST_TIMEOUT_MS (per step).

local out = assert(io.open(os.getenv("MOLT_TEST_OUT"), "w"))
local timeout = tonumber(os.getenv("MOLT_TEST_TIMEOUT_MS") or "120000")

local function emit(key, value)
  value = tostring(value):gsub("\\", "\\\\"):gsub("\n", "\\n"):gsub("\t", "\\t")
  out:write(key, "\t", value, "\n")
  out:flush()
end

local function wait(what, condition)
  local ok = vim.wait(timeout, condition, 50)
  if not ok then
    error("timed out waiting for " .. what)
  end
end

local function run()
  emit("nvim", tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch)
  -- Every message the server shows (`window/showMessage`) is recorded: there should be none.
  local show = vim.lsp.handlers["window/showMessage"]
  vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
    emit("show_message", result and result.message or "?")
    return show(err, result, ctx, config)
  end
  vim.cmd("filetype on")
  vim.cmd("syntax on")
  local molt = require("molt")
  molt.setup({
    cmd = { os.getenv("MOLT_LSP"), "--stdio" },
    settings = { buildOnSave = "native" },
  })
  local file = os.getenv("MOLT_TEST_FILE")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  emit("filetype", vim.bo[bufnr].filetype)

  wait("the client to attach", function()
    return #molt.clients(bufnr) > 0
  end)
  local client = molt.clients(bufnr)[1]
  emit("root", client.config.root_dir)

  -- Diagnostics: the remarks come with them.
  wait("remark diagnostics", function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if type(d.code) == "string" and d.code:find("%.") then
        return true
      end
    end
    return false
  end)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    emit("diagnostic", string.format("%d:%d %s %d %s", d.lnum + 1, d.col + 1, tostring(d.code), d.severity, d.message))
  end

  -- Hover on `scale` in its `def` line.
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 0, character = 5 },
  }, timeout)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      emit("hover", type(contents) == "table" and (contents.value or vim.inspect(contents)) or contents)
    elseif response.err then
      emit("hover_error", vim.inspect(response.err))
    end
  end

  -- Code lenses, then the `▶ Run` lens as a user runs it (:MoltCodeLens on its line, and
  -- `▶ Run` picked from the menu of that line's lenses).
  molt.refresh_lenses(bufnr)
  local run_line
  wait("code lenses", function()
    for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
      if lens.command and lens.command.title == "▶ Run" then
        run_line = lens.range.start.line
        return true
      end
    end
    return false
  end)
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    if lens.command then
      emit("lens", (lens.range.start.line + 1) .. " " .. lens.command.title)
    end
  end
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      if opts.format_item(item) == "▶ Run" then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
  vim.api.nvim_win_set_cursor(0, { run_line + 1, 0 })
  vim.cmd("MoltCodeLens")
  vim.ui.select = select
  wait("the output of the Run lens", function()
    local buf = vim.fn.bufnr(molt.run_buffer)
    return buf ~= -1 and #vim.api.nvim_buf_get_lines(buf, 0, -1, false) > 1
  end)
  for _, line in ipairs(vim.api.nvim_buf_get_lines(vim.fn.bufnr(molt.run_buffer), 0, -1, false)) do
    emit("run", line)
  end

  -- :MoltShowIr
  vim.cmd("MoltShowIr")
  wait("the IR buffer", function()
    local buf = vim.fn.bufnr(molt.ir_buffer)
    return buf ~= -1 and #vim.api.nvim_buf_get_lines(buf, 0, -1, false) > 1
  end)
  local ir = vim.fn.bufnr(molt.ir_buffer)
  emit("ir_filetype", vim.bo[ir].filetype)
  emit("ir_first", vim.api.nvim_buf_get_lines(ir, 0, 1, false)[1])

  -- Build on save: the executable appears at the path the progress report names.
  local artifact = os.getenv("MOLT_TEST_ARTIFACT")
  os.remove(artifact)
  vim.api.nvim_set_current_buf(bufnr)
  vim.cmd("write")
  wait("the executable built on save", function()
    local stat = vim.loop.fs_stat(artifact)
    return stat ~= nil and stat.type == "file"
  end)
  emit("built", artifact)
end

local ok, err = pcall(run)
if not ok then
  emit("error", err)
end
emit("done", ok and "ok" or "failed")
out:close()
for _, client in ipairs(require("molt").clients()) do
  if vim.fn.has("nvim-0.11") == 1 then
    client:stop()
  else
    client.stop()
  end
end
vim.wait(2000, function()
  return #require("molt").clients() == 0
end, 50)
vim.cmd("qa!")
