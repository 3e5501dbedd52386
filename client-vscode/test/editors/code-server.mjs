// Runs a real VS Code: code-server (VS Code served to a browser) with the packaged extension installed,
// on 127.0.0.1 only, driven by Playwright in Debian's headless Chromium.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot } from '../lsp-session.mjs';

const execFileAsync = promisify(execFile);

export const chromiumPath = process.env.TONELSP_CHROMIUM ?? '/usr/bin/chromium';
export const artifactsDirectory = path.join(repoRoot, 'artifacts', 'vscode');
export const vsixPath = path.join(repoRoot, 'artifacts', 'tonelsp.vsix');

/** The version of Directory.Build.props, which the release packages carry in their names. */
export function releaseVersion() {
  const match = /<Version>([^<]+)<\/Version>/.exec(readFileSync(path.join(repoRoot, 'Directory.Build.props'), 'utf8'));
  if (!match) {
    throw new Error('Directory.Build.props has no <Version>.');
  }
  return match[1];
}

/** The platform extension with the native server that scripts/release.sh builds, or $TONELSP_NATIVE_VSIX. */
export function nativeVsixPath() {
  return process.env.TONELSP_NATIVE_VSIX || path.join(repoRoot, 'artifacts', 'release', `tonelsp-${releaseVersion()}-linux-x64.vsix`);
}

/** Chromium's flags for this machine: headless as root, and no calls home that the closed network would refuse. */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** VS Code user settings for a quiet, deterministic workbench. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'files.hotExit': 'off',
  'files.autoSave': 'off',
  ...(process.env.TONELSP_TRACE ? { 'tonelsp.trace.server': 'verbose' } : {}),
};

