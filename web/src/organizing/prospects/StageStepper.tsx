import { Badge, Group, Text } from '@mantine/core';
import { useLabels } from '../../platform/labels/labels';
import { PATH_STAGES, stageIndex, type Stage } from '../pipeline/stages';

/** Where the workplace stands on 候補把握 → … → 加盟; 保留 and 断念 shown beside the path, with where it stopped. */
export function StageStepper({ stage, heldFromStage }: { stage: Stage; heldFromStage: Stage | null }) {
  const label = useLabels();
  // while paused, the path shows where it was paused
  const reached = stageIndex(stage === 'on_hold' && heldFromStage ? heldFromStage : stage);
  return (
    <div role="group" aria-label="ステージ">
      <Group component="ol" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }} wrap="wrap">
        {PATH_STAGES.map((s, i) => {
          const current = s === stage;
          return (
            <li key={s} aria-current={current ? 'step' : undefined}>
              <Badge
                size="lg"
                radius="sm"
                variant={current ? 'filled' : i < reached ? 'light' : 'outline'}
                color={current || i < reached ? 'indigo' : 'gray'}
                styles={{ label: { textTransform: 'none' } }}
              >
                {i + 1}. {label('stages', s)}
                {current ? '(現在)' : ''}
              </Badge>
            </li>
          );
        })}
      </Group>
      {(stage === 'on_hold' || stage === 'lost') && (
        <Text mt={6} fw={700} c={stage === 'lost' ? 'red.9' : '#8a3106'}>
          現在: {label('stages', stage)}
          {stage === 'on_hold' && heldFromStage ? `(「${label('stages', heldFromStage)}」で保留中)` : ''}
        </Text>
      )}
    </div>
  );
}
