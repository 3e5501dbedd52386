// The extension's texts in English and German: every %key% of the manifest is in package.nls.json and
// package.nls.de.json, every vscode.l10n.t() text of the sources is in l10n/bundle.l10n.de.json, with the same
// {0}-style placeholders, and the .vsix keeps these files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from './lsp-session.mjs';

const read = (file) => readFileSync(path.join(repoRoot, file), 'utf8');
const json = (file) => JSON.parse(read(file));
const placeholders = (text) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

/** Every %key% the manifest uses. */
function manifestKeys(node, keys = new Set()) {
  if (typeof node === 'string') {
    const match = /^%(.+)%$/.exec(node);
    if (match) {
      keys.add(match[1]);
    }
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) {
      manifestKeys(value, keys);
    }
  }
  return keys;
}

/** Every literal text passed to vscode.l10n.t in the client's sources. */
function runtimeTexts() {
  const texts = new Set();
  const folder = path.join(repoRoot, 'client-vscode', 'src');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(folder, file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      texts.add(match[1].replace(/\\'/g, "'"));
    }
  }
  return texts;
}

describe('extension texts in English and German', () => {
  const manifest = json('package.json');
  const english = json('package.nls.json');
  const german = json('package.nls.de.json');

  test('the manifest names its l10n folder and shows no plain English title or description', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.equal(manifest.displayName, '%displayName%');
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%.+%$/, command.command);
    }
    for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      const text = setting.description ?? setting.markdownDescription;
      assert.match(text, /^%.+%$/, name);
    }
  });

  test('every manifest key is in both package.nls files with the same placeholders', () => {
    const keys = manifestKeys(manifest);
    assert.ok(keys.size > 40, `only ${keys.size} keys`);
    for (const key of keys) {
      assert.ok(typeof english[key] === 'string' && english[key].length > 0, `package.nls.json lacks ${key}`);
      assert.ok(typeof german[key] === 'string' && german[key].length > 0, `package.nls.de.json lacks ${key}`);
      assert.deepEqual(placeholders(german[key]), placeholders(english[key]), key);
    }
    assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort());
  });

  test('every runtime text has a German translation with the same placeholders, and the bundle has no stale entry', () => {
    const texts = runtimeTexts();
    const bundle = json('l10n/bundle.l10n.de.json');
    assert.ok(texts.size > 20, `only ${texts.size} texts`);
    for (const text of texts) {
      assert.ok(typeof bundle[text] === 'string' && bundle[text].length > 0, `bundle.l10n.de.json lacks "${text}"`);
      assert.deepEqual(placeholders(bundle[text]), placeholders(text), text);
    }
    assert.deepEqual(Object.keys(bundle).filter((key) => !texts.has(key)), []);
  });

  test('the German commands say what the issue asks for', () => {
    assert.equal(german['command.convertToSie'], 'Vorlage in Sie umwandeln');
    assert.equal(german['command.fixAll'], 'Alle Tonfall-Probleme beheben');
  });

  test('the .vsix keeps the translations', () => {
    const ignore = read('.vscodeignore').split('\n');
    for (const kept of ['!package.nls.json', '!package.nls.de.json', '!l10n/**']) {
      assert.ok(ignore.includes(kept), `.vscodeignore drops ${kept}`);
    }
  });
});
