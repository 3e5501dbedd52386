// Loads the bundled extension against a stand-in for the vscode module and checks how it finds the server.
// Starting the language client needs a real VS Code; that is left to the VS Code integration test.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { repoRoot } from './lsp-session.mjs';

const bundle = path.join(repoRoot, 'out', 'extension.js');
const errorMessages = [];
let settings = {};

const vscodeStandIn = new Proxy(
  {
    workspace: {
      getConfiguration: (section) => ({ get: (key, fallback) => settings[`${section}.${key}`] ?? fallback }),
    },
    window: {
      showErrorMessage: async (message) => {
        errorMessages.push(message);
        return undefined;
      },
    },
    commands: { executeCommand: async () => undefined },
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

describe('extension activation', () => {
  const extension = loadExtension();
  const scratch = mkdtempSync(path.join(tmpdir(), 'tonelsp-extension-'));
  const context = { subscriptions: [], asAbsolutePath: (relative) => path.join(scratch, relative) };

  beforeEach(() => {
    errorMessages.length = 0;
    settings = {};
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('without a configured or bundled server it says how to get one', async () => {
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /tonelsp\.server\.path/);
    assert.match(errorMessages[0], /dotnet build server\/ToneLsp -c Release/);
  });

  test('a relative tonelsp.server.path is rejected', async () => {
    settings['tonelsp.server.path'] = 'server/tonelsp.dll';
    await extension.activate(context);
    assert.equal(errorMessages.length, 1);
    assert.match(errorMessages[0], /"server\/tonelsp\.dll", which is not an existing absolute path/);
  });

  test('a server that fails its version check is reported with its error output', async () => {
    const broken = path.join(scratch, 'broken-tonelsp');
    writeFileSync(broken, '#!/bin/sh\necho "cannot load the rules" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
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
