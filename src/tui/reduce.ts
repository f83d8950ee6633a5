import { sanitizeLine } from '../library/sanitize.js';
import type { ArticleText } from '../library/types.js';
import { markOpened } from '../state/read-state.js';
import { sameJob, withOutcome, type AnalysisOutcome } from './analysis-jobs.js';
import type { Intent, Step } from './intent.js';
import { Command, resolveKey, splitKeys, type KeyContext } from './keymap.js';
import { libraryChanged, refreshDone, refreshProgress, showPending, startRefresh } from './feed-refresh.js';
import { isTooSmall, type Size } from './layout.js';
import { isWaitingFor, jobsWaitedFor, nearest, screenOf, topScreen, withCurrentPosition, type Action, type Model, type OpenArticle, type ScreenSlice } from './model.js';
import { readKey } from './read-key.js';
import { fitArticle, openArticle, runSearch, showRange, updateArticle } from './screens/article.js';
import { fitHelp, openHelp, updateHelp } from './screens/help.js';
import { applyFilter, fitList, groupList, searchFurther, updateList } from './screens/list.js';
import { typeInPrompt, updatePrompt, type PromptSlice } from './screens/prompt.js';
import { fitSheet, openCompare, openSummary, runSheetSearch, updateSheet } from './screens/sheets.js';
import { fitDetails, openDetails, openTopics, TYPE_A_TOPIC, updateDetails, updateTopics } from './screens/menus.js';
import { isRead, markRead } from './read-key.js';

/**
 * The one reducer. It hands each key to the screen on top, whose pure update returns its new slice and
 * an intent; this alone acts on intents, so it alone moves between screens, along the one back stack.
 */

function replaceTop(model: Model, screen: ScreenSlice): Model {
  return { ...model, stack: [...model.stack.slice(0, -1), screen] };
}

function push(model: Model, screen: ScreenSlice): Model {
  return { ...model, stack: [...model.stack, screen] };
}

/** A screen laid out for the terminal's current size and the results so far. */
function fitScreen(screen: ScreenSlice, model: Model): ScreenSlice {
  switch (screen.kind) {
    case 'article':
      return fitArticle(screen, model);
    case 'help':
      return fitHelp(screen, model);
    case 'summary':
    case 'compare':
      return fitSheet(screen, model);
    case 'details':
      return fitDetails(screen, model.details, model);
    case 'topics':
      return screen;
  }
}

/** Sheets are cheap to lay out, so every one on the stack follows the size and the results; an article under others is laid out again when it is shown. */
function fitSheets(model: Model): Model {
  const last = model.stack.length - 1;
  return { ...model, stack: model.stack.map((screen, i) => (i === last || screen.kind === 'summary' || screen.kind === 'compare' ? fitScreen(screen, model) : screen)) };
}

/** Esc: back to the screen under this one, as it was left (laid out again if the terminal changed). */
function back(model: Model): Model {
  const top = topScreen(model);
  if (!top) return model;
  const left = top.kind === 'article' ? { ...model, readState: withCurrentPosition(model) } : model;
  const popped = { ...left, stack: left.stack.slice(0, -1) };
  const shown = topScreen(popped);
  // Back on the list: a library refreshed meanwhile is shown now.
  return shown ? replaceTop(popped, fitScreen(shown, popped)) : showPending(popped);
}

/** The comparison on `topic` opened over the screen on top (from the cache, or waiting for the analysis). */
function compareTopic(model: Model, topic: string, story?: string): Model {
  const recorded = { ...model, readState: withCurrentPosition(model) };
  const open = nearest(model, 'compare');
  const compare = openCompare(topic, open?.topic === topic ? open.order : 'speaker', recorded, story);
  return push({ ...recorded, job: compare.sheet ? recorded.job : { kind: 'compare', topic } }, compare);
}

