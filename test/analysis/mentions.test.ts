import { describe, expect, it } from 'vitest';
import { findNames, midSentenceCaps } from '../../src/analysis/mentions.js';

const names = (text: string, article: string[] = []) =>
  findNames(text, midSentenceCaps([text, ...article])).map((m) => ({ name: m.name, role: m.role, kind: m.kind }));

describe('mentions', () => {
  it('splits the title off the name and keeps particles and nicknames inside it', () => {
    expect(names('Harbour Minister Sven van der Loo spoke.')).toEqual([{ name: 'Sven van der Loo', role: 'Harbour Minister', kind: 'person' }]);
    expect(names('Now Ilario "El Zorro" Bastante says he is ready.')[0]).toMatchObject({ name: 'Ilario Bastante', kind: 'person' });
    expect(names('Retired colonel Anselm Crane, now a pundit, spoke.')[0]).toMatchObject({ name: 'Anselm Crane', role: 'Retired colonel' });
  });

  it('reads a sentence-initial word as a name only with evidence', () => {
    expect(names('Rescue teams worked late.')).toEqual([]);
    expect(names('Tolsen vowed to stay.')[0]).toMatchObject({ name: 'Tolsen' });
    expect(names('Critics said little.')).toEqual([]);
  });

  it('reads the same words in ASCII text (with curly quotes and dashes) as in text with letters beyond ASCII', () => {
    const ascii = 'On Monday Foreign Minister Maria Lopez — with “envoy” Ian Kerr’s aides — met Dr. J. R. Ostrow in Port Essen.';
    const accented = `${ascii} Zoë Ångström-Ruiz of Łódź stayed.`;
    expect(names(accented).slice(0, names(ascii).length)).toEqual(names(ascii));
    expect(names(ascii).map((m) => m.name)).toEqual(['Maria Lopez', 'Ian Kerr', 'J. R. Ostrow', 'Port Essen']);
    expect(names(accented).map((m) => m.name)).toContain('Zoë Ångström-Ruiz');
  });
});
