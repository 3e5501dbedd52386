// Validates tonelsp's SARIF output against the SARIF 2.1.0 JSON schema shipped in Microsoft's SARIF multitool package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dll = process.env.TONELSP_DLL ?? join(root, 'server/ToneLsp/bin/Release/net10.0/tonelsp.dll');
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8'));

function checkSarif(files) {
  const directory = mkdtempSync(join(tmpdir(), 'tonelsp-sarif-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, name)), { recursive: true });
    writeFileSync(join(directory, name), text);
  }

  let output;
  try {
    output = execFileSync('dotnet', [dll, 'check', '--format', 'sarif', directory], { encoding: 'utf8' });
  } catch (error) {
    // Exit code 1 means findings, which is what these tests want.
    assert.equal(error.status, 1, error.stderr);
    output = error.stdout;
  }

  return JSON.parse(output);
}

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('SARIF output with findings and fixes is valid against the SARIF 2.1.0 schema', () => {
  const log = checkSarif({
    'de/a.md': 'Wie bereits erwähnt, ist die Antwort im Hilfebereich. Danke für Ihre Anfrage, hast du Fragen?\n',
    'en/a.md': 'As I said before, the answer is in our help center!!!\n',
  });
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const results = log.runs[0].results;
  assert.ok(results.length >= 4);
  assert.ok(results.every((r) => r.locations[0].physicalLocation.region.startLine >= 1));
  assert.ok(results.some((r) => (r.fixes ?? []).length > 0));
  assert.ok(results.every((r) => typeof r.partialFingerprints['toneFingerprint/v1'] === 'string'));
  const ruleIds = log.runs[0].tool.driver.rules.map((rule) => rule.id);
  assert.ok(results.every((r) => ruleIds[r.ruleIndex] === r.ruleId));
});

test('SARIF output without findings is valid too', () => {
  const log = checkSarif({ 'a.md': 'Danke für deine Nachricht!\n' });
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(log.runs[0].results, []);
});