function act(model: Model, intent: Intent): Model {
  switch (intent.kind) {
    case 'open-article':
      // Shown when its text comes back (`article-text`): reading it is not the reducer's to do.
      return model.articles[intent.index] === undefined ? model : { ...model, opening: intent };
    case 'back':
      return back(model);
    case 'help':
      return push(model, openHelp());
    case 'summary': {
      const recorded = { ...model, readState: withCurrentPosition(model) };
      const summary = openSummary(intent.article, recorded);
      return push({ ...recorded, job: summary.sheet ? recorded.job : { kind: 'summary', article: intent.article } }, summary);
    }
    case 'compare':
      return compareTopic(model, intent.topic ?? model.topic, intent.story);
    case 'stories': {
      const grouped = !model.list.grouped;
      if (grouped && !model.analysis.stories) {
        return { ...model, list: { ...model.list, grouped }, job: model.job ?? { kind: 'stories' }, message: 'Grouping by story…' };
      }
      return { ...model, list: groupList(model.list, grouped, model.index, model), message: grouped ? null : 'Not grouped by story' };
    }
    case 'prompt': {
      const prompt: PromptSlice = screenOf(model) === 'list' ? { purpose: 'filter', text: model.list.filter } : { purpose: 'search', text: '' };
      return { ...model, prompt };
    }
    case 'topics': {
      const compared = Object.keys(model.analysis.comparisons);
      return push(model, openTopics(nearest(model, 'compare')?.topic ?? model.topic, model.topics, compared));
    }
    case 'details':
      return model.details.length === 0 ? { ...model, message: 'No warnings' } : push(model, openDetails(model.details, model));
    case 'open-url':
      return { ...model, request: { kind: 'open-url', url: intent.url, id: (model.request?.id ?? 0) + 1 }, message: `Opening ${intent.url}` };
    case 'say':
      return { ...model, message: intent.text };
  }
}

/** The article asked for, laid out from its text and pushed on the back stack. */
function articleText(model: Model, opening: OpenArticle, text: ArticleText): Model {
  if (model.opening !== opening) return model;
  const source = model.articles[opening.index];
  let article = openArticle(model, opening.index, text);
  let message = model.message;
  if (opening.show) {
    article = showRange(article, opening.show.range, model);
    message = `Esc: back to the ${opening.show.from === 'summary' ? 'summary' : 'comparison'}`;
  }
  const opened = { ...model, opening: null, notice: null, message, readState: markOpened(model.readState, readKey(source), model.now()) };
  return push(opened, article);
}

/** The model with a screen's step applied: its new slice in place, then its intent acted on. */
function applyStep<S extends ScreenSlice>(model: Model, step: Step<S>): Model {
  const next = replaceTop(model, step.slice);
  return step.intent ? act(next, step.intent) : next;
}

/** A command for the screen on top (not a prompt). */
function screenCommand(model: Model, command: Command, input: string): Model {
  const top = topScreen(model);
  if (command === Command.Help && top?.kind !== 'help') return act(model, { kind: 'help' });
  if (!top) {
    if (command === Command.ChooseTopic) return act(model, { kind: 'topics' });
    if (command === Command.Reload) return startRefresh(model);
    if (command === Command.Details) return act(model, { kind: 'details' });
    if (command === Command.ToggleRead) {
      const selected = model.list.visible[model.list.viewport.cursor];
      return toggleRead(model, selected === undefined ? [] : [selected]);
    }
    if (command === Command.MarkAllRead) return toggleRead(model, model.list.visible, true);
    const step = updateList(model.list, command, model.index, model);
    const next = { ...model, list: step.slice };
    return step.intent ? act(next, step.intent) : next;
  }
  if (command === Command.ChooseTopic && top.kind !== 'topics') return act(model, { kind: 'topics' });
  if (command === Command.ToggleRead && top.kind === 'article') return toggleRead(model, [top.index]);
  switch (top.kind) {
    case 'article':
      return applyStep(model, updateArticle(top, command, input, model));
    case 'help':
      return applyStep(model, updateHelp(top, command, model));
    case 'summary':
    case 'compare':
      return applyStep(model, updateSheet(top, command, model));
    case 'details':
      return applyStep(model, updateDetails(top, command, model));
    case 'topics':
      return applyStep(model, updateTopics(top, command));
  }
}

