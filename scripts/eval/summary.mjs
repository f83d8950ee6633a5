/**
 * Summary facts against the gold: people, places, casualties and dates, for every gold set.
 * A part of `npm run eval` (scripts/eval.mjs): `evaluate(ctx)` returns rows of figures and the misses.
 *
 * Matching (case and accents ignored):
 * - a gold person is found when an output person's name or an alias equals it;
 * - an output person's name is unclean when it holds a title, an organisation word, a quote mark,
 *   a possessive, a digit or a lower-case word other than a name particle; in a set whose gold lists
 *   every person of its reports (dev; the seeds list only the main ones) it is also unclean when it
 *   is not a listed person's full name: an organisation, a demonym, a fragment, a half of a split name;
 * - people and places precision are given for the sets whose gold lists them all (dev);
 * - a gold place is found when an output place's name or alias equals it (as spelt in that article);
 * - a gold casualty {kind, count} is found when the output has that kind and count; an output
 *   killed/injured count that gold does not list is a false casualty (precision);
 * - a gold date is found when an output date's text equals it, a leading on/in/by/since/until aside,
 *   or one holds the other as whole words ("midnight on Sunday" for "on Sunday");
 *   a found date with an ISO day in gold is resolved right when the output gives that day; a gold
 *   date null must come out null or absent of a day (an article without a date resolves nothing).
 */

const fold = (s) => String(s ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const dateKey = (s) => fold(s).replace(/^(?:on|in|by|since|until)\s+/, '');

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'bin', 'ibn', 'al', 'la', 'le', 'du', 'dos', 'das', 'di', 'thi']);
const TITLE_OR_ORG = /\b(?:president|minister|general|colonel|commander|envoy|secretary|spokes\w+|mr|mrs|ms|dr|sir|ministry|council|army|forces|front|party|union|agency|office|government|group|brigade|movement|court|police|news|times|bank)\b/i;

