import { startTransition, useEffect, useMemo, useState } from 'react';
import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { dueLabel, oldestFirst } from '../pipeline/follow-ups';
import { followUpsQuery, type FollowUp } from '../queries';

/** One follow-up: employer, how late, stage, the day it was due and what the last visit found (the look: follow-up-card.css, loaded by main.tsx). */
function FollowUpCard({ item }: { item: FollowUp }) {
  const overdue = item.daysOverdue > 0;
  const last = item.lastVisit;
  return (
    <Link to="/prospects/$id" params={{ id: item.id }} data-testid="follow-up" className="follow-up" data-overdue={overdue || undefined}>
      <div className="follow-up__card">
        <div className="follow-up__head">
          <p className="follow-up__employer">{item.employerName}</p>
          <Badge color={overdue ? 'red' : 'blue'} variant={overdue ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
            {dueLabel(item.daysOverdue)}
          </Badge>
        </div>
        <p className="follow-up__line follow-up__stage">
          {item.establishmentName ? `${item.establishmentName}・` : ''}
          {item.stageLabel}
        </p>
        <p className="follow-up__line">
          予定日 {item.nextActionOn ? formatDate(item.nextActionOn) : '-'}
          {overdue && <span className="follow-up__overdue">(期限超過)</span>}
        </p>
        <p className="follow-up__line">
          {last
            ? `前回 ${formatDate(last.occurredOn)} ${last.kindLabel}:${last.outcomeLabel ?? '結果未記入'}・${last.supportLevelLabel ?? '支持度未記入'}`
            : 'まだ訪問の記録がありません'}
        </p>
      </div>
    </Link>
  );
}

/** The cards a phone shows before scrolling: drawn at once, the rest just after (see FollowUpList). */
const FIRST_SCREEN = 4;

/**
 * The follow-ups as cards. The first screenful is drawn with the page; the rest once it is
 * shown, in work React may interrupt, so a slow phone paints the first cards sooner and stays
 * responsive while the others are drawn (the frame, the heading and a few dozen cards in one
 * go took one task of about 250 ms at a mid-range phone's speed). A state set after the first
 * drawing, not `useDeferredValue`: the page itself is drawn in background work (DrawnInSlices),
 * where a deferred value is not deferred.
 */
function FollowUpList({ items }: { items: FollowUp[] }) {
  const [all, setAll] = useState(false);
  useEffect(() => startTransition(() => setAll(true)), []);
  const shown = all ? items : items.slice(0, FIRST_SCREEN);
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {shown.map((item) => (
        <li key={item.id}>
          <FollowUpCard item={item} />
        </li>
      ))}
    </Stack>
  );
}

/** 今日: the organizer's follow-ups due today and overdue, the longest waiting first; a tap opens the workplace. */
export function TodayPage() {
  const followUps = useQuery(followUpsQuery);
  const items = useMemo(() => oldestFirst(followUps.data?.items ?? []), [followUps.data]);
  return (
    <Stack>
      <Title order={1}>今日</Title>
      <QueryState isPending={followUps.isPending} error={followUps.error}>
        {() => {
          if (items.length === 0) return <Text>今日予定されている対応はありません。</Text>;
          const overdue = items.filter((i) => i.daysOverdue > 0).length;
          return (
            <Stack gap="sm">
              <Text size="sm" aria-live="polite">
                対応予定 {items.length}件(うち期限超過 {overdue}件)
              </Text>
              <FollowUpList items={items} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
