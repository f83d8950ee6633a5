import { Box, Text } from 'ink';
import { articleFrame } from '../article-frame.js';
import { Viewport } from '../components/Viewport.js';
import type { Model } from '../model.js';
import type { ArticleSlice } from '../screens/article.js';

/** The article: its laid-out lines in the viewport, the picked link in full, a status line. */
export function ArticleView({ model, article }: { model: Model; article: ArticleSlice }) {
  const { height, panel, status } = articleFrame(model, article);
  return (
    <Box flexDirection="column">
      <Viewport lines={article.doc.lines} top={article.viewport.top} height={height} marks={article.viewport.marks} />
      {panel.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text wrap="truncate-end">{status}</Text>
    </Box>
  );
}
