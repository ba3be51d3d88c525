import { Alert, Stack, Title } from '@mantine/core';

/** The organizer's day (follow-ups, prospects, visits): the phone tool comes next; for now its place. */
export function TodayPage() {
  return (
    <Stack>
      <Title order={1}>今日</Title>
      <Alert color="blue" title="準備中">
        オルガナイザー向けの画面(今日の予定、候補先、訪問の記録)は次の版で使えるようになります。
      </Alert>
    </Stack>
  );
}
