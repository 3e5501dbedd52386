// End-to-end tests of what the VS Code extension's commands and status bar rely on: the convert command
// answered with workspace/applyEdit, the fix-all code action, and tonelsp/documentStatus notifications.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  applyEdits,
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ExecuteCommandRequest,
  LspSession,
  withTimeout,
} from './lsp-session.mjs';

const duReply = 'Hallo Jana, danke für deine Nachricht! Kannst du uns deine Bestellnummer per DM schicken?\n';
const sieReply = 'Hallo Jana, danke für Ihre Nachricht! Können Sie uns Ihre Bestellnummer per DM schicken?\n';

describe('tonelsp serve for the extension commands', () => {
  let session;
  const statuses = [];
  const appliedEdits = [];

  before(async () => {
    session = LspSession.start({ initializationOptions: { statusNotifications: true } });
    session.connection.onNotification('tonelsp/documentStatus', (status) => statuses.push(status));
    // Answer workspace/applyEdit like VS Code: apply it and say so.
    session.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      appliedEdits.push(params);
      return { applied: true };
    });
    await session.initialize();
  });

  after(async () => {
    await session?.dispose();
  });

  /** Resolves with the first status for this URI and version, polling the ones received so far. */
  async function statusFor(uri, version) {
    const find = () => statuses.find((status) => status.uri === uri && status.version === version);
    return withTimeout(
      (async () => {
        while (!find()) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return find();
      })(),
      `tonelsp/documentStatus for ${uri} version ${version}`,
    );
  }

  test('documentStatus reports language, address form, register and findings after each analysis', async () => {
    const uri = 'untitled:status.md';
    await session.open({ uri, text: 'Wie bereits erwähnt, ist die Antwort im Hilfebereich. Melden Sie sich gern.\n' }, 1);
    assert.deepEqual(await statusFor(uri, 1), {
      uri,
      version: 1,
      language: 'de',
      addressForm: 'sie',
      targetAddressForm: 'sie',
      findings: 1,
      // The template is German, so its messages and the status text are German (messages: auto).
      messages: 'de',
      text: 'Anrede: Sie · 1 Befund',
      register: 'neutral',
    });
    await session.replaceText(uri, 2, 'Kurz zusammengefasst: Die Antwort steht im Hilfebereich. Melden Sie sich gern.\n');
    assert.equal((await statusFor(uri, 2)).findings, 0);
  });

  test('tonelsp.convertDocument converts du to Sie through workspace/applyEdit', async () => {
    const uri = 'untitled:convert-to-sie.md';
    await session.open({ uri, text: duReply }, 1);
    assert.equal((await statusFor(uri, 1)).addressForm, 'du');
    const before = appliedEdits.length;
    const answer = await session.request(ExecuteCommandRequest.type, { command: 'tonelsp.convertDocument', arguments: [uri, 'sie'] });
    assert.equal(answer, null);
    assert.equal(appliedEdits.length, before + 1, 'the server asked the client to apply one edit before answering');
    const { label, edit } = appliedEdits.at(-1);
    assert.equal(label, 'Convert to sie');
    assert.equal(applyEdits(duReply, edit.changes[uri]), sieReply);
  });

  test('tonelsp.convertDocument with the form the reply already uses sends no edit', async () => {
    const uri = 'untitled:already-sie.md';
    await session.open({ uri, text: sieReply }, 1);
    await statusFor(uri, 1);
    const before = appliedEdits.length;
    await session.request(ExecuteCommandRequest.type, { command: 'tonelsp.convertDocument', arguments: [uri, 'sie'] });
    assert.equal(appliedEdits.length, before);
  });

  test('the fix-all action the Fix All command requests applies every preferred fix', async () => {
    const uri = 'untitled:fix-all.md';
    const text = 'Wie bereits erwähnt, ist die Antwort im Hilfebereich. Wie bereits gesagt, hilft ein Neustart.\n';
    await session.open({ uri, text }, 1);
    assert.equal((await statusFor(uri, 1)).findings, 2);
    const actions = await session.request(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.tonelsp'] },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Alle Tonfall-Probleme beheben', 'source.fixAll.tonelsp']],
    );
    const fixed = applyEdits(text, actions[0].edit.changes[uri]);
    assert.doesNotMatch(fixed, /bereits/);
    await session.replaceText(uri, 2, fixed);
    assert.equal((await statusFor(uri, 2)).findings, 0);
  });
});
