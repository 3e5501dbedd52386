// End-to-end tests of `tonelsp serve`: a real server process, real LSP messages over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  applyEdits,
  clientCapabilities,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  loadFixture,
  LspSession,
  offsetAt,
  textAt,
  withTimeout,
} from './lsp-session.mjs';

function findingsWith(params, code) {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === code);
}

describe('text edit helpers', () => {
  test('offsetAt counts UTF-16 code units and clamps to the line', () => {
    const text = 'a👋b\r\nzwei\rdrei\nvier';
    assert.equal(offsetAt(text, { line: 0, character: 3 }), 3);
    assert.equal(offsetAt(text, { line: 0, character: 99 }), 4);
    assert.equal(offsetAt(text, { line: 1, character: 1 }), 7);
    assert.equal(offsetAt(text, { line: 2, character: 0 }), 11);
    assert.equal(offsetAt(text, { line: 3, character: 4 }), text.length);
    assert.equal(offsetAt(text, { line: 9, character: 0 }), text.length);
  });

  test('applies edits by line and UTF-16 character, last edit first', () => {
    const text = 'a👋b\r\nzweite Zeile\ndritte';
    const edits = [
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'B' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, newText: '2.' },
      { range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } }, newText: '!' },
    ];
    assert.equal(applyEdits(text, edits), 'a👋B\r\n2. Zeile\ndritte!');
  });

  test('rejects overlapping edits', () => {
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: '' },
    ];
    assert.throws(() => applyEdits('abcdef', edits), /Overlapping edits/);
  });
});

