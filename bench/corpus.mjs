// A seeded, deterministic generator of news-like Markdown articles for the benchmark.
// Same seed and sizes -> byte-identical files, so runs on different days compare.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../test/helpers/random.mjs';

/** mulberry32: tiny, fast, good enough to pick words. */
export function createRandom(seed) {
  const next = seededRandom(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  return { next, pick, int };
}

// Invented names and places: the corpus must not lean on the bundled articles.
const FIRST = ['Anna', 'Marek', 'Olena', 'Tomas', 'Ines', 'Kofi', 'Leila', 'Pavel', 'Sofia', 'Daniel', 'Mira', 'Jonas', 'Hana', 'Victor', 'Ruth', 'Emil'];
const LAST = ['Varga', 'Kowal', 'Brenner', 'Osei', 'Halloran', 'Duarte', 'Lindqvist', 'Moreau', 'Petrenko', 'Sato', 'Adeyemi', 'Novak', 'Castell', 'Ferreira', 'Iversen', 'Rahman'];
const ROLES = ['Foreign Minister', 'President', 'Defence Minister', 'mayor', 'envoy', 'spokeswoman', 'spokesman', 'governor', 'Prime Minister', 'commander'];
const PLACES = ['Veldor', 'Karsk', 'Lumen Bay', 'Ostrava Nova', 'Tarvik', 'Belmont Ridge', 'Serrano', 'Halden', 'Mirav', 'Port Essen', 'Dunmore', 'Zelta'];
const TOPICS = ['ceasefire', 'talks', 'sanctions', 'aid', 'elections', 'drought', 'strike', 'budget', 'floods', 'grain deal', 'border', 'truce'];
const VERBS = ['said', 'told reporters', 'wrote', 'added', 'warned', 'insisted', 'stated', 'argued'];
const NOUNS = ['officials', 'residents', 'negotiators', 'analysts', 'emergency workers', 'diplomats', 'observers', 'families', 'lawmakers', 'medics'];
const ACTIONS = ['met in', 'arrived in', 'left', 'struck', 'visited', 'reported from', 'gathered in', 'returned to'];
const FILLER = [
  'The announcement came after weeks of uncertainty',
  'Few details were released about the terms',
  'Independent verification was not possible',
  'The situation remained tense through the night',
  'Markets reacted cautiously to the news',
  'Aid agencies said supplies were running low',
  'The previous round of negotiations ended without agreement',
  'Local media reported long queues at checkpoints',
  'Several roads were closed for most of the day',
  'The figures could not be confirmed independently',
];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function person(random) {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

/** One sentence: a fact with a number and a date, a quote with a speaker, or filler. */
function sentence(random, topic, curly) {
  const [open, close] = curly ? ['\u201c', '\u201d'] : ['"', '"'];
  switch (random.int(0, 5)) {
    case 0:
      return `At least ${random.int(2, 90)} people were killed and ${random.int(3, 200)} wounded in ${random.pick(PLACES)} on ${random.pick(MONTHS)} ${random.int(1, 28)}, ${random.pick(NOUNS)} said.`;
    case 1: {
      const who = person(random);
      return `${random.pick(ROLES)} ${who} ${random.pick(ACTIONS)} ${random.pick(PLACES)} ${random.int(2, 60)} days ago to discuss the ${topic}.`;
    }
    case 2:
      return `${open}We will not accept a ${topic} that rewards aggression,${close} ${random.pick(ROLES)} ${person(random)} ${random.pick(VERBS)}.`;
    case 3:
      return `${person(random)}, the ${random.pick(ROLES)}, ${random.pick(VERBS)} that the ${topic} ${random.pick(['was holding', 'had collapsed', 'was never kept', 'would be reviewed'])}: ${open}There is no other way forward.${close}`;
    case 4:
      return `${random.pick(FILLER)}, and the ${topic} in ${random.pick(PLACES)} drew ${random.int(100, 9000)} ${random.pick(NOUNS)} to the streets.`;
    default:
      return `${random.pick(FILLER)}.`;
  }
}

function paragraph(random, topic, curly) {
  const count = random.int(3, 6);
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(sentence(random, topic, curly));
  return parts.join(' ');
}

function isoDate(daysBefore) {
  return new Date(Date.UTC(2026, 0, 1) - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One article of about `bytes` bytes. Dates count back one day per index so the newest-first
 * order is known without running the program. A share of articles use curly quotes, as real copy does.
 */
export function generateArticle({ seed, index = 0, bytes = 5000 }) {
  const random = createRandom(seed * 1_000_003 + index);
  const topic = random.next() < 0.35 ? 'ceasefire' : random.pick(TOPICS);
  const curly = random.next() < 0.3;
  const title = `${random.pick(PLACES)} ${random.pick(['braces for', 'rejects', 'welcomes', 'debates', 'mourns after'])} ${topic} ${random.pick(['deal', 'plan', 'news', 'vote', 'talks'])} ${index}`;
  const head = `---\ntitle: "${title}"\ndate: ${isoDate(index)}\nsource: Bench Wire\ntags: [bench, ${topic.replace(/ /g, '-')}]\n---\n\n`;
  const paragraphs = [];
  let size = head.length;
  while (size < bytes) {
    const text = paragraph(random, topic, curly);
    paragraphs.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return { title, date: isoDate(index), text: `${head}${paragraphs.join('\n\n')}\n` };
}

/**
 * Writes `count` articles below `dir` (100 per folder, as an archive by month might be), unless a
 * marker says this exact corpus is already there. Returns the newest-first titles of the first few.
 */
export function generateLibrary(dir, { count, seed = 42, bytes = 5000 }) {
  const marker = join(dir, '.bench-corpus.json');
  const wanted = JSON.stringify({ count, seed, bytes, version: 1 });
  if (!(existsSync(marker) && readFileSync(marker, 'utf8') === wanted)) {
    rmSync(dir, { recursive: true, force: true });
    for (let index = 0; index < count; index++) {
      const folder = join(dir, `batch-${String(Math.floor(index / 100)).padStart(3, '0')}`);
      if (index % 100 === 0) mkdirSync(folder, { recursive: true });
      const { text } = generateArticle({ seed, index, bytes });
      writeFileSync(join(folder, `article-${String(index).padStart(5, '0')}.md`), text);
    }
    writeFileSync(marker, wanted);
  }
  const firstTitles = [];
  for (let index = 0; index < Math.min(3, count); index++) firstTitles.push(generateArticle({ seed, index, bytes }).title);
  return { dir, firstTitles };
}

/** A folder holding one article of about `bytes` bytes, for the scroll benchmark. */
export function generateSingle(dir, { bytes, seed = 7, name = 'long-read' }) {
  mkdirSync(dir, { recursive: true });
  const { title, text } = generateArticle({ seed, index: 0, bytes });
  const path = join(dir, `${name}.md`);
  if (!(existsSync(path) && readFileSync(path, 'utf8') === text)) writeFileSync(path, text);
  return { dir, path, title };
}
