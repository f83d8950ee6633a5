// Statements: `compare --json` against the gold's "compare" lists, as their "about" says.
// A gold statement is found when an output statement of its article contains its `contains`
// (quotes, whitespace, case and accents normalised); its speaker is right when the output's
// speaker contains the expected one (null = narration, '*' = anyone). Optional statements
// count when found, never as misses. Articles in `no_statements_from` must yield nothing.
//
// Figures per set:
//   statement recall    required gold statements found / required gold statements
//   attribution         found required gold statements with the right speaker / found required ones
//   speaker precision   output statements matching a required gold sentence with the right speaker /
//                       (output statements matching a required gold sentence + output statements from no_statements_from articles)
//   statement precision output statements matching a required gold sentence / output statements from the set's gold
//                       articles (those matching only an optional one left out of both)
//   kind, stance        found required gold statements with the expected kind (stance) / found ones that give one
// Optional gold statements are never scored: finding one is good, and its speaker, kind and stance are not judged.
//   unclean speakers    speaker headings (comparison speakers, statements, summary quotes) that are not a
//                       clean name: a title glued to a name, a bare common noun or pronoun, a lower-case
//                       phrase not marked as an unnamed source, stray punctuation, an unnamed source merged across articles

export function fold(s) {
  return String(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[“”„«»‟″"]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function speakerMatches(expected, actual) {
  if (expected === '*') return true;
  if (expected === null) return actual === null;
  return actual !== null && actual !== undefined && fold(actual).includes(fold(expected));
}

const TITLES =
  'President|Vice[- ]President|Prime Minister|Minister|Mr|Mrs|Ms|Dr|Gen|General|Col|Colonel|Lt|Lieutenant|Maj|Major|Capt|Captain|Sgt|Sergeant|Adm|Admiral|Commander|Cmdr|Governor|Gov|Mayor|Senator|Sen|Rep|Ambassador|Envoy|Secretary|Chancellor|King|Queen|Prince|Princess|Sheikh|Judge|Spokesman|Spokeswoman|Spokesperson|Director|Chairman|Chairwoman|Commissioner|Premier|Pope|Bishop|Rev|Professor|Prof|Marshal|Emir|Sultan|Ayatollah|Imam|Rabbi|Pastor|Brig|Brigadier|Inspector|Superintendent|Mediator|Negotiator';
// A title followed by a capitalised word that is not the rest of an organisation's name.
const GLUED_TITLE = new RegExp(
  `(?:^|\\s)(?:${TITLES})\\.?\\s+(?!(?:Ministry|Department|Office|Assembly|Council|Staff|Committee|Command|Court|Party|Bureau|Agency|Service|Administration)\\b)\\p{Lu}\\p{L}`,
  'u',
);
const COMMON_NOUNS = new Set(
  (
    'group government officials official army ministry rebels rebel military police authorities authority spokesman spokeswoman ' +
    'spokesperson sources source forces media militants insurgents guerrillas commander president minister envoy diplomat ' +
    'statement agency movement council committee office mission monitors residents witnesses diplomats analysts observers ' +
    'leader leaders state administration regime side party fighters troops people he she it they we i you him her them ' +
    'us who which this that someone somebody others other one spokesmen ministry officials'
  ).split(' '),
);
// Organisations whose names hold a title word ("Sahrat General Hospital", "Office of the President").
const ORG_TAIL = /\b(?:Hospital|School|University|College|Ministry|Department|Office|Assembly|Council|Staff|Committee|Command|Court|Party|Bureau|Agency|Service|Administration|Institute|Foundation|Association|Union|Front|Movement|Army|Forces)$/u;
const DETERMINERS = /^(?:the|a|an|its|his|her|their|our|this|that)\s+/i;

/** Why a speaker heading is not clean, or null when it is. */
export function uncleanReason(name, unnamed = false) {
  if (typeof name !== 'string' || name.trim() === '') return 'empty';
  if (name !== name.trim()) return 'stray whitespace';
  if (/^[^\p{L}\p{N}]|[^\p{L}\p{N})]$/u.test(name)) return 'stray punctuation';
  const bare = name.replace(DETERMINERS, '').toLowerCase();
  if (COMMON_NOUNS.has(bare)) return 'bare common noun';
  if (GLUED_TITLE.test(name) && !ORG_TAIL.test(name)) return 'title glued to the name';
  if (!/\p{Lu}/u.test(name) && !unnamed) return 'common-noun phrase not marked unnamed';
  return null;
}

function gentle(s) {
  return s.length > 90 ? `${s.slice(0, 87)}...` : s;
}

function ratio(n, d) {
  return d === 0 ? 1 : n / d;
}

async function evaluateSet(ctx, set) {
  const gold = set.gold.compare;
  const out = await ctx.cli(['compare', gold.topic ?? 'ceasefire', '--json', '--dir', set.dir]);
  const misses = [];
  const traps = new Set(gold.no_statements_from ?? []);
  const goldArticles = new Set([...gold.statements.map((g) => g.article), ...traps]);
  const byArticle = new Map();
  out.statements.forEach((st, i) => {
    const list = byArticle.get(st.article) ?? [];
    list.push({ st, i, text: fold(st.text) });
    byArticle.set(st.article, list);
  });

  let required = 0;
  let requiredFound = 0;
  let found = 0;
  let attributed = 0;
  let kindTotal = 0;
  let kindRight = 0;
  let stanceTotal = 0;
  let stanceRight = 0;
  const matched = new Map(); // output index -> right speaker for some required gold statement
  const optionalHits = new Set(); // output indices matching only optional gold statements
  for (const g of gold.statements) {
    const needle = fold(g.contains);
    const hits = (byArticle.get(g.article) ?? []).filter((o) => o.text.includes(needle));
    const label = `${set.name}/${g.article}: "${g.contains}"`;
    if (!g.optional) required++;
    if (hits.length === 0) {
      if (!g.optional) misses.push(`missing ${label} (speaker ${JSON.stringify(g.speaker)}, ${g.kind ?? 'any kind'})`);
      continue;
    }
    // Optional statements are good to find and never a miss: found ones are not scored.
    if (g.optional) {
      for (const o of hits) optionalHits.add(o.i);
      continue;
    }
    requiredFound++;
    found++;
    const best = hits.find((o) => speakerMatches(g.speaker, o.st.speaker)) ?? hits[0];
    const right = speakerMatches(g.speaker, best.st.speaker);
    for (const o of hits) matched.set(o.i, (matched.get(o.i) ?? false) || speakerMatches(g.speaker, o.st.speaker));
    if (right) attributed++;
    else misses.push(`speaker ${label}: expected ${JSON.stringify(g.speaker)}, got ${JSON.stringify(best.st.speaker)}`);
    if (g.kind) {
      kindTotal++;
      if (best.st.kind === g.kind) kindRight++;
      else misses.push(`kind ${label}: expected ${g.kind}, got ${best.st.kind}`);
    }
    if (g.stance) {
      stanceTotal++;
      if (best.st.stance === g.stance) stanceRight++;
      else misses.push(`stance ${label}: expected ${g.stance}, got ${best.st.stance}`);
    }
  }

  let falsePositives = 0;
  let fromGoldArticles = 0;
  out.statements.forEach((st, i) => {
    if (traps.has(st.article)) {
      falsePositives++;
      misses.push(`false positive ${set.name}/${st.article}: ${JSON.stringify(st.speaker)}: "${gentle(st.text)}"`);
    }
    if (goldArticles.has(st.article) && (matched.has(i) || !optionalHits.has(i))) fromGoldArticles++;
    if (ctx.extras && goldArticles.has(st.article) && !traps.has(st.article) && !matched.has(i) && !optionalHits.has(i)) {
      misses.push(`extra ${set.name}/${st.article}: ${JSON.stringify(st.speaker)} ${st.kind}: "${gentle(st.text)}"`);
    }
  });
  const rightOutputs = [...matched.values()].filter(Boolean).length;

  // Speaker headings: the comparison's rows and statements, and every article's summary quotes.
  const unclean = [];
  const seen = new Set();
  const check = (where, name, unnamed) => {
    if (name === null || name === undefined) return;
    const key = `${where}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const why = uncleanReason(name, unnamed);
    if (why) unclean.push(`unclean speaker ${set.name} ${where}: "${name}" (${why})`);
  };
  for (const row of out.speakers) {
    check('compare speakers', row.name, row.unnamed === true);
    if (row.unnamed === true && row.articles.length > 1) unclean.push(`unclean speaker ${set.name} compare speakers: "${row.name}" (unnamed source merged across ${row.articles.length} articles)`);
  }
  for (const st of out.statements) check('compare statements', st.speaker, st.unnamed === true);
  for (const article of out.articles) {
    const summary = await ctx.cli(['summary', article.id, '--json', '--dir', set.dir]);
    for (const q of summary.quotes ?? []) check(`summary ${article.id} quotes`, q.speaker, q.unnamed === true);
  }
  misses.push(...unclean);

  const rows = [
    { set: set.name, measure: 'statement recall', value: ratio(requiredFound, required) },
    { set: set.name, measure: 'attribution', value: ratio(attributed, found) },
    { set: set.name, measure: 'speaker precision', value: ratio(rightOutputs, matched.size + falsePositives) },
    { set: set.name, measure: 'statement precision', value: ratio(matched.size, fromGoldArticles) },
  ];
  if (kindTotal > 0) rows.push({ set: set.name, measure: 'kind', value: ratio(kindRight, kindTotal) });
  if (stanceTotal > 0) rows.push({ set: set.name, measure: 'stance', value: ratio(stanceRight, stanceTotal) });
  rows.push({ set: set.name, measure: 'unclean speakers', value: unclean.length, better: 'lower' });
  return { rows, misses };
}

export async function evaluate(ctx) {
  const rows = [];
  const misses = [];
  for (const set of ctx.sets) {
    if (!set.gold?.compare) continue;
    const r = await evaluateSet(ctx, set);
    rows.push(...r.rows);
    misses.push(...r.misses);
  }
  return { rows, misses };
}
