import type { Stance } from './types.js';

/**
 * The stance a statement takes toward its topic, from cue words, in a small documented set. The
 * first stance in this order whose cues match wins, so negation and tense are read before the
 * plain keywords:
 *
 *   supports   (negated breaks first) "not yet a dead ceasefire", "did not regard the blast as a breach",
 *              "could still be saved"; later: honour, respect, keep to, bound by, obey, binding, urged,
 *              "give it a chance", "use the pause", support, back, committed
 *   rejects    denials of claims ("rejected claims that ... violated"), "no truce to break", "is not a
 *              truce", ploy, "torn up", "ruled out", refuse, dismiss, "has never agreed"
 *   violation  violated, breach, broke/broken, shelled, attacked, "returned fire", "fired first", "to derail it",
 *              "two days into the truce", "the truce ... collapsed"
 *   expired    expired, lapsed, "ran out", "came to an end"
 *   deadline   deadline, ultimatum, "ends Friday"
 *   on-hold    "on hold", stalled, suspended, postponed, shelved
 *   doubts     "hanging by a thread", "edge of collapse", "only on paper", fear, "would not survive",
 *              "few expect", "slipping away", doubt, sceptical, fragile
 *   hopes      hope, optimistic, "on the verge"
 *   accepts    welcomed, accepted, "agreed to", "would sign", "ready to"
 *   proposes   proposed, offered, "called for", "could be extended", "urged ... to extend", demanded
 *   neutral    none of the above (facts about it: "was signed in", "took effect at midnight")
 */

