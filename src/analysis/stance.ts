import type { Stance } from './types.js';

/**
 * The stance a statement takes toward its topic, from cue words. The first stance in
 * this order whose cues match wins, so a sentence that reports a violation of an
 * agreement is a violation, not an acceptance:
 *
 *   violation  violated/violation/breach/broke the truce, "never kept", "there has been no ceasefire",
 *              "continued to kill/attack/strike"
 *   expired    expired, lapsed, ran out, "came to an end", "collapsed"
 *   deadline   deadline, ultimatum, "ends Friday", "by Monday", "within 30 days", "N-day"
 *   on-hold    on hold, stalled, paused, suspended, postponed, shelved, frozen talks
 *   rejects    reject, refuse, dismiss, "ruled out", "never agree", "not interested", unacceptable, oppose
 *   accepts    agreed to, accept, signed, welcomed, endorsed, "is open to", "ready to", willing
 *   proposes   propose, proposal, offer, "called for", urged, broker, "push for", suggest, plan for
 *   doubts     doubt, sceptical, illusion, hollow, "failed to", "little progress", "slipping away",
 *              "minimal results", escalating, "rather than", "not a signal", unlikely
 *   hopes      hope, optimistic, "on the verge", progress, compelling, "close to", "could soon"
 *   supports   support, back, "working to", committed, "in favour/favor of"
 *   neutral    none of the above
 */

const CUES: [Stance, RegExp][] = [
  // "rejected claims that the army had violated the truce": a denial, not a report of a violation.
  ['rejects', /\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*)\s+(?:the\s+|any\s+)?(?:claims?|accusations?|allegations?|reports?|charges?|suggestions?)\b/i],
  ['violation', /\bviolat\w*|\bbreach\w*|\bbr(?:oke|oken|eaking)\s+(?:the\s+|a\s+)?(?:cease-?fire|truce|agreement|deal)|\bnever\s+(?:been\s+)?kept|\b(?:has|have|had)\s+been\s+no\s+(?:cease-?fire|truce)|\bcontinu\w*\s+to\s+(?:kill|attack|launch|strike|shell|bomb)|\b(?:cease-?fire|truce|agreement|deal)\s+(?:\w+\s+){0,3}broken\b/i],
  ['expired', /\bexpir\w*|\blapsed?\b|\bran\s+out\b|\bcame\s+to\s+an\s+end\b|\bcollaps\w*/i],
  ['deadline', /\bdeadlines?\b|\bultimatum\w*|\bends?\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)\b|\bby\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+end\s+of)\b|\bwithin\s+\w+\s+(?:days|weeks|hours)\b/i],
  ['on-hold', /\bon\s+hold\b|\bstall\w*|\bpaused\b|\bon\s+pause\b|\bsuspend\w*|\bpostpon\w*|\bshelved\b|\bput\s+off\b/i],
  ['rejects', /\b(?:not|never|n't)\s+(?:\w+\s+)?(?:agree|accept|support|end)\b|\breject\w*|\brefus\w*|\bdismiss\w*|\bruled?\s+out\b|\bnever\s+agree|\bnot\s+interested\b|\bunacceptable\b|\boppos\w*|\bno\s+intention\b|\bwill\s+not\s+(?:accept|stop)\b|\b(?:will|would)\s+be\s+no\s+(?:cease-?fire|truce|peace)\b|\bunfair\b/i],
  ['accepts', /\bagree[sd]?\s+(?:\w+\s+){0,2}?to\b|\baccept\w*|\bsign(?:s|ed|ing)?\b|\bwelcom\w*|\bendors\w*|\b(?:is|are|was|were)\s+open\s+to\b|\bready\s+to\b|\bwilling\w*/i],
  ['proposes', /\bpropos\w*|\boffer\w*|\bcall(?:ed|s|ing)?\s+for\b|\burg\w*|\bbroker\w*|\bpush\w*\s+(?:for|to)\b|\bsuggest\w*|\bplans?\s+for\b|\bextend\w*/i],
  ['doubts', /\bdoubt\w*|\bs[ck]eptic\w*|\billusion\w*|\bhollow\b|\bfail\w*\s+to\b|\blittle\s+progress\b|\bslipping\s+away\b|\bminimal\s+results\b|\bescalat\w*|\brather\s+than\b|\bnot\s+a\s+signal\b|\bunlikely\b|\bno\s+(?:real\s+)?progress\b|\ba\s+lie\b|\bsham\b|\bfarce\b|\bfragile\b/i],
  ['hopes', /\bhop(?:e|es|ed|eful|ing)\b|\bwants?\s+(?:[\w-]+\s+){0,3}to\s+(?:last|hold|continue|succeed|work)\b|\boptimis\w*|\bon\s+the\s+verge\b|\bprogress\b|\bcompelling\b|\bclose\s+to\b|\bcould\s+soon\b/i],
  ['supports', /\bsupport\w*|\bback(?:s|ed|ing)\b|\bworking\s+to\b|\bmust\s+hold\b|\bcommitted\s+to\b|\bin\s+favou?r\s+of\b/i],
];

/** The stance of one statement toward the topic (see the cue list above). */
export function stanceOf(text: string): Stance {
  for (const [stance, re] of CUES) if (re.test(text)) return stance;
  return 'neutral';
}

/** A quote split around its speaker: `,” she said, “` between the two halves. */
const SPLIT_FRAME = /,?\s*["”]\s+[^"“”.!?]{0,60}\b(?:said|says|added|adds|told|asked|insisted|warned|wrote|continued|argued|stressed)\b[^"“”.!?]{0,40},\s*["“]/g;

/**
 * The stance of a statement. A quote split around its speaker ("We will not," she said,
 * "accept this.") is read with the frame taken out, so its halves read as one sentence.
 */
export function statementStance(text: string): Stance {
  return stanceOf(text.replace(SPLIT_FRAME, ' '));
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
