// A second real LSP client: Neovim's built-in client (Debian's Neovim 0.7, vim.lsp.start_client) runs
// headless against `tonelsp serve`; neovim/lsp-session.lua drives it and reports what happened as JSON.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixturesDirectory, serverPath } from '../lsp-session.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'neovim', 'lsp-session.lua');
const neovim = process.env.TONELSP_NVIM ?? 'nvim';
const runTimeoutMs = 120_000;

/** Runs headless Neovim on a copy of the fixture; resolves with the script's JSON report and Neovim's output. */
function runNeovim(workDirectory, template) {
  const resultPath = path.join(workDirectory, 'result.json');
  const state = path.join(workDirectory, 'state');
  return new Promise((resolve, reject) => {
    // A fresh config, cache and state, so a developer's own Neovim setup takes no part.
    const child = spawn(neovim, ['--headless', '--clean', '-n', template, '-S', script], {
      cwd: workDirectory,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: state,
        XDG_CACHE_HOME: state,
        XDG_STATE_HOME: state,
        XDG_DATA_HOME: state,
        TONELSP_SERVER: serverPath(),
        TONELSP_NVIM_RESULT: resultPath,
        TONELSP_NVIM_TIMEOUT_MS: '30000',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neovim did not finish within ${runTimeoutMs} ms. Output:\n${output}`));
    }, runTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start ${neovim} (apt-get install neovim): ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!existsSync(resultPath)) {
        reject(new Error(`Neovim exited with ${code} and wrote no report. Output:\n${output}`));
        return;
      }
      resolve({ report: JSON.parse(readFileSync(resultPath, 'utf8')), output, code });
    });
  });
}

describe('Neovim (built-in LSP client) with tonelsp serve', () => {
  let workDirectory;
  let run;

  before(async () => {
    if (!existsSync(serverPath())) {
      throw new Error(`The server was not found at ${serverPath()}; build it with "dotnet build server/ToneLsp -c Release".`);
    }
    workDirectory = mkdtempSync(path.join(tmpdir(), 'tonelsp-neovim-'));
    const template = path.join(workDirectory, 'reply-de.md');
    copyFileSync(path.join(fixturesDirectory, 'reply-de.md'), template);
    run = await runNeovim(workDirectory, template);
  });

  after(() => {
    if (workDirectory) {
      rmSync(workDirectory, { recursive: true, force: true });
    }
  });

  test('the session ran to the end', () => {
    const { report, output } = run;
    assert.equal(report.ok, true, `the Neovim session failed: ${report.error}\nsteps done: ${report.steps.join(', ')}\n${output}`);
  });

  test('diagnostics arrive with the rule, range and severity', () => {
    const tone001 = (run.report.diagnostics ?? []).find((diagnostic) => diagnostic.code === 'TONE001');
    assert.ok(tone001, `expected TONE001 among ${JSON.stringify(run.report.diagnostics)}`);
    // Neovim counts columns in bytes: the server's UTF-16 range came through the client's conversion intact.
    assert.deepEqual([tone001.line, tone001.col, tone001.end_col], [6, 0, Buffer.byteLength('Wie bereits erwähnt,')]);
    assert.equal(tone001.severity, 2, 'a warning');
    // The template is German, so the server speaks German (messages: auto).
    assert.match(tone001.message, /spricht von oben herab/);
  });

  test('the code action menu offers the rewrites, and the chosen one applies', () => {
    const { report } = run;
    assert.equal(report.code_action_titles[0], 'Umformulieren zu „Kurz zusammengefasst“');
    assert.ok(report.code_action_titles.includes('TONE001 für diese Zeile deaktivieren'));
    assert.match(report.text_after_fix ?? '', /^Kurz zusammengefasst ist die Antwort im Hilfebereich\.$/m);
    assert.doesNotMatch(report.text_after_fix ?? '', /Wie bereits erwähnt/);
    assert.ok(report.steps.includes('TONE001 to disappear after the fix'), 'the server re-checked the edited buffer');
  });

  test('the convert command edits the buffer through workspace/applyEdit', () => {
    assert.match(run.report.text_after_convert ?? '', /vielen Dank für deine Nachricht\./);
  });
});