/** The articles marked read, or unread when all of them already are read; says which. */
function toggleRead(model: Model, indexes: readonly number[], force?: boolean): Model {
  const articles = indexes.map((i) => model.articles[i]).filter((article) => article !== undefined);
  if (articles.length === 0) return { ...model, message: 'No article to mark' };
  const read = force ?? !articles.every((article) => isRead(model.readState, article));
  const now = model.now();
  const readState = articles.reduce((state, article) => markRead(state, article, read, now), model.readState);
  const what = articles.length === 1 ? 'Marked' : `Marked ${articles.length} articles`;
  return { ...model, readState, message: `${what} ${read ? 'read' : 'unread'}` };
}

/** A filter applies as it is typed; a search when Enter is pressed. */
function promptCommand(model: Model, prompt: PromptSlice, command: Command): Model {
  const outcome = updatePrompt(prompt, command);
  if (outcome.kind === 'pass') return screenCommand(model, outcome.command, '');
  if (prompt.purpose === 'filter') {
    if (outcome.kind === 'accept') return { ...model, prompt: null };
    const filter = outcome.kind === 'cancel' ? '' : outcome.prompt.text;
    const list = applyFilter(model.list, filter, model.index, model);
    return { ...model, list, prompt: outcome.kind === 'cancel' ? null : outcome.prompt };
  }
  if (outcome.kind === 'changed') return { ...model, prompt: outcome.prompt };
  const cleared = { ...model, prompt: null };
  if (outcome.kind === 'cancel') return cleared;
  if (prompt.purpose === 'topic') {
    const topic = outcome.text.trim().toLowerCase();
    return topic === '' ? cleared : compareTopic(dropTopics(cleared), topic);
  }
  // Enter on an empty search repeats the last one, as in less.
  const query = outcome.text === '' ? model.lastSearch : outcome.text;
  if (query === '') return { ...cleared, message: 'No search yet: type what to find' };
  const searched = { ...cleared, lastSearch: query };
  const top = topScreen(model);
  if (top?.kind === 'article') return applyStep(searched, runSearch(top, query, model.size));
  if (top?.kind === 'summary' || top?.kind === 'compare') return applyStep(searched, runSheetSearch(top, query, model));
  return searched;
}

/** The model without the topic chooser on top, if it is there. */
function dropTopics(model: Model): Model {
  return topScreen(model)?.kind === 'topics' ? { ...model, stack: model.stack.slice(0, -1) } : model;
}

/** A topic picked in the chooser: its comparison, or a prompt to type one. */
function topicChosen(model: Model, topic: string | null): Model {
  if (topic === null) return back(model);
  if (topic === TYPE_A_TOPIC) return { ...model, prompt: { purpose: 'topic', text: '' } };
  return compareTopic(dropTopics(model), topic);
}

function typeText(model: Model, text: string): Model {
  if (!model.prompt) return model;
  const prompt = typeInPrompt(model.prompt, text);
  if (prompt.purpose === 'search') return { ...model, prompt };
  return { ...model, prompt, list: applyFilter(model.list, prompt.text, model.index, model) };
}

function command(model: Model, command: Command, input: string): Model {
  // q backs out one level, as in newsboat; on the list (or a terminal too small to show more) it quits.
  const quits = command === Command.Quit || (command === Command.BackOrQuit && !model.prompt && (topScreen(model) === null || isTooSmall(model.size)));
  if (quits) return { ...model, readState: withCurrentPosition(model), quit: true };
  if (isTooSmall(model.size)) return model;
  if (model.prompt) return promptCommand(model, model.prompt, command);
  return screenCommand(model, command, input);
}

/**
 * After a resize: the list keeps its selection in view, every sheet is laid out at the new width
 * keeping the item under the cursor, and the article on top keeps the words at the top of the screen.
 */
