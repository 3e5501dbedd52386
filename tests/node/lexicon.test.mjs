// Checks that scripts/build-lexicon.mjs reproduces the committed german.lexicon byte for byte, and its spelling,
// imperative (short forms, separable verbs' from their base verbs) and hash rules on the examples the lexicon's
// README gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentSpelling, hash, inheritImperatives, shortImperative, shortSyllables } from '../../scripts/build-lexicon.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const committed = join(root, 'server/ToneLsp.Core/Morphology/german.lexicon');

test('the generator reproduces the committed lexicon', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tonelsp-lexicon-'));
  try {
    const output = join(directory, 'german.lexicon');
    execFileSync(process.execPath, [join(root, 'scripts/build-lexicon.mjs'), output], { stdio: 'pipe' });
    assert.ok(readFileSync(output).equals(readFileSync(committed)), 'german.lexicon is out of date: run npm run lexicon');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

// Each paradigm is a lemma's own forms (an excerpt of the data); the rule respells only from them.
const paradigms = {
  lassen: ['lassen', 'lasse', 'läßt', 'laßt', 'ließ', 'ließen', 'laß', 'gelassen'],
  essen: ['essen', 'esse', 'isst', 'ißt', 'aß', 'aßen', 'äße', 'gegessen'],
  wissen: ['wissen', 'weiß', 'weißt', 'wißt', 'wußte', 'wüßte', 'gewusst', 'gewußt'],
  schließen: ['schließen', 'schließt', 'schloß', 'schlossen', 'geschlossen'],
  müssen: ['müssen', 'muß', 'mußt', 'müßt', 'mußte', 'gemusst'],
  Schluß: ['Schluß', 'Schlusses', 'Schlüsse', 'Schlüssen'],
  Fuß: ['Fuß', 'Fußes', 'Füße', 'Füßen'],
  Spaß: ['Spaß', 'Spaßes', 'Späße'],
  Floß: ['Floß', 'Floßes', 'Flöße', 'Flößen'],
  Schloß: ['Schloß', 'Schlosses', 'Schlösser'],
  naß: ['naß', 'nasse', 'nassen', 'nasser'],
  groß: ['groß', 'große', 'großen', 'großer'],
  Passstraße: ['Passstraße', 'Passstraßen'],
  verfassungsmäßig: ['verfassungsmäßig', 'verfassungsmäßige', 'Verfassung', 'verfassen'],
};

const respelt = {
  lassen: { läßt: 'lässt', laß: 'lass', ließ: 'ließ', laßt: 'lasst' },
  essen: { aß: 'aß', äße: 'äße', ißt: 'isst' },
  wissen: { wußte: 'wusste', wüßte: 'wüsste', weiß: 'weiß', weißt: 'weißt', wißt: 'wisst', gewußt: 'gewusst' },
  schließen: { schloß: 'schloss', schließt: 'schließt' },
  müssen: { muß: 'muss', mußte: 'musste', müßt: 'müsst' },
  Schluß: { Schluß: 'Schluss' },
  Fuß: { Fuß: 'Fuß', Füße: 'Füße' },
  Spaß: { Spaß: 'Spaß' },
  Floß: { Floß: 'Floß' },
  Schloß: { Schloß: 'Schloss' },
  naß: { naß: 'nass' },
  groß: { groß: 'groß', große: 'große' },
  // ss before another word's syllable proves nothing: "Pass" is not "straße", "fassungs" is not "mäßig".
  Passstraße: { Passstraße: 'Passstraße' },
  verfassungsmäßig: { verfassungsmäßig: 'verfassungsmäßig' },
};

for (const [lemma, forms] of Object.entries(respelt)) {
  test(`spelling: ${lemma}`, () => {
    const syllables = shortSyllables(paradigms[lemma]);
    for (const [old, current] of Object.entries(forms)) {
      assert.equal(currentSpelling(old, syllables), current, old);
    }
  });
}

test('short imperatives', () => {
  assert.equal(shortImperative('holen', null, 'hole'), 'hol');
  assert.equal(shortImperative('schauen', null, 'schaue'), 'schau');
  assert.equal(shortImperative('rufen', null, 'rufe'), 'ruf');
  assert.equal(shortImperative('nutzen', null, 'nutze'), 'nutz');
  assert.equal(shortImperative('kommen', null, 'komme'), 'komm');
  assert.equal(shortImperative('abholen', 'ab', 'hole'), 'hol');
  // The e before l or r is unstressed only in verbs in -eln/-ern.
  assert.equal(shortImperative('spielen', null, 'spiele'), 'spiel');
  assert.equal(shortImperative('studieren', null, 'studiere'), 'studier');
  assert.equal(shortImperative('einprogrammieren', 'ein', 'programmiere'), 'programmier');
  assert.equal(shortImperative('leeren', null, 'leere'), 'leer');
  for (const [lemma, imperative] of [['sammeln', 'sammle'], ['ändern', 'ändere'], ['feiern', 'feiere'], ['öffnen', 'öffne'], ['atmen', 'atme'],
    ['rechnen', 'rechne'], ['warten', 'warte'], ['reden', 'rede'], ['entschuldigen', 'entschuldige'], ['geben', 'gib'],
    ['sehen', 'sieh'], ['nehmen', 'nimm']]) {
    assert.equal(shortImperative(lemma, null, imperative), null, lemma);
  }
});

// A verb record as buildVerb and normalise make it: present forms (slots 0-5, null: none), imperatives (24, 25).
function verb(lemma, particle, present, imperatives = []) {
  const forms = present.map((form, slot) => ({ slot, column: 0, placement: particle === null ? 0 : 1, form, old: form })).filter(form => form.form !== null);
  imperatives.forEach((form, n) => forms.push({ slot: 24 + n, column: 0, placement: particle === null ? 0 : 1, form, old: form }));
  return { pos: 'verb', lemma, particle, forms };
}

test('separable verbs take their base verb\'s imperative', () => {
  const rufen = ['rufe', 'rufst', 'ruft', 'rufen', 'ruft', 'rufen'];
  const verbs = [
    verb('rufen', null, rufen, ['rufe', 'ruft']),
    verb('anrufen', 'an', rufen),
    verb('bessern', null, [null, 'besserst', 'bessert', 'bessern', 'bessert', 'bessern'], ['bessere', 'bessert']),
    verb('aufbessern', 'auf', ['bessere', 'besserst', 'bessert', 'bessern', 'bessert', 'bessern']),
    verb('laden', null, ['lade', 'lädst', 'lädt', 'laden', 'ladet', 'laden'], ['lade', 'ladet']),
    verb('abladen', 'ab', ['lade', 'ladest', 'ladet', 'laden', 'ladet', 'laden']),
    verb('schreiten', null, [], ['schreite', 'schreitet']),
    verb('abschreiten', 'ab', []),
    verb('zurückübersetzen', 'zurück', ['übersetze']),
    verb('abholen', 'ab', ['hole'], ['hol', 'holt']),
  ];
  inheritImperatives(verbs);
  const imperatives = lemma => verbs.find(v => v.lemma === lemma).forms.filter(form => form.slot >= 24).map(form => [form.slot, form.placement, form.form]);
  assert.deepEqual(imperatives('anrufen'), [[24, 1, 'rufe'], [25, 1, 'ruft']]);
  assert.deepEqual(imperatives('aufbessern'), [[24, 1, 'bessere'], [25, 1, 'bessert']], 'bessern lacks the 1st singular: the slots both fill decide');
  assert.deepEqual(imperatives('abladen'), [], 'present forms that differ from the base verb\'s');
  assert.deepEqual(imperatives('abschreiten'), [], 'no present form to compare');
  assert.deepEqual(imperatives('zurückübersetzen'), [], 'no base verb');
  assert.deepEqual(imperatives('abholen'), [[24, 1, 'hol'], [25, 1, 'holt']], 'the data\'s own imperative');
});

test('the hash agrees with the C# reader', () => {
  // GermanLexiconTests.TheHashMatchesTheGenerator checks the same values in C#.
  assert.equal(hash('Schluß'), 2145611419);
  assert.equal(hash('passt'), 3452154628);
  assert.equal(hash('PASST'), 3452154628);
  assert.equal(hash('Œuvre'), 397233820);
  assert.equal(hash(''), 2166136261);
});
