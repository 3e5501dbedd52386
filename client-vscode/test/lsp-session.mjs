// Starts `tonelsp serve` as a child process and speaks LSP to it over stdio, the way VS Code does.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');

export const {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} = protocol;

const testDirectory = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(testDirectory, '..', '..');
export const fixturesDirectory = path.join(testDirectory, 'fixtures');

/** How long to wait for any one answer or notification; the first analysis includes the JIT warm-up. */
export const defaultTimeoutMs = 30_000;

/**
 * The server under test: $TONELSP_SERVER (tonelsp.dll or a native tonelsp executable), else $TONELSP_DLL, else the
 * Release build in the repository.
 */
export function serverPath() {
  const configured = process.env.TONELSP_SERVER || process.env.TONELSP_DLL;
  return configured
    ? path.resolve(configured)
    : path.join(repoRoot, 'server', 'ToneLsp', 'bin', 'Release', 'net10.0', 'tonelsp.dll');
}

/** How to start the server at `server` with the arguments: a .dll runs on dotnet, anything else on its own. */
export function serverCommand(server, args) {
  return server.toLowerCase().endsWith('.dll') ? { command: 'dotnet', args: [server, ...args] } : { command: server, args };
}

/** Rejects with a message naming what was awaited when the promise does not settle in time. */
export function withTimeout(promise, what, timeoutMs = defaultTimeoutMs) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads a fixture. `openAs` names the document in the fixtures folder under another file name, so several
 * tests can open the same text side by side in one server.
 */
export function loadFixture(name, openAs = name) {
  const text = readFileSync(path.join(fixturesDirectory, name), 'utf8');
  const uri = pathToFileURL(path.join(fixturesDirectory, openAs)).href;
  return { uri, text };
}

/** Converts an LSP position (line, UTF-16 character) to an offset into a JavaScript string, clamped to the line. */
export function offsetAt(text, { line, character }) {
  let lineStart = 0;
  for (let current = 0; current < line; current++) {
    const lineBreak = text.slice(lineStart).search(/\r\n|\r|\n/);
    if (lineBreak < 0) {
      return text.length;
    }
    lineStart += lineBreak + (text.startsWith('\r\n', lineStart + lineBreak) ? 2 : 1);
  }
  const lineBreak = text.slice(lineStart).search(/\r\n|\r|\n/);
  const lineEnd = lineBreak < 0 ? text.length : lineStart + lineBreak;
  return Math.min(lineStart + character, lineEnd);
}

/** Returns the text a range covers. */
export function textAt(text, range) {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Applies LSP text edits to a string; edits refer to the original text and must not overlap. */
export function applyEdits(text, edits) {
  const resolved = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].start < resolved[i - 1].end) {
      throw new Error(`Overlapping edits: ${JSON.stringify(resolved[i - 1])} and ${JSON.stringify(resolved[i])}.`);
    }
  }

  let result = text;
  for (const edit of resolved.reverse()) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** The capabilities of a push-diagnostics client that speaks UTF-16, like VS Code without pull diagnostics. */
export const clientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: false, versionSupport: true },
    codeAction: {
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** One running server with a protocol connection to it. */
export class LspSession {
  /** Spawns the server and connects to it; throws a clear error when the DLL is missing. */
  static start({ initializationOptions } = {}) {
    const server = serverPath();
    if (!existsSync(server)) {
      throw new Error(
        `The ToneLsp server was not found at ${server}. Build it with "dotnet build server/ToneLsp -c Release" ` +
          'from the repository root, or set TONELSP_SERVER to the path of tonelsp.dll or a native tonelsp.',
      );
    }
    return new LspSession(server, initializationOptions);
  }

  constructor(server, initializationOptions) {
    this.initializationOptions = initializationOptions;
    this.stderr = '';
    this.loggedErrors = [];
    this.diagnostics = [];
    this.diagnosticWaiters = [];
    const { command, args } = serverCommand(server, ['serve']);
    this.child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
    });
    // A write to a server that has already exited must fail the test that made it, not the process.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
    });

    const logger = {
      error: (message) => this.loggedErrors.push(message),
      warn: () => {},
      info: () => {},
      log: () => {},
    };
    this.connection = protocol.createProtocolConnection(
      new protocol.StreamMessageReader(this.child.stdout),
      new protocol.StreamMessageWriter(this.child.stdin),
      logger,
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (waiter.matches(params)) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  /** Sends initialize and initialized; returns the InitializeResult. */
  async initialize(capabilities = clientCapabilities) {
    const result = await this.request(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'tonelsp-e2e-test' },
      rootUri: pathToFileURL(repoRoot).href,
      capabilities,
      initializationOptions: this.initializationOptions,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Sends a request and waits for its answer, with a timeout that names the method and the server's log. */
  request(type, params, timeoutMs = defaultTimeoutMs) {
    return withTimeout(this.connection.sendRequest(type, params), `the answer to ${type.method}${this.logTail()}`, timeoutMs);
  }

  notify(type, params) {
    return this.connection.sendNotification(type, params);
  }

  open({ uri, text }, version = 1, languageId = 'markdown') {
    return this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole document, as a client with full sync would. */
  replaceText(uri, version, text) {
    return this.notify(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the first publishDiagnostics for this URI and version, including one that already arrived. */
  diagnosticsFor(uri, version, timeoutMs = defaultTimeoutMs) {
    return this.waitForDiagnostics(
      (params) => params.uri === uri && params.version === version,
      `diagnostics for ${uri} version ${version}`,
      { includeEarlier: true, timeoutMs },
    );
  }

  /** Resolves with the first publishDiagnostics that matches; earlier ones count only when asked for. */
  waitForDiagnostics(matches, what, { includeEarlier = false, timeoutMs = defaultTimeoutMs } = {}) {
    const earlier = includeEarlier ? this.diagnostics.find(matches) : undefined;
    if (earlier) {
      return Promise.resolve(earlier);
    }
    const arrived = new Promise((resolve) => this.diagnosticWaiters.push({ matches, resolve }));
    return withTimeout(arrived, `${what}${this.logTail()}`, timeoutMs);
  }

  /** Writes raw bytes to the server's stdin, bypassing the message writer. */
  writeRaw(data) {
    return new Promise((resolve, reject) => this.child.stdin.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** Sends shutdown and exit; resolves with the exit code and signal. */
  async shutdown(timeoutMs = defaultTimeoutMs) {
    await this.request(ShutdownRequest.type, undefined, timeoutMs);
    await this.notify(ExitNotification.type);
    return withTimeout(this.exited, `the server to exit after shutdown and exit${this.logTail()}`, timeoutMs);
  }

  /** Ends the connection and, if the server is still running, the server process this session started. */
  async dispose() {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill();
      await withTimeout(this.exited, 'the server process to end after being killed', 10_000).catch(() => {});
    }
  }

  logTail() {
    const tail = this.stderr.trim().split('\n').slice(-10).join('\n');
    return tail ? `; the server's last log lines:\n${tail}` : '';
  }
}
