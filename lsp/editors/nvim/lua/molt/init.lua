-- molt-lsp for Neovim 0.7 and later.
--
-- Add this folder (lsp/editors/nvim) to 'runtimepath' and call, once:
--
--   require("molt").setup({ settings = { buildOnSave = "native" } })
--
-- It starts `molt-lsp --stdio` for Python buffers (one server per project root: the nearest
-- folder with pyproject.toml, setup.py, setup.cfg or .git, else the file's folder), passes
-- `settings` as initializationOptions and as the `molt` section of workspace/configuration,
-- adds the commands :MoltBuild, :MoltRun, :MoltRunProfiled, :MoltShowIr and :MoltCodeLens,
-- refreshes code lenses, and shows the result of the lenses `▶ Run`, `▶ Run with profile` and
-- `Build` (which Neovim would otherwise drop) in a scratch buffer or the message line.
--
-- On Neovim 0.11 and later it registers the server with vim.lsp.config/vim.lsp.enable; on
-- older versions it uses vim.lsp.start_client and vim.lsp.buf_attach_client on FileType.

local M = {}

-- The client's name, and the commands the server executes (`workspace/executeCommand`).
M.name = "molt"
M.commands = {
  build = "molt.build",
  run = "molt.run",
  run_profiled = "molt.runProfiled",
  show_ir = "molt.showIr",
}

local defaults = {
  -- The server's command line.
  cmd = { "molt-lsp", "--stdio" },
  filetypes = { "python" },
  -- Files that mark a project's root folder (searched upwards from the file).
  root_markers = { "pyproject.toml", "setup.py", "setup.cfg", ".git" },
  -- The server's settings (docs/editors.md, "Settings"): buildOnSave, remarks,
  -- missedSeverity, outDir, profile, remoteCache, extraPaths.
  settings = {},
  -- Refresh code lenses on BufEnter, InsertLeave and after a save.
  codelens = true,
  -- Show the end of each build's progress report ("built in 812 ms", "build of app.py
  -- failed: ...") on the message line.
  build_messages = true,
  -- Timeout of :MoltRun and the Run lens, in ms (the server's default is 30 s).
  run_timeout_ms = nil,
  -- Start the server for Python buffers. false: only add the commands and the lens
  -- handlers, for a server started another way (nvim-lspconfig) under the name "molt".
  autostart = true,
  -- Called as on_attach(client, bufnr) when the server attaches to a buffer.
  on_attach = nil,
  -- Client capabilities (default: vim.lsp.protocol.make_client_capabilities()).
  capabilities = nil,
}

M.config = nil

local has_011 = vim.fn.has("nvim-0.11") == 1
local has_010 = vim.fn.has("nvim-0.10") == 1

-- Calls `client.request` (a method on 0.11, a field before).
local function request(client, method, params, handler, bufnr)
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function notify(message, level)
  vim.notify("molt: " .. message, level or vim.log.levels.INFO)
end

-- Root detection (no vim.fs on 0.7): the nearest folder above `path` holding one of
-- `markers`, else the file's own folder.
function M.find_root(path, markers)
  markers = markers or (M.config or defaults).root_markers
  local start = vim.fn.fnamemodify(path, ":p:h")
  local dir = start
  while dir and dir ~= "" do
    for _, marker in ipairs(markers) do
      if (vim.uv or vim.loop).fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

-- The molt clients attached to `bufnr` (every molt client when `bufnr` is nil).
function M.clients(bufnr)
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local found = {}
  for _, client in pairs(all) do
    if client.name == M.name and (bufnr == nil or vim.lsp.buf_is_attached(bufnr, client.id)) then
      table.insert(found, client)
    end
  end
  return found
end

-- Scratch buffers by name, reused while they exist: shown in a split of the current tab.
local function scratch(name, lines, filetype, vertical)
  local buf = vim.fn.bufnr(name)
  if buf == -1 or not vim.api.nvim_buf_is_valid(buf) then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
    vim.bo[buf].bufhidden = "hide"
    vim.bo[buf].swapfile = false
  end
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  vim.bo[buf].modified = false
  if filetype then
    vim.bo[buf].filetype = filetype
  end
  if vim.fn.bufwinid(buf) == -1 then
    local current = vim.api.nvim_get_current_win()
    vim.cmd(vertical and "vertical botright split" or "botright split")
    vim.api.nvim_win_set_buf(0, buf)
    vim.api.nvim_set_current_win(current)
  end
  return buf
end

local function lines_of(text)
  local lines = vim.split(text or "", "\n", { plain = true })
  if #lines > 0 and lines[#lines] == "" then
    table.remove(lines)
  end
  return lines
end

-- The name of the buffer that shows the output of runs.
M.run_buffer = "molt://run"
-- The name of the buffer that shows the optimized MIR.
M.ir_buffer = "molt://ir"

-- Shows the result of molt.run / molt.runProfiled in the run buffer.
function M.show_run(result)
  local status
  if result.timedOut then
    status = "killed after " .. result.durationMs .. " ms (timeout)"
  elseif result.exitCode == nil or result.exitCode == vim.NIL then
    status = "killed by a signal"
  else
    status = "exit code " .. result.exitCode
  end
  local lines = { "$ " .. tostring(result.artifact) .. "   (" .. status .. ", " .. result.durationMs .. " ms)" }
  vim.list_extend(lines, lines_of(result.stdout))
  local stderr = lines_of(result.stderr)
  if #stderr > 0 then
    table.insert(lines, "--- stderr ---")
    vim.list_extend(lines, stderr)
  end
  if result.profile ~= nil then
    if result.profile == vim.NIL then
      table.insert(lines, "--- no profile written ---")
    else
      table.insert(lines, "--- profile: " .. result.profile .. " ---")
    end
  end
  return scratch(M.run_buffer, lines, "moltrun", false)
end

-- Runs a server command on the document `bufnr` with `client`; shows its result. `announce`:
-- say on the message line that a run started (not after a lens menu, where any message
-- asks to press Enter).
local function execute(client, command, bufnr, extra, announce)
  local uri = vim.uri_from_bufnr(bufnr)
  local arguments = { uri }
  if extra then
    table.insert(arguments, extra)
  end
  if announce and (command == M.commands.run or command == M.commands.run_profiled) then
    notify((command == M.commands.run and "running " or "running with profile ")
      .. vim.fn.fnamemodify(vim.uri_to_fname(uri), ":t") .. "...")
  end
  request(client, "workspace/executeCommand", { command = command, arguments = arguments },
    function(err, result)
      if err then
        notify(err.message or tostring(err), vim.log.levels.ERROR)
        return
      end
      if command == M.commands.run or command == M.commands.run_profiled then
        M.show_run(result)
      elseif command == M.commands.show_ir then
        scratch(M.ir_buffer, lines_of(result), "moltmir", true)
      elseif command == M.commands.build then
        notify("built " .. tostring(result.artifact) .. " in " .. result.durationMs .. " ms")
      end
      if M.config and M.config.codelens then
        pcall(M.refresh_lenses, bufnr)
      end
    end, bufnr)
end

-- Runs `command` on the current buffer (for the :Molt* commands).
function M.run_command(command)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1]
  if not client then
    notify("molt-lsp is not attached to this buffer", vim.log.levels.WARN)
    return
  end
  local extra = nil
  if (command == M.commands.run or command == M.commands.run_profiled) and M.config.run_timeout_ms then
    extra = { timeoutMs = M.config.run_timeout_ms }
  end
  execute(client, command, bufnr, extra, true)
end

function M.refresh_lenses(bufnr)
  if has_010 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  elseif bufnr == nil or bufnr == vim.api.nvim_get_current_buf() then
    vim.lsp.codelens.refresh()
  end
end

-- Client-side handlers for the lens commands: Neovim looks in vim.lsp.commands before it
-- sends a lens's command to the server, and drops the result when it sends it itself.
local function register_lens_commands()
  for _, command in pairs(M.commands) do
    vim.lsp.commands[command] = function(lens_command, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      if not client then
        return
      end
      local bufnr = ctx.bufnr
      local arguments = lens_command.arguments or {}
      if type(arguments[1]) == "string" then
        bufnr = vim.uri_to_bufnr(arguments[1])
      end
      execute(client, command, bufnr, arguments[2])
    end
  end
end

-- The end of each build's progress report on the message line; everything else goes to the
-- default handler.
local function progress_handler(err, result, ctx, config)
  local default = vim.lsp.handlers["$/progress"]
  local value = result and result.value
  if M.config.build_messages and type(value) == "table" and value.kind == "end"
      and type(result.token) == "string" and result.token:find("^molt%-build%-") and value.message then
    local text = "molt: " .. value.message
    local width = math.max(vim.v.echospace or 0, 20) - 1
    if #text > width then
      text = text:sub(1, width)
    end
    vim.api.nvim_echo({ { text, value.message:find("failed") and "ErrorMsg" or "None" } }, false, {})
  end
  if default then
    return default(err, result, ctx, config)
  end
end

local function on_attach(client, bufnr)
  if M.config.codelens then
    local group = vim.api.nvim_create_augroup("molt_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
      group = group,
      buffer = bufnr,
      callback = function()
        pcall(M.refresh_lenses, bufnr)
      end,
    })
    pcall(M.refresh_lenses, bufnr)
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

-- The client configuration shared by every way of starting the server.
local function client_config(root)
  local c = M.config
  -- An empty Lua table is encoded as a JSON array: send an object.
  local settings = next(c.settings) == nil and vim.empty_dict() or c.settings
  return {
    name = M.name,
    cmd = c.cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    init_options = settings,
    settings = { molt = settings },
    capabilities = c.capabilities or vim.lsp.protocol.make_client_capabilities(),
    handlers = { ["$/progress"] = progress_handler },
    on_attach = on_attach,
  }
end

-- Client ids by root folder (Neovim before 0.11).
local started = {}

-- Starts (or reuses) the server of the project of `bufnr` and attaches it (before 0.11).
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == "" or vim.bo[bufnr].buftype ~= "" then
    return
  end
  local root = M.find_root(file)
  local id = started[root]
  local client = id and vim.lsp.get_client_by_id(id)
  -- `is_stopped` is a function of the client on 0.7 and a method later: both take this call.
  if not client or client.is_stopped(client) then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      notify("cannot start " .. table.concat(M.config.cmd, " "), vim.log.levels.ERROR)
      return
    end
    started[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

-- Sets molt-lsp up (see the top of this file). `opts` override the defaults above.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", {}, defaults, opts or {})
  -- Lists replace the defaults rather than merging by index.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts and opts[key] then
      M.config[key] = opts[key]
    end
  end
  register_lens_commands()

  local user_commands = {
    MoltBuild = M.commands.build,
    MoltRun = M.commands.run,
    MoltRunProfiled = M.commands.run_profiled,
    MoltShowIr = M.commands.show_ir,
  }
  for name, command in pairs(user_commands) do
    vim.api.nvim_create_user_command(name, function()
      M.run_command(command)
    end, { desc = "molt-lsp: " .. command })
  end
  vim.api.nvim_create_user_command("MoltCodeLens", function()
    vim.lsp.codelens.run()
  end, { desc = "molt-lsp: run the code lens of the cursor's line" })

  if not M.config.autostart then
    return
  end
  if has_011 and vim.lsp.config and vim.lsp.enable then
    local config = client_config(nil)
    config.root_dir = nil
    config.workspace_folders = nil
    config.filetypes = M.config.filetypes
    config.root_markers = M.config.root_markers
    vim.lsp.config(M.name, config)
    vim.lsp.enable(M.name)
    return
  end

  local group = vim.api.nvim_create_augroup("molt_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

return M