describe('tonelsp serve', () => {
  let session;
  let initializeResult;

  before(async () => {
    session = LspSession.start();
    initializeResult = await session.initialize();
  });

  after(async () => {
    await session?.dispose();
  });

  test('initialize negotiates UTF-16 and announces sync, code actions and hover', () => {
    const { capabilities, serverInfo } = initializeResult;
    assert.equal(serverInfo.name, 'tonelsp');
    assert.match(serverInfo.version, /^\d+\.\d+\.\d+/);
    assert.equal(capabilities.positionEncoding, 'utf-16');
    assert.equal(capabilities.textDocumentSync.openClose, true);
    assert.equal(capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual([...capabilities.codeActionProvider.codeActionKinds].sort(), ['quickfix', 'refactor.rewrite', 'source.fixAll.tonelsp']);
    assert.deepEqual(capabilities.executeCommandProvider.commands, ['tonelsp.convertDocument', 'tonelsp.acceptPhrase']);
    assert.equal(capabilities.codeLensProvider.resolveProvider, false);
    assert.equal(capabilities.diagnosticProvider, undefined, 'push diagnostics, as the client declared no pull support');
  });

  test('a German template gets TONE001 for the version that was opened', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-open.md');
    await session.open(document, 7);
    const published = await session.diagnosticsFor(document.uri, 7);
    const [finding] = findingsWith(published, 'TONE001');
    assert.ok(finding, `expected TONE001 in ${JSON.stringify(published.diagnostics)}`);
    assert.equal(textAt(document.text, finding.range), 'Wie bereits erwähnt,');
    assert.equal(finding.severity, 2, 'warning');
  });

  test('the preferred quick fix rewrites the phrase and the finding goes away after the change', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-quickfix.md');
    await session.open(document, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001');
    assert.ok(finding, 'expected TONE001 before the fix');

    const actions = await session.request(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range: finding.range,
      context: { diagnostics: [finding], triggerKind: 1 },
    });
    const preferred = actions.filter((action) => action.isPreferred && action.kind === 'quickfix');
    assert.equal(preferred.length, 1, `expected one preferred quick fix in ${JSON.stringify(actions.map((a) => a.title))}`);
    const [fix] = preferred;
    assert.ok(fix.diagnostics?.some((diagnostic) => diagnostic.code === 'TONE001'), 'the fix names the finding it fixes');
    assert.deepEqual(Object.keys(fix.edit.changes), [document.uri]);

    const fixedText = applyEdits(document.text, fix.edit.changes[document.uri]);
    assert.match(fixedText, /Kurz zusammengefasst/);
    assert.doesNotMatch(fixedText, /Wie bereits erwähnt/);

    await session.replaceText(document.uri, 2, fixedText);
    const afterFix = await session.diagnosticsFor(document.uri, 2);
    assert.deepEqual(findingsWith(afterFix, 'TONE001'), [], `TONE001 is still reported: ${JSON.stringify(afterFix.diagnostics)}`);
  });

  test('the quick fix also works when sent as an incremental change', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-incremental.md');
    await session.open(document, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001');
    const actions = await session.request(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, 'expected a preferred quick fix');

    // Like VS Code, send the edits as range changes, the last one first so earlier ranges stay valid.
    const edits = [...fix.edit.changes[document.uri]].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    await session.notify(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: 2 },
      contentChanges: edits.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    const afterFix = await session.diagnosticsFor(document.uri, 2);
    assert.deepEqual(findingsWith(afterFix, 'TONE001'), []);
  });

  test('hover on the finding explains TONE001 in Markdown', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-hover.md');
    await session.open(document, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001');
    const position = { line: finding.range.start.line, character: finding.range.start.character + 2 };
    const hover = await session.request(HoverRequest.type, { textDocument: { uri: document.uri }, position });
    assert.ok(hover, 'expected a hover');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /TONE001/);
    assert.deepEqual(hover.range, finding.range);
  });

  test('hover away from any finding returns null', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-hover-empty.md');
    await session.open(document, 1);
    await session.diagnosticsFor(document.uri, 1);
    const hover = await session.request(HoverRequest.type, { textDocument: { uri: document.uri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
  });

  test('an English template gets TONE001 too', async () => {
    const document = loadFixture('reply-en.md');
    await session.open(document, 1);
    const published = await session.diagnosticsFor(document.uri, 1);
    const [finding] = findingsWith(published, 'TONE001');
    assert.ok(finding, `expected TONE001 in ${JSON.stringify(published.diagnostics)}`);
    assert.equal(textAt(document.text, finding.range), 'As I already explained');
  });

  test('ranges count UTF-16 code units after characters outside the BMP', async () => {
    const text = 'Hallo 👋 Frau Schmidt, wie bereits erwähnt, ist die Antwort im Hilfebereich.\n';
    const uri = 'untitled:emoji.md';
    await session.open({ uri, text }, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(uri, 1), 'TONE001');
    assert.ok(finding, 'expected TONE001');
    assert.equal(finding.range.start.character, text.indexOf('wie bereits'));
    assert.equal(textAt(text, finding.range), 'wie bereits erwähnt,');
  });

  test('a reply that mixes Sie and du gets TONE002 on "du"', async () => {
    const text = 'Danke für Ihre Anfrage. Hast du schon einen Termin gebucht?\n';
    const uri = 'untitled:mixed-address.md';
    await session.open({ uri, text }, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(uri, 1), 'TONE002');
    assert.ok(finding, 'expected TONE002');
    assert.equal(textAt(text, finding.range), 'du');
  });

  test('closing a document clears its diagnostics', async () => {
    const document = loadFixture('reply-de.md', 'reply-de-close.md');
    await session.open(document, 1);
    assert.equal(findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001').length, 1);
    const cleared = session.waitForDiagnostics((params) => params.uri === document.uri, `diagnostics after closing ${document.uri}`);
    await session.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri: document.uri } });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  test('a document without findings gets an empty diagnostics list', async () => {
    const uri = 'untitled:friendly.md';
    await session.open({ uri, text: 'Vielen Dank für Ihre Geduld. Wir melden uns morgen bei Ihnen.\n' }, 3);
    const published = await session.diagnosticsFor(uri, 3);
    assert.deepEqual(published.diagnostics, []);
  });
});

/** The settings VS Code sends for `synchronize.configurationSection: 'tonelsp'` with the manifest's defaults. */
function vscodeSettings(overrides = {}) {
  return {
    tonelsp: {
      enable: true,
      defaultAddressForm: 'mirror',
      defaultLanguage: 'de',
      capitalizeDu: false,
      rules: {},
      server: { path: '' },
      trace: { server: 'off' },
      ...overrides,
    },
  };
}

