-- Drives tonelsp serve from Neovim's built-in LSP client (0.7 API: vim.lsp.start_client) in a headless
-- Neovim. The template to check is the file Neovim was started with. Writes what happened as JSON to
-- $TONELSP_NVIM_RESULT and quits; the node test (neovim.test.mjs) makes the assertions.
-- The server: tonelsp.dll runs on dotnet, a native tonelsp executable on its own.
local server = os.getenv('TONELSP_SERVER') or os.getenv('TONELSP_DLL')
local server_cmd = server:lower():match('%.dll$') and { 'dotnet', server, 'serve' } or { server, 'serve' }
local result_path = os.getenv('TONELSP_NVIM_RESULT')
local timeout_ms = tonumber(os.getenv('TONELSP_NVIM_TIMEOUT_MS') or '30000')
local result = { steps = {} }

local function write_result()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- Waits until check() is true while Neovim keeps handling LSP messages; fails with what was awaited.
local function wait_for(what, check)
  if not vim.wait(timeout_ms, check, 50) then
    error('timed out after ' .. timeout_ms .. ' ms waiting for ' .. what, 0)
  end
  table.insert(result.steps, what)
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'tonelsp',
    cmd = server_cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':h'),
    settings = { tonelsp = { defaultLanguage = 'de', rules = {} } },
  })
  if client_id == nil then
    error('vim.lsp.start_client did not start tonelsp', 0)
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  wait_for('the server to initialize', function()
    return client.initialized == true or (client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil)
  end)

  -- Push diagnostics arrive after the document is opened.
  wait_for('diagnostics', function()
    return #vim.diagnostic.get(bufnr) > 0
  end)
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(result.diagnostics, {
      code = diagnostic.code or lsp.code,
      message = diagnostic.message,
      line = diagnostic.lnum,
      col = diagnostic.col,
      end_col = diagnostic.end_col,
      severity = diagnostic.severity,
      source = diagnostic.source,
    })
  end

  -- The code action menu is vim.ui.select; pick the rewrite the way a user would.
  local first = vim.diagnostic.get(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  result.code_action_titles = {}
  local chose = false
  vim.ui.select = function(items, opts, on_choice)
    local picked
    for _, item in ipairs(items) do
      -- Neovim 0.7 passes { client_id, action } pairs.
      local action = item[2] or item.action or item
      table.insert(result.code_action_titles, action.title)
      if picked == nil and action.title:find('Kurz zusammengefasst', 1, true) then
        picked = item
      end
    end
    chose = true
    on_choice(picked)
  end
  vim.lsp.buf.code_action()
  wait_for('the code action menu', function()
    return chose
  end)
  wait_for('the quick fix to change the buffer', function()
    return buffer_text(bufnr):find('Kurz zusammengefasst', 1, true) ~= nil
  end)
  wait_for('TONE001 to disappear after the fix', function()
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
      if (diagnostic.code or lsp.code) == 'TONE001' then
        return false
      end
    end
    return true
  end)
  result.text_after_fix = buffer_text(bufnr)

  -- The server's convert command answers with workspace/applyEdit, which Neovim applies to the buffer.
  local response, request_error = client.request_sync('workspace/executeCommand', {
    command = 'tonelsp.convertDocument',
    arguments = { vim.uri_from_bufnr(bufnr), 'du' },
  }, timeout_ms, bufnr)
  if response == nil or response.err ~= nil then
    error('workspace/executeCommand failed: ' .. vim.inspect(request_error or response.err), 0)
  end
  wait_for('the conversion to du in the buffer', function()
    return buffer_text(bufnr):find('deine Nachricht', 1, true) ~= nil
  end)
  result.text_after_convert = buffer_text(bufnr)

  client.stop()
  wait_for('the server to stop', function()
    return client.is_stopped()
  end)
  result.ok = true
end

local ok, message = xpcall(run, function(err)
  return tostring(err)
end)
if not ok then
  result.ok = false
  result.error = message
end
write_result()
vim.cmd('qall!')