/** Polls until check() returns a truthy value, and returns it; fails naming what was awaited. */
export async function waitFor(check, what, { timeoutMs = 30_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Installs code-server into its cache folder (a no-op when present) and returns the launcher's path. */
export async function installCodeServer() {
  const { stdout } = await execFileAsync(path.join(repoRoot, 'scripts', 'install-code-server.sh'), [], {
    timeout: 15 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const launcher = stdout.trim().split('\n').pop();
  if (!launcher || !existsSync(launcher)) {
    throw new Error(`scripts/install-code-server.sh printed no launcher path: ${stdout}`);
  }
  return launcher;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One code-server process with its own user data, extensions and a copy of a fixture workspace. */
export class CodeServer {
  /** Installs the .vsix into a fresh profile, starts code-server on 127.0.0.1 and waits until it answers. */
  static async start({ launcher, vsix, workspaceFixture, environment = process.env, missingHint = 'run "npm run package" first' }) {
    if (!existsSync(vsix)) {
      throw new Error(`${vsix} is missing; ${missingHint}.`);
    }
    const root = mkdtempSync(path.join(tmpdir(), 'tonelsp-code-server-'));
    const codeServer = new CodeServer(launcher, root, environment);
    try {
      cpSync(workspaceFixture, codeServer.workspace, { recursive: true });
      mkdirSync(path.join(codeServer.userData, 'User'), { recursive: true });
      writeFileSync(path.join(codeServer.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
      await codeServer.installExtension(vsix);
      await codeServer.listen();
      return codeServer;
    } catch (error) {
      await codeServer.stop();
      throw error;
    }
  }

  constructor(launcher, root, environment) {
    this.launcher = launcher;
    this.root = root;
    this.environment = environment;
    this.userData = path.join(root, 'user-data');
    this.extensions = path.join(root, 'extensions');
    this.workspace = path.join(root, 'workspace');
    this.output = '';
    this.process = undefined;
    this.url = undefined;
  }

  profileArgs() {
    return ['--user-data-dir', this.userData, '--extensions-dir', this.extensions, '--config', path.join(this.root, 'config.yaml')];
  }

  async installExtension(vsix) {
    const { stdout, stderr } = await execFileAsync(this.launcher, [...this.profileArgs(), '--install-extension', vsix], {
      timeout: 180_000,
      env: this.environment,
    });
    if (!/successfully installed/i.test(stdout + stderr)) {
      throw new Error(`code-server did not confirm the install of ${vsix}:\n${stdout}\n${stderr}`);
    }
  }

  async listen() {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}/`;
    // A process group of its own, so stop() ends code-server together with its extension host and language server.
    this.process = spawn(
      this.launcher,
      [
        ...this.profileArgs(),
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-file-downloads',
        '--locale',
        'en',
        this.workspace,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: this.environment },
    );
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [this.process.stdout, this.process.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        this.output += chunk;
      });
    }
    await waitFor(
      async () => {
        if (this.process.exitCode !== null) {
          throw new Error(`code-server exited with ${this.process.exitCode}:\n${this.output}`);
        }
        const response = await fetch(new URL('healthz', this.url));
        return response.ok;
      },
      `code-server to answer on ${this.url}`,
      { timeoutMs: 60_000, intervalMs: 300 },
    );
  }

  /** The workbench URL with the fixture workspace open. */
  workbenchUrl() {
    return `${this.url}?folder=${encodeURIComponent(this.workspace)}`;
  }

  /** The text of the ToneLsp output channel as VS Code has written it to its log so far ('' before it exists). */
  toneLspOutput() {
    const logs = path.join(this.userData, 'logs');
    if (!existsSync(logs)) {
      return '';
    }
    return readdirSync(logs, { recursive: true })
      .filter((file) => /ToneLsp\.log$/.test(file))
      .map((file) => readFileSync(path.join(logs, file), 'utf8'))
      .join('\n');
  }

  /** The processes of code-server's process group (the extension host, the language server…) with their executables. */
  processes() {
    const group = this.process?.pid;
    const found = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      try {
        // The fields after the parenthesised command name: state, ppid, pgrp…
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== group) {
          continue;
        }
        const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
        const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').filter((pair) => pair !== '');
        found.push({ pid: Number(entry), executable: readlinkSync(`/proc/${entry}/exe`), argv, environment });
      } catch {
        // The process ended while it was being read.
      }
    }
    return found;
  }

  /** Copies the VS Code logs (extension host, ToneLsp output channel) next to the test's other artifacts. */
  saveLogs(destination) {
    const logs = path.join(this.userData, 'logs');
    if (existsSync(logs)) {
      rmSync(destination, { recursive: true, force: true });
      cpSync(logs, destination, { recursive: true });
    }
    writeFileSync(path.join(path.dirname(destination), 'code-server.log'), this.output);
  }

  /** Ends the process group this object started, SIGKILL after a grace period, and removes the profile. */
  async stop() {
    const child = this.process;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid, 'SIGTERM');
      const ended = await Promise.race([this.exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
      if (!ended) {
        killGroup(child.pid, 'SIGKILL');
        await this.exited;
      }
    }
    // Children that outlive code-server in its group (the extension host, the language server) end too.
    if (child !== undefined) {
      killGroup(child.pid, 'SIGKILL');
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

/**
 * A copy of the environment without any .NET: no DOTNET_* variables, and a PATH on which no folder holds the named
 * command. A folder that holds it is replaced by a folder of links to everything else in it, under `scratch`.
 */
export function environmentWithout(command, scratch, environment = process.env) {
  const folders = (environment.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  const shadowed = folders.map((folder, index) => {
    if (!existsSync(path.join(folder, command))) {
      return folder;
    }
    const shadow = path.join(scratch, `path-${index}`);
    mkdirSync(shadow, { recursive: true });
    for (const name of readdirSync(folder)) {
      if (name !== command) {
        symlinkSync(path.join(folder, name), path.join(shadow, name));
      }
    }
    return shadow;
  });
  const result = Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith('DOTNET_')));
  result.PATH = shadowed.join(path.delimiter);
  return result;
}

/** Loads the workbench in the browser with the fixture workspace and waits until the explorer shows `fileName`. */
export async function openWorkbench(page, codeServer, fileName) {
  await page.goto(codeServer.workbenchUrl());
  await waitFor(() => page.locator('.monaco-workbench .part.editor').isVisible(), 'the VS Code workbench to load', { timeoutMs: 90_000 });
  // The explorer shows the workspace once the remote file system is connected.
  await waitFor(() => page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).isVisible(), 'the fixture workspace in the explorer', {
    timeoutMs: 60_000,
  });
}

/** Opens a workspace file with Quick Open and waits until its editor has focus. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitFor(() => input.isVisible(), 'Quick Open');
  await input.fill(name);
  await waitFor(() => page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().isVisible(), `${name} in Quick Open`);
  await page.keyboard.press('Enter');
  await waitFor(() => page.locator(`.tab.active[data-resource-name="${name}"]`).isVisible(), `the editor tab of ${name}`);
  await waitFor(() => page.locator('.editor-group-container.active .monaco-editor.focused').isVisible(), `focus in the editor of ${name}`);
}

/** The aria-label of the ToneLsp status bar item, e.g. "ToneLsp: DE, Sie, 1 tone finding". */
export async function toneStatus(page) {
  const item = page.locator('.statusbar-item[id$="tonelsp.status"]');
  return (await item.isVisible()) ? item.getAttribute('aria-label') : undefined;
}

/** Launches headless Chromium with a fresh profile; the caller closes the returned context. */
export async function launchBrowser(profileDirectory) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing; install Debian's chromium package (apt-get install chromium).`);
  }
  return chromium.launchPersistentContext(profileDirectory, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1280, height: 800 },
    timeout: 60_000,
  });
}