describe('tonelsp serve settings', () => {
  test('pushed settings change severities and can switch the linter off', async (t) => {
    const session = LspSession.start();
    t.after(() => session.dispose());
    await session.initialize();
    await session.notify(DidChangeConfigurationNotification.type, { settings: vscodeSettings() });

    const document = loadFixture('reply-de.md', 'reply-de-settings.md');
    await session.open(document, 1);
    const [warning] = findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001');
    assert.equal(warning?.severity, 2, 'TONE001 is a warning by default');

    const isThisDocument = (params) => params.uri === document.uri;
    // A publish made before the change (the workspace scan's, say) may still be on its way: wait for the one without the warning.
    let republished = session.waitForDiagnostics(
      (params) => isThisDocument(params) && findingsWith(params, 'TONE001').every((finding) => finding.severity !== 2),
      'diagnostics after TONE001 became an error',
    );
    await session.notify(DidChangeConfigurationNotification.type, { settings: vscodeSettings({ rules: { TONE001: 'error' } }) });
    const [error] = findingsWith(await republished, 'TONE001');
    assert.equal(error?.severity, 1, 'the rules setting made TONE001 an error');

    republished = session.waitForDiagnostics(isThisDocument, 'diagnostics after the linter was switched off');
    await session.notify(DidChangeConfigurationNotification.type, { settings: vscodeSettings({ enable: false }) });
    assert.deepEqual((await republished).diagnostics, []);

    assert.doesNotMatch(session.stderr, /ignored/i, 'the manifest defaults are settings the server accepts');
  });

  test('settings pulled with workspace/configuration apply, as with vscode-languageclient', async (t) => {
    const session = LspSession.start();
    t.after(() => session.dispose());
    const requestedSections = [];
    session.connection.onRequest('workspace/configuration', (params) => {
      requestedSections.push(...params.items.map((item) => item.section));
      return params.items.map(() => vscodeSettings({ rules: { condescension: 'off' } }).tonelsp);
    });
    await session.initialize({ ...clientCapabilities, workspace: { configuration: true } });

    // The server may analyse before or after the pulled settings arrive; the last word must have no TONE001.
    const document = loadFixture('reply-de.md', 'reply-de-pulled.md');
    const withoutTone001 = session.waitForDiagnostics(
      (params) => params.uri === document.uri && params.version === 1 && findingsWith(params, 'TONE001').length === 0,
      'diagnostics without TONE001 once the pulled settings apply',
      { includeEarlier: true },
    );
    await session.open(document, 1);
    await withoutTone001;
    assert.deepEqual(requestedSections, ['tonelsp']);
  });
});

describe('tonelsp serve with bad input', () => {
  let session;

  before(async () => {
    session = LspSession.start();
    await session.initialize();
  });

  after(async () => {
    await session?.dispose();
  });

  test('garbage on stdin is answered with parse errors and later requests still work', async () => {
    const parseErrorsBefore = session.loggedErrors.filter((message) => message.includes('-32700')).length;
    // A header block without Content-Length, a frame whose body is not JSON, and stray bytes glued to the next header.
    await session.writeRaw('this is not a header\r\n\r\n');
    await session.writeRaw('Content-Length: 9\r\n\r\n{garbage}');
    await session.writeRaw('stray bytes ');

    const document = loadFixture('reply-de.md', 'reply-de-after-garbage.md');
    await session.open(document, 1);
    const [finding] = findingsWith(await session.diagnosticsFor(document.uri, 1), 'TONE001');
    assert.ok(finding, 'expected TONE001 after the garbage');
    const hover = await session.request(HoverRequest.type, { textDocument: { uri: document.uri }, position: finding.range.start });
    assert.match(hover.contents.value, /TONE001/);

    const parseErrors = session.loggedErrors.filter((message) => message.includes('-32700')).length - parseErrorsBefore;
    assert.equal(parseErrors, 2, `expected two parse errors, got: ${JSON.stringify(session.loggedErrors)}`);
  });
});

describe('tonelsp serve lifecycle', () => {
  test('shutdown and exit end the process with exit code 0', async (t) => {
    const session = LspSession.start();
    t.after(() => session.dispose());
    await session.initialize();
    const { code, signal } = await session.shutdown();
    assert.equal(signal, null);
    assert.equal(code, 0, `the server exited with ${code}${session.logTail()}`);
  });

  test('exit without shutdown ends the process with exit code 1', async (t) => {
    const session = LspSession.start();
    t.after(() => session.dispose());
    await session.initialize();
    await session.notify(ExitNotification.type);
    const { code } = await withTimeout(session.exited, 'the server to exit');
    assert.equal(code, 1);
  });
});
