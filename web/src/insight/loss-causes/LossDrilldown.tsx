import { Button, Modal, Stack } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { formatMonth, formatNumber } from '../../platform/format/format';
import { CauseUnions, type LossUnion } from './CauseUnions';
import { LossLedgerRows } from './LossLedgerRows';

type Cause = Schemas['LossCauseDto'];

/** What is open: a cause's unions, or a union's ledger rows (of the cause, when it came from one). */
export interface Drill {
  cause?: Cause;
  union?: LossUnion;
}

interface Props {
  drill: Drill | undefined;
  onChange: (drill: Drill | undefined) => void;
  from: string;
  to: string;
  regionalCouncilId?: string;
}

/** One dialog for the drill-down: cause → the unions behind it → the ledger rows behind a union's figure. */
export function LossDrilldown({ drill, onChange, from, to, regionalCouncilId }: Props) {
  const period = `${formatMonth(from)}〜${formatMonth(to)}`;
  const cause = drill?.cause;
  const union = drill?.union;
  const title = union
    ? `${union.name}の減少(${cause ? cause.label : '全要因'}、${period}、${formatNumber(union.members)}人)`
    : cause
      ? `${cause.label}で減少した単組(${period}、${formatNumber(cause.members)}人)`
      : '';
  return (
    <Modal opened={Boolean(drill)} onClose={() => onChange(undefined)} title={title} size="xl">
      <Stack gap="sm">
        {union ? (
          <>
            {cause && (
              <Button variant="default" size="compact-sm" w="fit-content" onClick={() => onChange({ cause })}>
                単組の一覧に戻る
              </Button>
            )}
            <LossLedgerRows unionId={union.unionId} cause={cause?.cause} from={from} to={to} members={union.members} />
          </>
        ) : (
          cause && <CauseUnions cause={cause} from={from} to={to} regionalCouncilId={regionalCouncilId} onOpenUnion={(u) => onChange({ cause, union: u })} />
        )}
      </Stack>
    </Modal>
  );
}
