import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

const DEV = join(repoRoot, 'test', 'fixtures', 'gold', 'dev', 'articles');

describe('newsdesk stories', () => {
  it('--json lists every article in one story with outlet, date, title, main names and span', () => {
    const { status, stdout } = runCli(['stories', '--json', '--dir', DEV]);
    expect(status).toBe(0);
    const stories = JSON.parse(stdout) as { id: string; articles: { id: string; source: string | null; date: string | null; title: string }[]; outlets: number; people: string[]; places: string[]; span: unknown }[];
    expect(stories.flatMap((s) => s.articles.map((a) => a.id))).toHaveLength(16);
    const sahrat = stories.find((s) => s.id === 'rmi-sahrat-pause')!;
    expect(sahrat.articles.map((a) => a.id).sort()).toEqual(['observer-sahrat-pause', 'rmi-sahrat-pause', 'tcp-sahrat-convoy']);
    expect(sahrat).toMatchObject({ outlets: 3, span: { from: '2026-07-07', to: '2026-07-09' } });
    expect(sahrat.articles[0]).toEqual({ id: 'rmi-sahrat-pause', title: expect.any(String), source: 'Radio Meridian International', date: '2026-07-07' });
    expect(sahrat.people).toContain('Astrid Hellqvist');
  });

  it('prints stories readable at 80 columns, the same from the cache', () => {
    const first = runCli(['stories', '--dir', DEV, '--width', '80']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^8 stories in 16 articles/);
    expect(first.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(first.stdout).not.toMatch(/\x1b/);
    expect(runCli(['stories', '--dir', DEV, '--width', '80']).stdout).toBe(first.stdout);
  });
});

describe('newsdesk compare by story', () => {
  it('--story <article id> limits the comparison to its story and adds provenance, figures and voices', () => {
    const { status, stdout } = runCli(['compare', '--json', '--dir', DEV, '--story', 'tribune-hesk']);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(new Set(out.statements.map((s: { article: string }) => s.article))).toEqual(new Set(['tcp-mirovsk-shelling', 'herald-myrovsk-truce', 'tribune-hesk-ceasefire']));
    expect(out.story.id).toBe('tcp-mirovsk-shelling');
    const carried = out.story.quotes.find((q: { text: string }) => q.text.includes('not yet a dead ceasefire'));
    expect(carried.carriers.map((c: { article: string }) => c.article)).toEqual(['tcp-mirovsk-shelling', 'tribune-hesk-ceasefire']);
    expect(out.story.quotes.some((q: { drift: boolean }) => q.drift)).toBe(true);
    expect(out.story.voices.map((v: { outlet: string }) => v.outlet)).toContain('The Vellmark Herald');
    expect(out.story.unnamed.some((u: { text: string }) => /condition of anonymity/.test(u.text))).toBe(true);
  });

  it('plain compare groups statements by story and pairs disagreements only within one story', () => {
    const json = JSON.parse(runCli(['compare', '--json', '--dir', DEV]).stdout);
    const storyOf = new Map<string, string>();
    for (const s of json.stories) for (const a of s.articles) storyOf.set(a, s.id);
    for (const d of json.disagreements) expect(storyOf.get(json.statements[d.a].article)).toBe(storyOf.get(json.statements[d.b].article));
    const text = runCli(['compare', '--dir', DEV, '--width', '80']).stdout;
    expect(text).toMatch(/━━ Story tcp-mirovsk-shelling/);
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('an unknown --story exits 2 and says so', () => {
    const { status, stderr } = runCli(['compare', '--dir', DEV, '--story', 'no-such-story']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--story: no story or article with id "no-such-story"/);
  });
});
