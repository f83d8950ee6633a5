import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { Command, hintTexts } from '../keymap.js';
import type { Model } from '../model.js';
import { articleViewHeight, linkPanel, type ArticleSlice } from '../screens/article.js';
import { hints } from '../status.js';
import { percentThrough } from '../viewport.js';

function statusLeft(model: Model, article: ArticleSlice): string {
  if (model.prompt?.purpose === 'search') return `/${model.prompt.text}_`;
  if (model.message) return model.message;
  // No "Tab links" on an article without links.
  const without = article.doc.links.length === 0 ? [Command.NextLink] : [];
  return hints(hintTexts('article', model.bindings, without), Math.floor(model.size.cols / 2));
}

function statusRight(model: Model, article: ArticleSlice): string {
  const { search } = article;
  const parts: string[] = [];
  if (search.query !== '' && model.prompt === null) {
    const count = search.matches.length;
    parts.push(count === 0 ? `/${search.query} 0/0` : `/${search.query} ${search.current + 1}/${count}`);
  }
  parts.push(`${percentThrough(article.viewport.top, article.doc.lines.length, articleViewHeight(article, model.size))}%`);
  return parts.join('  ');
}

/** The article: its laid-out lines in the viewport, the picked link in full, a status line. */
export function ArticleView({ model, article }: { model: Model; article: ArticleSlice }) {
  const panel = linkPanel(article, model.size);
  const label = model.screenReader ? 'Status: ' : '';
  return (
    <Box flexDirection="column">
      <Viewport lines={article.doc.lines} top={article.viewport.top} height={articleViewHeight(article, model.size)} marks={article.viewport.marks} />
      {panel.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <StatusLine left={label + statusLeft(model, article)} right={statusRight(model, article)} cols={model.size.cols} color={model.color} />
    </Box>
  );
}
