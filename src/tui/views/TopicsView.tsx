import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { StatusLine } from '../components/StatusLine.js';
import { pagedHeight } from '../layout.js';
import type { Model } from '../model.js';
import type { TopicsSlice } from '../screens/menus.js';

/**
 * The reader's pick-one menu, built on ink-select-input: the comparison topic. The menu keeps its own
 * highlight and answers j/k, the arrows and Enter; the reducer only hears the choice.
 */
export function TopicsView({ model, topics, onChoose }: { model: Model; topics: TopicsSlice; onChoose: (topic: string) => void }) {
  const height = pagedHeight(model.size);
  const items = topics.items.map((topic) => ({ key: topic, label: topic, value: topic }));
  const typing = model.prompt?.purpose === 'topic';
  const rows = Math.max(1, height - 1);
  return (
    <Box flexDirection="column" height={height + 2}>
      <Text bold={model.color} wrap="truncate-end">
        Compare: choose a topic
      </Text>
      <Box flexDirection="column" height={height} flexShrink={0}>
        <SelectInput items={items} limit={rows} isFocused={!typing} onSelect={(item) => onChoose(item.value)} />
      </Box>
      <StatusLine
        left={typing ? `Topic: ${model.prompt?.text ?? ''}_` : (model.message ?? 'j/k move · Enter compare · Esc back')}
        cols={model.size.cols}
        color={model.color}
      />
    </Box>
  );
}