/** Why a person's name is not a clean person name, or null when it is one. */
export function uncleanReason(name) {
  if (/["“”«»]/.test(name)) return 'quote mark';
  if (/['’]s\b/.test(name)) return 'possessive';
  if (TITLE_OR_ORG.test(name)) return 'title or organisation word';
  if (/\d/.test(name)) return 'digit';
  for (const w of name.split(/\s+/)) {
    if (!/^\p{Lu}/u.test(w) && !PARTICLES.has(w.toLowerCase()) && !/^(?:al|el)-\p{Lu}/u.test(w)) return `lower-case word "${w}"`;
  }
  return null;
}

const ratio = (hit, total) => (total === 0 ? 1 : Math.floor((hit / total) * 1000) / 1000);

function surnameOf(name) {
  const w = fold(name).split(' ');
  return w[w.length - 1];
}

export async function evaluate(ctx) {
  const rows = [];
  const misses = [];
  for (const set of ctx.sets) {
    const summaries = set.gold?.summary;
    if (!summaries) continue;
    const complete = set.name !== 'seeds';
    const t = { people: [0, 0], peopleOut: [0, 0], places: [0, 0], placesOut: [0, 0], casualties: [0, 0], casualtiesOut: [0, 0], dates: [0, 0], resolved: [0, 0], unclean: 0 };
    for (const [id, gold] of Object.entries(summaries)) {
      let out;
      try {
        out = await ctx.cli(['summary', id, '--json', '--dir', set.dir]);
      } catch (error) {
        misses.push(`${set.name}/${id}: summary failed: ${error.message ?? error}`);
        continue;
      }
      const names = (list) => new Set(list.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map(fold));
      const peopleNames = names(out.people);
      const goldPeople = (gold.people ?? []).map(fold);
      for (const p of gold.people ?? []) {
        t.people[1]++;
        if (peopleNames.has(fold(p))) t.people[0]++;
        else misses.push(`${set.name}/${id}: person not found: ${p}`);
      }
      const goldSurnames = new Set(goldPeople.map(surnameOf));
      for (const p of out.people) {
        const listed = goldPeople.includes(fold(p.name));
        const reason = uncleanReason(p.name) ?? (complete && !listed ? (goldSurnames.has(surnameOf(p.name)) ? 'not the full name' : 'not a listed person') : null);
        if (reason) {
          t.unclean++;
          misses.push(`${set.name}/${id}: unclean person name: ${p.name} (${reason})`);
        }
        t.peopleOut[1]++;
        if (listed) t.peopleOut[0]++;
      }
      const placeNames = names(out.places);
      const goldPlaces = new Set((gold.places ?? []).map(fold));
      for (const p of gold.places ?? []) {
        t.places[1]++;
        if (placeNames.has(fold(p))) t.places[0]++;
        else misses.push(`${set.name}/${id}: place not found: ${p}`);
      }
      for (const p of complete ? out.places : []) {
        t.placesOut[1]++;
        if ([p.name, ...(p.aliases ?? [])].some((f) => goldPlaces.has(fold(f)))) t.placesOut[0]++;
        else misses.push(`${set.name}/${id}: not a gold place: ${p.name}`);
      }
      const outCas = out.casualties.filter((c) => !c.vague).map((c) => `${c.kind} ${c.count}`);
      const goldCas = (gold.casualties ?? []).map((c) => `${c.kind} ${c.count}`);
      for (const c of goldCas) {
        t.casualties[1]++;
        if (outCas.includes(c)) t.casualties[0]++;
        else misses.push(`${set.name}/${id}: casualty not found: ${c} (output: ${outCas.join(', ') || 'none'})`);
      }
      for (const c of out.casualties.filter((x) => x.kind === 'killed' || x.kind === 'injured')) {
        t.casualtiesOut[1]++;
        if (!c.vague && goldCas.includes(`${c.kind} ${c.count}`)) t.casualtiesOut[0]++;
        else misses.push(`${set.name}/${id}: casualty not in gold: ${c.kind} ${c.count}${c.vague ? ' (vague)' : ''} from "${c.text}"`);
      }
      for (const phrase of gold.no_exact_casualty ?? []) {
        const bad = out.casualties.find((c) => !c.vague && fold(c.text).includes(fold(phrase)));
        if (bad) misses.push(`${set.name}/${id}: count from a phrase with none: ${phrase} -> ${bad.kind} ${bad.count}`);
      }
      for (const d of gold.dates ?? []) {
        const text = typeof d === 'string' ? d : d.text;
        // The same words, or one text inside the other ("midnight on Sunday" for "on Sunday", "on Tuesday" for "late on Tuesday").
        const covers = (a, b) => ` ${a} `.includes(` ${b} `);
        const found = out.dates.filter((x) => covers(dateKey(x.text), dateKey(text)) || covers(dateKey(text), dateKey(x.text)));
        t.dates[1]++;
        if (found.length === 0) {
          misses.push(`${set.name}/${id}: date not found: ${text}`);
          continue;
        }
        t.dates[0]++;
        if (typeof d === 'string' || !('date' in d)) continue;
        t.resolved[1]++;
        const right = d.date === null ? found.some((x) => x.date === null || !/^\d{4}-\d{2}-\d{2}$/.test(x.date)) : found.some((x) => x.date === d.date);
        if (right) t.resolved[0]++;
        else misses.push(`${set.name}/${id}: date ${text} resolved to ${found.map((x) => x.date).join('/')}, expected ${d.date}`);
      }
    }
    const row = (measure, value, better) => rows.push({ set: set.name, measure, value, floor: ctx.floor(set.name, measure), ...(better ? { better } : {}) });
    row('summary people recall', ratio(...t.people));
    if (complete) row('summary people precision', ratio(...t.peopleOut));
    row('summary places recall', ratio(...t.places));
    if (complete) row('summary places precision', ratio(...t.placesOut));
    row('summary casualties recall', ratio(...t.casualties));
    row('summary casualties precision', ratio(...t.casualtiesOut));
    row('summary dates recall', ratio(...t.dates));
    if (t.resolved[1] > 0) row('summary dates resolved', ratio(...t.resolved));
    const facts = [t.people, t.places, t.casualties, t.resolved[1] > 0 ? t.resolved : t.dates];
    row('summary facts', ratio(facts.reduce((a, f) => a + f[0], 0), facts.reduce((a, f) => a + f[1], 0)));
    row('summary unclean names', t.unclean, 'lower');
  }
  return { rows, misses };
}
