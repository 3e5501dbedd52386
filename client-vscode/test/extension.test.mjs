// Loads the bundled extension against a stand-in for the vscode module and checks how it finds the server.
// Starting the language client needs a real VS Code; the code-server test in editors/ does that.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { repoRoot } from './lsp-session.mjs';

const bundle = path.join(repoRoot, 'dist', 'extension.js');
const errorMessages = [];
const registeredCommands = new Set();
let settings = {};

const noEvent = () => ({ dispose() {} });
const vscodeStandIn = new Proxy(
  {
    workspace: {
      getConfiguration: (section) => ({ get: (key, fallback) => settings[`${section}.${key}`] ?? fallback }),
      onDidChangeConfiguration: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
      onDidCloseTextDocument: noEvent,
      workspaceFolders: undefined,
    },
    window: {
      showErrorMessage: async (message) => {
        errorMessages.push(message);
        return undefined;
      },
      createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      onDidChangeActiveTextEditor: noEvent,
      activeTextEditor: undefined,
    },
    commands: {
      executeCommand: async () => undefined,
      registerCommand: (id) => {
        registeredCommands.add(id);
        return { dispose: () => registeredCommands.delete(id) };
      },
    },
    languages: { match: () => 0 },
    // VS Code's l10n.t with no bundle loaded: the English text with its {0}-style arguments filled in.
    l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)])) },
    StatusBarAlignment: { Left: 1, Right: 2 },
  },
  // Anything else the language client touches while loading gets an empty class.
  { get: (target, name) => (name in target ? target[name] : (target[name] = class {})) },
);

function loadExtension() {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing; run "npm run build" first.`);
  }
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscodeStandIn : load.call(this, request, ...rest);
  };
  try {
    return require(bundle);
  } finally {
    Module._load = load;
  }
}

/** Writes an executable shell script. */
function writeScript(file, body) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

describe('extension activation', () => {
  const extension = loadExtension();
  const scratch = mkdtempSync(path.join(tmpdir(), 'tonelsp-extension-'));
  const context = { subscriptions: [], extensionPath: path.join(scratch, 'empty-extension') };

  beforeEach(() => {
    errorMessages.length = 0;
    settings = {};
    for (const subscription of context.subscriptions.splice(0)) {
      subscription.dispose?.();
    }
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('registers the commands the manifest contributes', async () => {
    await extension.activate(context);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    assert.deepEqual([...registeredCommands].sort(), contributed);
  });

  test('without a configured or bundled server it says how to get one', async () => {
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /bundles no server/);
    assert.match(errorMessages[0], /npm run package/);
    assert.match(errorMessages[0], /tonelsp\.server\.path/);
  });

  test('a relative tonelsp.server.path is rejected', async () => {
    settings['tonelsp.server.path'] = 'server/tonelsp.dll';
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /"server\/tonelsp\.dll", which is not an existing absolute path/);
  });

  test('a server that fails its version check is reported with its error output', async () => {
    const broken = path.join(scratch, 'broken-tonelsp');
    writeScript(broken, 'echo "cannot load the rules" >&2\nexit 3');
    settings['tonelsp.server.path'] = broken;
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /failed its version check: cannot load the rules/);
  });

  test('a .dll is started with dotnet, and a bad one fails the version check', async () => {
    const notAnAssembly = path.join(scratch, 'tonelsp.dll');
    writeFileSync(notAnAssembly, 'not an assembly');
    settings['tonelsp.server.path'] = notAnAssembly;
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /failed its version check/);
  });

  test('deactivate without a running client resolves', async () => {
    await extension.deactivate();
  });
});

describe('server lookup', () => {
  const extension = loadExtension();
  const scratch = mkdtempSync(path.join(tmpdir(), 'tonelsp-lookup-'));
  const fakeDotnetFolder = path.join(scratch, 'dotnet-root');
  writeScript(path.join(fakeDotnetFolder, 'dotnet'), 'exit 0');
  const withFakeDotnet = { environment: { PATH: fakeDotnetFolder }, installFolders: [] };
  const withoutDotnet = { environment: { PATH: '' }, installFolders: [] };

  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Makes an extension folder whose dist/server holds the given files. */
  function extensionWith(name, files) {
    const root = path.join(scratch, name);
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(root, 'dist', 'server', file);
      if (file === 'tonelsp') {
        writeScript(target, content);
      } else {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
    return root;
  }

  test('the framework-dependent server in dist/server runs on the dotnet host', () => {
    const root = extensionWith('framework-dependent', {
      'tonelsp.dll': '',
      'tonelsp.runtimeconfig.json': JSON.stringify({ runtimeOptions: { framework: { name: 'Microsoft.NETCore.App', version: '10.0.0' } } }),
    });
    const server = extension.findServer('', root, withFakeDotnet);
    assert.equal(server.command, path.join(fakeDotnetFolder, 'dotnet'));
    assert.deepEqual(server.args, [path.join(root, 'dist', 'server', 'tonelsp.dll')]);
    assert.match(server.source, /bundled with the extension/);
  });

  test('a self-contained server in dist/server runs on its own, without dotnet', () => {
    const root = extensionWith('self-contained', {
      tonelsp: 'exit 0',
      'tonelsp.dll': '',
      'tonelsp.runtimeconfig.json': JSON.stringify({ runtimeOptions: { includedFrameworks: [{ name: 'Microsoft.NETCore.App', version: '10.0.0' }] } }),
    });
    const server = extension.findServer('', root, withoutDotnet);
    assert.equal(server.command, path.join(root, 'dist', 'server', 'tonelsp'));
    assert.deepEqual(server.args, []);
  });

  test('the setting beats the bundled server', () => {
    const root = extensionWith('setting-first', { 'tonelsp.dll': '' });
    const configured = path.join(scratch, 'elsewhere', 'tonelsp');
    writeScript(configured, 'exit 0');
    const server = extension.findServer(configured, root, withFakeDotnet);
    assert.equal(server.command, configured);
    assert.match(server.source, /tonelsp\.server\.path setting/);
  });

  test('without a .NET runtime the message says to install one', () => {
    const root = extensionWith('no-runtime', { 'tonelsp.dll': '' });
    assert.throws(() => extension.findServer('', root, withoutDotnet), /no \.NET runtime was found.*Install the \.NET 10 runtime/s);
  });

  test('dotnet is found through DOTNET_ROOT before the PATH', () => {
    const elsewhere = path.join(scratch, 'other-dotnet');
    writeScript(path.join(elsewhere, 'dotnet'), 'exit 0');
    const found = extension.findDotnet({ environment: { DOTNET_ROOT: elsewhere, PATH: fakeDotnetFolder }, installFolders: [] });
    assert.equal(found, path.join(elsewhere, 'dotnet'));
  });
});
