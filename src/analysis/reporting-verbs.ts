/**
 * The verbs of reporting, by what they do: 'say' verbs report words ("said", "insisted", "clarified"),
 * 'act' verbs are speech acts with an object ("denied", "urged", "dismissed the truce as"), 'enact'
 * verbs do the thing itself ("signed", "ordered", "agreed") and report only with a "that" clause.
 * Shared by mentions (a capitalised word before one is a name) and reporting (the events).
 */

export const SAY = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'insist', 'insists', 'insisted',
  'insisting', 'warn', 'warns', 'warned', 'warning', 'clarify', 'clarifies', 'clarified', 'acknowledge', 'acknowledges', 'acknowledged',
  'confirm', 'confirms', 'confirmed', 'claim', 'claims', 'claimed', 'claiming', 'argue', 'argues', 'argued', 'arguing', 'stress', 'stresses',
  'stressed', 'note', 'notes', 'noted', 'explain', 'explains', 'explained', 'repeat', 'repeats', 'repeated', 'reiterate', 'reiterates',
  'reiterated', 'maintain', 'maintains', 'maintained', 'concede', 'concedes', 'conceded', 'admit', 'admits', 'admitted', 'assert',
  'asserts', 'asserted', 'contend', 'contends', 'contended', 'allege', 'alleges', 'alleged', 'predict', 'predicts', 'predicted', 'hint',
  'hinted', 'caution', 'cautioned', 'complain', 'complained', 'countered', 'replied', 'wrote', 'writes', 'report', 'reports', 'reported',
  'emphasised', 'emphasized', 'recalled', 'suggest', 'suggests', 'suggested', 'estimated', 'stated', 'states', 'announce', 'announces', 'announced',
  'declare', 'declares', 'declared', 'reaffirm', 'reaffirms', 'reaffirmed', 'hoped', 'hopes', 'disclosed', 'revealed', 'underlined', 'underscored', 'observed', 'remarked', 'agreed', 'believes', 'insists', 'signalled', 'signaled', 'indicated',
];
export const ACT = [
  'deny', 'denies', 'denied', 'denying', 'accuse', 'accuses', 'accused', 'accusing', 'urge', 'urges', 'urged', 'urging', 'vow', 'vows',
  'vowed', 'vowing', 'dismiss', 'dismisses', 'dismissed', 'dismissing', 'request', 'requested', 'demand', 'demands', 'demanded',
  'promise', 'promises', 'promised', 'pledge', 'pledges', 'pledged', 'threaten', 'threatens', 'threatened', 'welcome', 'welcomes',
  'welcomed', 'reject', 'rejects', 'rejected', 'rejecting', 'propose', 'proposes', 'proposed', 'offer', 'offers', 'offered', 'accept',
  'accepts', 'accepted', 'blame', 'blames', 'blamed', 'blaming', 'condemn', 'condemns', 'condemned', 'criticised', 'criticized',
  'questioned', 'defended', 'endorsed', 'refused', 'appealed', 'calling', 'praised', 'hailed', 'described', 'describes', 'branded',
  'labelled', 'labeled',
];
export const ENACT = ['sign', 'signs', 'signed', 'order', 'orders', 'ordered', 'decree', 'decrees', 'decreed', 'broker', 'brokered', 'extend', 'extended', 'agree', 'agrees'];
export const PHRASES = [
  ['ruled out', 'act'], ['rules out', 'act'], ['rule out', 'act'], ['ruling out', 'act'], ['made it clear', 'say'], ['makes it clear', 'say'],
  ['make it clear', 'say'], ['called for', 'act'], ['calls for', 'act'], ['called on', 'act'], ['calls on', 'act'], ['hit back', 'say'],
  ['hits back', 'say'], ['went further', 'act'], ['put it', 'say'], ['puts it', 'say'],
] as const;


/** Does a reporting verb follow (after an adverb or an auxiliary)? "Vell rejected", "Sandvik has said". */
export const VERB_AHEAD = new RegExp(
  `^(?:\\s+\\p{Ll}+ly)?(?:\\s+(?:has|had|also|later|first|then|have|would|will))?\\s+(?:${[...PHRASES.map(([p]) => p), ...SAY, ...ACT].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`,
  'u',
);

/** A document that speaks for whoever issued it: "the statement said". */
export const DOCUMENT = /^(?:the|this|that|its|their)\s+(?:joint\s+|brief\s+|written\s+|official\s+)?(?:statement|communiqu[eé]|letter|release|declaration)$/i;
