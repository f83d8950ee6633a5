// A seeded generator of a news library with known stories, for measuring story clustering.
// Conflicts run for months; each has recurring people and towns and many events; each event is
// reported by one to four outlets over a few days in their own words. The hard cases are built in:
// events of one conflict share their countries, leaders and envoys and often a town, and differ
// by date, by the people on the scene and by what happened. Some articles carry no date.
import { createRandom } from './corpus.mjs';

const SYLLABLES = ['ka', 'ro', 'vel', 'dra', 'mir', 'os', 'tan', 'bel', 'sha', 'lu', 'nor', 'ek', 'va', 'ti', 'mo', 'zar', 'hal', 'den', 'qua', 'ri', 'sto', 'pel', 'gor', 'an', 'ul', 'bra', 'kes', 'lim', 'sev', 'tor'];
const OUTLETS = ['Northgate Tribune', 'Lumen News Agency', 'The Sarrow Gazette', 'Radio Meridian International', 'The Coastline Observer', 'Eastbridge Daily Post', 'The Vellmark Herald', 'Transcontinental Press'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'President', 'Prime Minister', 'envoy', 'spokeswoman', 'army spokesman', 'governor'];
const KINDS = [
  { what: 'shelling', verb: 'Shells hit', noun: 'the shelling', object: 'a market' },
  { what: 'raid', verb: 'Gunmen raided', noun: 'the raid', object: 'an army post' },
  { what: 'convoy strike', verb: 'A strike hit', noun: 'the strike', object: 'an aid convoy' },
  { what: 'drone attack', verb: 'Drones struck', noun: 'the drone attack', object: 'a power station' },
  { what: 'bombing', verb: 'A bomb tore through', noun: 'the bombing', object: 'a bus station' },
];
const FILLER = [
  'Independent verification was not possible.',
  'The situation remained tense through the night.',
  'Aid agencies said supplies were running low.',
  'Several roads were closed for most of the day.',
  'The figures could not be confirmed independently.',
  'Residents queued for water and bread.',
];

function word(random, parts) {
  let w = '';
  for (let i = 0; i < parts; i++) w += random.pick(SYLLABLES);
  return w[0].toUpperCase() + w.slice(1);
}

function personName(random) {
  return `${word(random, 2)} ${word(random, random.int(2, 3))}`;
}

const DAY = 86_400_000;
function iso(day) {
  return new Date(Date.UTC(2026, 0, 1) + day * DAY).toISOString().slice(0, 10);
}

function conflict(random) {
  const countries = [word(random, 3), word(random, 3)];
  return {
    countries,
    towns: Array.from({ length: 5 }, () => word(random, random.int(2, 3))),
    people: Array.from({ length: 4 }, (_, i) => ({ name: personName(random), role: ROLES[i % ROLES.length], country: countries[i % 2] })),
  };
}

function article(random, c, event, outlet, index) {
  const [open, close] = random.next() < 0.5 ? ['\u201c', '\u201d'] : ['"', '"'];
  const day = event.day + random.int(0, 2);
  const speaker = random.pick(c.people);
  const local = random.pick(event.locals);
  const toll = event.toll + random.int(0, 3);
  const kind = event.kind;
  const titles = [
    `${kind.verb} ${kind.object} in ${event.town}, killing ${toll}`,
    `${event.town} mourns after ${kind.noun} as ${c.countries[0]} blames ${c.countries[1]}`,
    `Death toll from ${event.town} ${kind.what} rises to ${toll}`,
    `${c.countries[0]} and ${c.countries[1]} trade blame over ${kind.noun} in ${event.town}`,
  ];
  const lead = `${random.next() < 0.5 ? `${event.town.toUpperCase()}, ${c.countries[0]} — ` : ''}${kind.verb} ${kind.object} in the town of ${event.town} on ${event.weekday}, and at least ${toll} people were killed, officials said.`;
  const paragraphs = [
    lead,
    `${local.name}, ${local.role}, said ${random.int(10, 60)} wounded people had been taken to hospital.`,
    `${open}${event.line}${close} ${speaker.role} ${speaker.name} told reporters.`,
    `${c.countries[1]} denied any role in ${kind.noun}. ${random.pick(FILLER)}`,
    `The conflict between ${c.countries[0]} and ${c.countries[1]} has displaced thousands from ${random.pick(c.towns)} and ${random.pick(c.towns)}. ${random.pick(FILLER)}`,
    `${random.pick(c.people).name} is due to meet ${random.pick(c.people).name} later this month. ${random.pick(FILLER)}`,
  ];
  const order = random.next() < 0.5 ? [0, 1, 2, 3, 4, 5] : [0, 2, 3, 1, 5, 4];
  return {
    id: `story-${String(index).padStart(5, '0')}`,
    title: random.pick(titles),
    date: random.next() < 0.1 ? null : iso(day),
    source: outlet,
    paragraphs: order.map((i) => paragraphs[i]),
    event: event.id,
  };
}

function shuffled(random, list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * `count` articles about events of `conflicts` conflicts, as analysis inputs with their outlet and
 * the event each reports (`event`, the gold story). Same seed, same library.
 */
export function generateStoryLibrary({ count, conflicts = Math.max(4, Math.round(count / 60)), seed = 12 }) {
  const random = createRandom(seed);
  const wars = Array.from({ length: conflicts }, () => conflict(random));
  const out = [];
  let eventId = 0;
  const days = Math.max(60, Math.round(count / 4));
  while (out.length < count) {
    const c = random.pick(wars);
    const day = random.int(0, days);
    const town = random.pick(c.towns);
    // One town of one conflict is not hit twice in a fortnight: two such events no reader could tell apart.
    c.lastHit ??= new Map();
    if (Math.abs((c.lastHit.get(town) ?? -1000) - day) < 14) continue;
    c.lastHit.set(town, day);
    const event = {
      id: `e${eventId++}`,
      day,
      weekday: WEEKDAYS[day % 7],
      town,
      kind: random.pick(KINDS),
      toll: random.int(3, 40),
      locals: Array.from({ length: 2 }, () => ({ name: personName(random), role: random.pick(['the mayor', 'a doctor', 'a local official', 'a witness']) })),
      line: random.pick([
        'We will answer every shot',
        'This is not what a ceasefire looks like',
        'Nobody here wants this war to go on',
        'They signed with one hand and fired with the other',
      ]) + ` in ${random.pick(c.towns)}`,
    };
    const outlets = shuffled(random, OUTLETS).slice(0, random.int(1, 4));
    for (const outlet of outlets) {
      if (out.length >= count) break;
      out.push(article(random, c, event, outlet, out.length));
    }
  }
  return out;
}
