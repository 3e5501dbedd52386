// The linux-x64 extension, which carries the native server, in a real VS Code on a machine without .NET: code-server
// runs with no dotnet on its PATH and no DOTNET_* variables, and the extension must still check a German template.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  artifactsDirectory,
  CodeServer,
  environmentWithout,
  installCodeServer,
  launchBrowser,
  nativeVsixPath,
  openFile,
  openWorkbench,
  toneStatus,
  waitFor,
} from './code-server.mjs';

const workspaceFixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workspace');
const nativeArtifacts = path.join(artifactsDirectory, 'native');
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('VS Code (code-server) with the linux-x64 extension and no .NET', { skip: onLinuxX64 ? false : 'the linux-x64 package runs on linux-x64 only' }, () => {
  let scratch;
  let environment;
  let codeServer;
  let browser;
  let page;

  before(async () => {
    mkdirSync(nativeArtifacts, { recursive: true });
    const launcher = await installCodeServer();
    scratch = mkdtempSync(path.join(tmpdir(), 'tonelsp-no-dotnet-'));
    // VS Code takes the extension host's environment from a login shell, whose profile puts /usr/bin (and its
    // dotnet) back on the PATH; VSCODE_CLI=1 makes it keep the environment it was started with.
    environment = { ...environmentWithout('dotnet', path.join(scratch, 'bin')), VSCODE_CLI: '1' };
    codeServer = await CodeServer.start({
      launcher,
      vsix: nativeVsixPath(),
      workspaceFixture,
      environment,
      missingHint: 'build it with "TONELSP_RIDS=linux-x64 scripts/release.sh"',
    });
    browser = await launchBrowser(path.join(scratch, 'chromium'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await openWorkbench(page, codeServer, 'reply-condescending.md');
  });

  after(async () => {
    try {
      codeServer?.saveLogs(path.join(nativeArtifacts, 'logs'));
      await browser?.close();
    } finally {
      await codeServer?.stop();
      if (scratch) {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  });

  test('the environment code-server runs in has no dotnet', () => {
    const folders = environment.PATH.split(path.delimiter);
    assert.ok(folders.length > 0);
    assert.deepEqual(
      folders.filter((folder) => existsSync(path.join(folder, 'dotnet'))),
      [],
    );
    assert.equal(environment.DOTNET_ROOT, undefined);
    // The PATH still finds what code-server needs.
    assert.ok(folders.some((folder) => existsSync(path.join(folder, 'node'))));
  });

  test('a German template gets its diagnostics from the native server', async () => {
    try {
      await openFile(page, 'reply-condescending.md');
      await waitFor(() => page.locator('.monaco-editor .squiggly-warning').count(), 'a warning squiggle in the editor', { timeoutMs: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'TONE001' });
      await waitFor(() => problem.isVisible(), 'TONE001 in the Problems panel');
      assert.match(await problem.innerText(), /Wie bereits erwähnt/);
      await waitFor(async () => (await toneStatus(page)) === 'ToneLsp: DE, Sie, 1 tone finding', 'the status bar item to count 1 finding');
    } catch (error) {
      await page?.screenshot({ path: path.join(nativeArtifacts, 'failure-diagnostics.png') }).catch(() => {});
      throw error;
    }
  });

  test('the server that runs is the bundled native executable, not dotnet', async () => {
    // The extension says which server it started in its output channel.
    const started = await waitFor(
      () => /Starting ToneLsp \S+ from (\S+) \(self-contained, bundled with the extension\)/.exec(codeServer.toneLspOutput()),
      'the output channel to name the bundled native server',
    );
    const bundled = started[1];
    assert.ok(bundled.startsWith(codeServer.extensions + path.sep), `${bundled} lies in the profile's extensions folder`);
    assert.equal(path.relative(path.dirname(path.dirname(bundled)), bundled), path.join('server', 'tonelsp'));

    // And the process: the server is that executable, started with "serve", and no process of code-server's runs dotnet.
    const processes = codeServer.processes();
    const servers = processes.filter((process) => process.executable === bundled);
    assert.equal(servers.length, 1, `one process runs ${bundled}: ${JSON.stringify(processes.map((p) => p.argv))}`);
    assert.deepEqual(servers[0].argv.slice(1), ['serve']);
    assert.deepEqual(
      processes.filter((process) => path.basename(process.executable) === 'dotnet').map((process) => process.argv),
      [],
    );
    const serverPath = servers[0].environment.find((pair) => pair.startsWith('PATH='))?.slice('PATH='.length) ?? '';
    assert.deepEqual(
      serverPath.split(path.delimiter).filter((folder) => folder !== '' && existsSync(path.join(folder, 'dotnet'))),
      [],
      'no folder on the server process\'s PATH holds dotnet',
    );
  });
});