function resize(model: Model, size: Size): Model {
  const sized = { ...model, size: { ...size, measure: model.size.measure } };
  return fitSheets({ ...sized, list: fitList(sized.list, sized) });
}

/** An analysis finished: its results are cached, and the screens waiting for them are laid out. */
function analysisDone(model: Model, outcome: AnalysisOutcome): Model {
  const { job } = outcome;
  const next: Model = sameJob(model.job, job) ? { ...model, job: null, progress: null } : model;
  if ('error' in outcome) {
    const message = `Analysis failed: ${outcome.error}`;
    const waiting = (screen: ScreenSlice): boolean =>
      (screen.kind === 'summary' && job.kind === 'summary' && screen.article === job.article && !screen.sheet) ||
      (screen.kind === 'compare' && job.kind === 'compare' && screen.topic === job.topic && !screen.sheet);
    return { ...next, stack: next.stack.map((screen) => (waiting(screen) ? { ...screen, error: message } : screen)) };
  }
  const done = { ...next, analysis: withOutcome(model.analysis, outcome) };
  // The list waits for the stories when it was asked to group by them.
  const regrouped = 'stories' in outcome && done.list.grouped ? { ...done, list: groupList(done.list, true, done.index, done), message: job.kind === 'stories' ? null : done.message } : done;
  return fitSheets(regrouped);
}

/** Where keys go right now; resolved inside the reducer so keys faster than frames see the latest model. */
export function keyContext(model: Model): KeyContext {
  if (isTooSmall(model.size)) return 'too-small';
  if (model.prompt) return 'prompt';
  return screenOf(model);
}

/**
 * A job no screen waits for any more (Esc on its screen, S pressed again) is given up: the app stops its
 * worker. The job whose progress is shown is then the next one still waited for, if any.
 */
function settleJob(model: Model): Model {
  if (model.job && isWaitingFor(model, model.job)) return model;
  const next = jobsWaitedFor(model)[0] ?? null;
  if (!model.job) return next ? { ...model, job: next } : model;
  return { ...model, job: next, progress: null, message: model.quit ? model.message : 'Analysis cancelled' };
}

export function reduce(model: Model, action: Action): Model {
  return settleJob(reduceAction(model, action));
}

function reduceAction(model: Model, action: Action): Model {
  switch (action.type) {
    case 'key': {
      const presses = splitKeys(action.input, action.key);
      if (presses.length !== 1) return presses.reduce((current, press) => reduce(current, { type: 'key', ...press }), model);
      const result = resolveKey(keyContext(model), action.input, action.key, model.bindings);
      if (result === null) return model;
      if ('text' in result) return typeText(model, result.text);
      return reduce(model, { type: 'command', command: result.command, input: result.input });
    }
    case 'command': {
      const cleared = model.message === null ? model : { ...model, message: null };
      return command(cleared, action.command, action.input ?? '');
    }
    case 'text':
      return typeText(model, action.text);
    case 'resize':
      return resize(model, action.size);
    case 'message':
      // Told from outside the reducer (a link opened, a save or a reload that failed, with an error's
      // text and the paths in it): cleaned here, where it goes to the status line.
      return { ...model, message: sanitizeLine(action.text) };
    case 'request-done':
      return model.request?.id === action.id ? { ...model, request: null } : model;
    case 'analysis-done':
      return analysisDone(model, action.outcome);
    case 'analysis-progress':
      return sameJob(model.job, action.job) ? { ...model, progress: action.text } : model;
    case 'refresh-progress':
      return refreshProgress(model, action.text);
    case 'refresh-done':
      return refreshDone(model, action.load, action.error);
    case 'library-changed':
      return libraryChanged(model, action.load);
    case 'index-grown':
      return model.list.searching ? { ...model, list: searchFurther(model.list, model.index, model) } : model;
    case 'topic-chosen':
      return topicChosen(model, action.topic);
    case 'article-text':
      return articleText(model, action.opening, action.text);
  }
}