export const CUES: readonly [Stance, RegExp][] = [
  // Negation first: "is not yet a dead ceasefire", "did not regard the blast as a breach", "nobody wants this accord to fail".
  ['supports', /\bnot\s+(?:yet\s+)?(?:a\s+)?dead\b|\bnot\s+(?:regard\w*\s+[\w\s]{0,30}?as\s+)?a\s+breach|\bwas\s+not\s+a\s+breach|\bcould\s+still\s+be\s+saved|\bnobody\b[^.]{0,40}\bwants?\b[^.]{0,30}\bto\s+fail/i],
  // "rejected claims that the army had violated the truce": a denial, not a report of a violation.
  ['rejects', /\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*)\s+(?:the\s+|any\s+)?(?:claims?|accusations?|allegations?|reports?|charges?|suggestions?)\b/i],
  // Refusals and dismissals: "no truce to break", "not a truce", "a ploy", "truce or no truce".
  ['rejects', /\bno\s+(?:cease-?fire|truce|pause)\s+to\s+break|\bis\s+not\s+a\s+(?:cease-?fire|truce)\b|\bploy\b|\bpublic\s+relations\b|\badvertisement\b|\btorn\s+up\b|\b(?:truce|ceasefire)\s+or\s+no\s+(?:truce|ceasefire)\b|\brerun\b|\bended\s+in\s+a\s+funeral|\brest\s+and\s+rearm|\bnever\s+(?:\w+\s+)?(?:treated|agreed|accepted)\b/i],
  ['violation', /\bviolat\w*|\bbreach\w*|\bbr(?:oke|oken|eaking)\b|\bnever\s+(?:been\s+)?kept|\b(?:has|have|had)\s+been\s+no\s+(?:cease-?fire|truce)|\bcontinu\w*\s+to\s+(?:kill|attack|launch|strike|shell|bomb)|\bfired\s+first|\bwho\s+fired|\bwith\s+one\s+hand\b|\bshell(?:ed|ing)\b|\bfired\s+(?:on|at)\b|\breturned\s+fire|\bopened\s+fire|\battack(?:ed|s)?\b|\bstaging\b|\bderail|\bdiscredit|\bas\s+cover\b|\btighten\s+the\s+siege|\bhad\s+(?:not\s+)?fired\b|\bgun\s+had\s+fired|\bbadly\s+wounded|\bbefore\s+a\s+single\b|\bheard\s+about\b[^.]*\bburying|\bsecond\s+day\s+of\b|\b(?:two|three|\w+)\s+days\s+into\s+the\b|\b(?:cease-?fire|truce|pause|armistice)\b[^.]{0,40}\bcollapsed|\bflagrant\b/i],
  ['expired', /\bexpir\w*|\blapsed?\b|\bran\s+out\b|\bcame\s+to\s+an\s+end\b/i],
  ['deadline', /\bdeadlines?\b|\bultimatum\w*|\bends?\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)\b/i],
  ['on-hold', /\bon\s+hold\b|\bstall\w*|\bon\s+pause\b|\bsuspend\w*|\bpostpon\w*(?!\s+the\s+hunger)|\bshelved\b|\bput\s+off\b/i],
  // Doubt about whether it holds or matters.
  ['doubts', /\bhanging\s+by\s+a\s+thread|\bedge\s+of\s+collapse|\bonly\s+on\s+paper|\bon\s+paper\s+does\s+not|\bfear\w*|\bwill\s+not\s+see\b|\bfew\b[^.]{0,30}\bexpect|\bdisappeared\b|\bcould\s+end\b|\bwould\s+not\s+survive|\bonly\s+postponed|\blittle\s+else|\byet\s+to\s+be\s+written|\bboth\s+ways\b|\bmove\s+cocaine|\bnot\s+yet\s+convinced|\bhardest\s+question|\bneither\s+of\s+the\s+previous|\blittle\s+trust|\bkeep\s+it\s+alive|\bno\s+obvious\s+route|\bwould\s+be\s+treated\s+as\b|\buntil\s+the\s+(?:truce|ceasefire|pause)\s+had\s+held|\bdoes\s+not\s+stop|\bnot\s+everyone|\bpaused\b|\bhow\s+little\b|\bcollapsed\s+over\b|\bsupposed\s+to\s+be\b|\bnot\s+yet\b/i],
  ['rejects', /\b(?:not|never|n't)\s+(?:\w+\s+)?(?:agree|accept|support|end)\b|\breject\w*|\brefus\w*|\bdismiss\w*|\brul(?:ed?|ing)\s+out\b|\bnever\s+agree|\bnot\s+interested\b|\bunacceptable\b|\boppos\w*|\bno\s+intention\b|\bwill\s+not\s+(?:accept|stop)\b|\b(?:will|would)\s+be\s+no\s+(?:cease-?fire|truce|peace)\b|\bunfair\b/i],
  ['doubts', /\bslipping\s+away\b/i],
  ['hopes', /\bhop(?:e|es|ed|eful|ing)\b/i],
  ['proposes', /\burg\w*\b[^.]{0,40}\bextend/i],
  // Keeping to one in force: honour, respect, keep to, bound by, obey, give it a chance.
  ['supports', /\bhonou?r\w*|\brespect\w*|\bkeep\s+to\b|\bhold\s+to\b|\babide\w*|\bbound\s+by\b|\bcommitted\s+to\b|\bobey\w*|\bbinding\b|\bgive\s+it\s+a\s+chance|\bis\s+a\s+(?:beginning|door|window\s+of|debt)|\bdebt\s+we\s+owe|\bbuys\s+us|\bnot\s+a\s+(?:gift|surrender)\b|\bhold\s+its\s+fire|\bwill\s+hold\b|\blargely\s+held|\bsucceed\b|\bhelp\s+the\b|\bsquander\w*|\bevery\s+(?:day|hour)\s+of\s+the\b|\buse\s+the\s+(?:pause|truce|ceasefire|extra)\b|\bkeep\s+the\s+(?:pause|truce|ceasefire)\s+in\s+place|\basked\s+for\s+this\b|\bwere\s+silent\b|\bend\s+of\s+the\s+funerals|\bstart\s+of\s+a\s+process|\bthe\s+last\s+to\s+break|\bthe\s+ones\s+to\s+end|\bphone\s+line\b|\burg(?:ed|es|ing)\b|\binitiative\b|\bdifferent\b/i],
  ['accepts', /\bwelcom\w*|\b(?:would|will|to)\s+sign\b|\bagree[sd]?\s+(?:\w+\s+){0,2}?to\b(?!\s+extend)|\baccept\w*(?!\s+even)|\b(?:is|are|was|were)\s+open\s+to\b|\bready\s+to\b|\bwilling\w*|\bcarry\s+a\s+silence/i],
  ['proposes', /\bpropos\w*|\boffer\w*|\bcall(?:ed|s|ing)?\s+for\b|\bpush\w*\s+(?:for|to)\b|\bsuggest\w*|\bplans?\s+for\b|\bextend\w*\s+(?:the\s+\w+\s+)?(?:by|beyond)\b|\bcould\s+be\s+extended|\blaying\s+down\b|\bdemand\w*/i],
  ['doubts', /\bdoubt\w*|\bs[ck]eptic\w*|\billusion\w*|\bhollow\b|\bfail\w*\s+to\b|\blittle\s+progress\b|\bslipping\s+away\b|\bminimal\s+results\b|\bescalat\w*|\brather\s+than\b|\bnot\s+a\s+signal\b|\bunlikely\b|\bno\s+(?:real\s+)?progress\b|\ba\s+lie\b|\bsham\b|\bfarce\b|\bfragile\b/i],
  ['hopes', /\bhop(?:e|es|ed|eful|ing)\b|\bwants?\s+(?:[\w-]+\s+){0,3}to\s+(?:last|hold|continue|succeed|work)\b|\boptimis\w*|\bon\s+the\s+verge\b|\bprogress\b|\bcompelling\b|\bclose\s+to\b|\bcould\s+soon\b/i],
  ['supports', /\bsupport\w*|\bback(?:s|ed|ing)\b|\bworking\s+to\b|\bmust\s+hold\b|\bin\s+favou?r\s+of\b/i],
];

/**
 * Every cue as one alternation: it matches a text exactly when some cue does (none is anchored, and
 * all share the one flag), so a text with no cue, the commonest, costs one scan instead of one per cue.
 */
const ANY_CUE = new RegExp(CUES.map(([, re]) => `(?:${re.source})`).join('|'), 'i');

/** The stance of one statement toward the topic (see the cue list above). */
export function stanceOf(text: string): Stance {
  if (!ANY_CUE.test(text)) return 'neutral';
  for (const [stance, re] of CUES) if (re.test(text)) return stance;
  return 'neutral';
}

/** A quote split around its speaker: `,” she said, “` between the two halves. */
export const SPLIT_FRAME = /,?\s*["”]\s+[^"“”.!?]{0,60}\b(?:said|says|added|adds|told|asked|insisted|warned|wrote|continued|argued|stressed)\b[^"“”.!?]{0,40},\s*["“]/g;

/**
 * The stance of a statement. A quote split around its speaker ("We will not," she said,
 * "accept this.") is read with the frame taken out, so its halves read as one sentence.
 */
export function statementStance(text: string): Stance {
  // Every frame holds a closing mark; without one there is nothing to take out.
  return stanceOf(text.includes('"') || text.includes('”') ? text.replace(SPLIT_FRAME, ' ') : text);
}

/** Stances that contradict each other when two different speakers take them. */
const OPPOSED: [Stance, Stance][] = [
  ['accepts', 'rejects'],
  ['proposes', 'rejects'],
  ['supports', 'rejects'],
  ['hopes', 'doubts'],
  ['supports', 'doubts'],
  ['accepts', 'violation'],
];

/** Do two stances disagree? Symmetric. */
export function stancesDisagree(a: Stance, b: Stance): boolean {
  return OPPOSED.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}
