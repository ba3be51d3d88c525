import { useRef, useState } from 'react';
import { Alert, Button, Group, List, Modal, NativeSelect, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessageJa } from '../api/errors';
import { SaveProblem } from '../forms/StaleNotice';
import { useApiForm } from '../forms/useApiForm';
import { formatDate, formatDateTime } from '../format/format';
import { useLabels } from '../labels/labels';
import { QueryState } from '../shell/QueryState';
import { PUSH_PROBLEM_TEXT, PushSetupError, pushSupported } from './push-device';
import {
  calendarQuery,
  notificationKeys,
  notificationSettingsQuery,
  pushPublicKeyQuery,
  readNotificationSettings,
  rotateCalendar,
  saveNotificationSettings,
  settingsInput,
  thisDeviceQuery,
  turnPushOff,
  turnPushOn,
  type NotificationSettings,
} from './queries';

const MAIL_FIELDS = { emailDigest: '毎朝のメール', digestHour: '送信時刻' } as const;
const valuesOf = (s: NotificationSettings) => ({ emailDigest: s.emailDigest, digestHour: String(s.digestHour) });

/** The last e-mail or push: its day, what became of it (the API's labels), how many follow-ups it listed, and when. */
function LastSend({ name, send }: { name: string; send: NotificationSettings['lastEmail'] }) {
  const label = useLabels();
  if (!send) return null;
  const when = send.finishedAt ? formatDateTime(send.finishedAt) : formatDate(send.day);
  const items = send.items === null ? '' : `(${send.items}件)`;
  return (
    <Text size="sm">
      前回の{name}: {when} {label('reminderSendStatuses', send.status)}
      {items}
    </Text>
  );
}

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${hour}時` }));

/** 通知設定 (everyone signed in): the morning mail and its hour, push to this device, and the calendar feed. */
export function NotificationsPage() {
  const settings = useQuery(notificationSettingsQuery);
  // said above the form, which starts again from each saved version
  const [mailSaved, setMailSaved] = useState<string>();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>通知設定</Title>
      <Text size="sm">次回予定日が来たフォローアップを、メール・この端末への通知・カレンダーでお知らせします。</Text>
      <QueryState isPending={settings.isPending} error={settings.error}>
        {() => {
          const current = settings.data as NotificationSettings;
          return (
            <>
              <MorningMail
                // a save (here or by the push switch) starts the form again from what was saved
                key={current.version}
                settings={current}
                saved={mailSaved}
                onSaved={setMailSaved}
              />
              <PushOnThisDevice settings={current} />
            </>
          );
        }}
      </QueryState>
      <CalendarFeed />
    </Stack>
  );
}

/** 毎朝のメール and 送信時刻 (Japan time), saved together. */
function MorningMail({ settings, saved, onSaved }: { settings: NotificationSettings; saved?: string; onSaved: (said: string | undefined) => void }) {
  const queryClient = useQueryClient();
  const { form, field, problem, formProps, saveProblem, saving } = useApiForm({
    initialValues: valuesOf(settings),
    save: (v, base = settings) => {
      onSaved(undefined);
      return saveNotificationSettings(settingsInput(base, { emailDigest: v.emailDigest, digestHour: Number(v.digestHour) }));
    },
    onSaved: (next) => {
      queryClient.setQueryData(notificationKeys.settings(), next);
      onSaved(next.emailDigest ? `保存しました。毎朝${next.digestHour}時(日本時間)にメールでお知らせします。` : `保存しました。毎朝のメールは送りません。`);
    },
    // saved meanwhile on another device: say what changed there, keep what was chosen here
    stale: {
      record: settings,
      reload: () => readNotificationSettings(),
      valuesOf,
      fields: MAIL_FIELDS,
      compared: (s) => ({ emailDigest: s.emailDigest, digestHour: s.digestHour }),
      inWords: (s, changed) => (changed === 'emailDigest' ? (s.emailDigest ? 'オン' : 'オフ') : `${s.digestHour}時`),
    },
  });
  const mailAvailable = settings.emailAvailable;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="morning-heading">
      <Title order={2} size="h3" id="morning-heading" mb="xs">
        毎朝のお知らせ
      </Title>
      <form {...formProps}>
        <Stack gap="sm">
          <SaveProblem {...saveProblem} />
          {saved && (
            <Alert color="teal" role="status">
              {saved}
            </Alert>
          )}
          {!mailAvailable && (
            <Alert color="gray" role="note">
              このサーバーではメールの送信が設定されていないため、毎朝のメールは送られません。使いたいときは管理者にお問い合わせください。
            </Alert>
          )}
          <Switch
            label="毎朝のメール"
            description={`次回予定日が今日のものと過ぎたものを、古い順に一通にまとめて ${settings.email} にお送りします。`}
            disabled={!mailAvailable}
            {...form.getInputProps('emailDigest', { type: 'checkbox' })}
            error={problem('emailDigest', 'emailDigest')}
          />
          <NativeSelect label="送信時刻" description="日本時間。メールとプッシュ通知はこの時刻に届きます。" data={HOURS} {...field('digestHour')} maw={320} />
          <LastSend name="メール" send={settings.lastEmail} />
          <Group>
            <Button type="submit" loading={saving}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Why turning push on or off failed, in Japanese: the device's problem, or the code of what the API refused (the subscription's field first). */
function pushProblemText(error: unknown): string {
  if (error instanceof PushSetupError) return PUSH_PROBLEM_TEXT[error.problem];
  if (error instanceof ApiError) {
    const field = ['endpoint', 'keys'].find((name) => error.fieldMessage(name));
    if (field) return error.fieldMessage(field) as string;
  }
  return errorMessageJa(error);
}

/** プッシュ通知 on this device: permission asked for only when the person turns it on. */
function PushOnThisDevice({ settings }: { settings: NotificationSettings }) {
  const queryClient = useQueryClient();
  const device = useQuery(thisDeviceQuery);
  // read ahead, so that turning the switch on asks for permission and subscribes without waiting on the network
  useQuery({ ...pushPublicKeyQuery, enabled: settings.pushAvailable && pushSupported() });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const toggle = useMutation({
    mutationFn: (on: boolean) => (on ? turnPushOn() : turnPushOff()),
    onMutate: () => setOutcome(undefined),
    onSuccess: (next) => {
      queryClient.setQueryData(notificationKeys.settings(), next);
      setOutcome({ ok: true, text: next.push ? 'この端末でプッシュ通知を受け取ります。' : 'この端末ではプッシュ通知を受け取りません。' });
    },
    onError: (error) => setOutcome({ ok: false, text: pushProblemText(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.thisDevice() }),
  });
  const supported = pushSupported();
  const subscribedHere = Boolean(device.data?.subscription);
  const on = settings.push && subscribedHere;
  const note = !settings.pushAvailable
    ? PUSH_PROBLEM_TEXT.unavailable
    : !supported
      ? PUSH_PROBLEM_TEXT.unsupported
      : device.data?.permission === 'denied'
        ? PUSH_PROBLEM_TEXT.denied
        : settings.push && device.data && !subscribedHere
          ? 'ほかの端末でプッシュ通知を受け取る設定になっています。この端末でも受け取るには、オンにしてください。'
          : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="push-heading">
      <Title order={2} size="h3" id="push-heading" mb="xs">
        この端末への通知
      </Title>
      <Stack gap="sm">
        {outcome && (
          <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        )}
        {note && !outcome && (
          <Alert color="gray" role="note">
            {note}
          </Alert>
        )}
        {settings.pushDevices > 0 && <Text size="sm">通知を受け取る端末: {settings.pushDevices}台</Text>}
        <LastSend name="プッシュ通知" send={settings.lastPush} />
        <Switch
          label="プッシュ通知"
          description="毎朝メールと同じ時刻に、今日のフォローアップをこの端末(ホーム画面に追加したアプリ)に通知します。オンにすると、端末が通知の許可を求めます。"
          checked={on}
          disabled={!settings.pushAvailable || !supported || device.isPending || toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}

/** カレンダーに登録: the person's secret feed address, its copy, and a new address when the old one got out. */
function CalendarFeed() {
  const queryClient = useQueryClient();
  const calendar = useQuery(calendarQuery);
  const urlField = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const rotate = useMutation({
    mutationFn: rotateCalendar,
    onMutate: () => setNotice(undefined),
    onSuccess: (next) => {
      queryClient.setQueryData(notificationKeys.calendar(), next);
      setConfirming(false);
      setNotice({ ok: true, text: '新しいURLを発行しました。前のURLはもう使えません。カレンダーアプリに新しいURLを登録し直してください。' });
    },
  });

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setNotice({ ok: true, text: 'URLをコピーしました。カレンダーアプリの「URLで追加」に貼り付けてください。' });
    } catch {
      urlField.current?.select();
      setNotice({ ok: false, text: 'コピーできませんでした。URLを長押し(パソコンでは選択)してコピーしてください。' });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-heading">
      <Title order={2} size="h3" id="calendar-heading" mb="xs">
        カレンダーに登録
      </Title>
      <QueryState isPending={calendar.isPending} error={calendar.error}>
        {() => {
          const url = calendar.data?.url ?? '';
          return (
            <Stack gap="sm">
              <Text size="sm">このURLをカレンダーアプリに登録すると、フォローアップの次回予定日が終日の予定として表示され、その日の朝8時に通知されます。</Text>
              {notice && (
                <Alert color={notice.ok ? 'teal' : 'yellow'} role="status">
                  {notice.text}
                </Alert>
              )}
              <TextInput ref={urlField} label="カレンダーのURL" value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
              <Group>
                <Button onClick={() => void copy(url)}>コピー</Button>
                <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                  URLを再発行
                </Button>
              </Group>
              <List size="sm" spacing={4}>
                <List.Item>Googleカレンダー: パソコンで「他のカレンダー」の「+」→「URLで追加」に貼り付けます。</List.Item>
                <List.Item>
                  iPhone: 「設定」→「カレンダー」→「アカウント」→「アカウントを追加」→「その他」→「照会するカレンダーを追加」に貼り付けます。
                </List.Item>
                <List.Item>Outlook: 「カレンダーを追加」→「Webから購読」に貼り付けます。</List.Item>
              </List>
              <Alert color="blue" role="note">
                Googleカレンダーは、登録したカレンダーを数時間ごとにしか読み込み直しません。訪問を記録して次回予定日を変えても、Googleカレンダーに出るまで数時間かかることがあります。
              </Alert>
              <Text size="sm">
                このURLを知っている人は、だれでもあなたの予定を見られます。ほかの人に教えないでください。知られたときは「URLを再発行」してください。
              </Text>
            </Stack>
          );
        }}
      </QueryState>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="URLを再発行しますか?">
        <Stack gap="sm">
          <Text size="sm">
            再発行すると、いまのURLはすぐに使えなくなり、登録済みのカレンダーには予定が出なくなります。新しいURLをカレンダーアプリに登録し直してください。
          </Text>
          {rotate.error && (
            <Alert color="red" role="alert">
              {errorMessageJa(rotate.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              キャンセル
            </Button>
            <Button color="red" loading={rotate.isPending} onClick={() => rotate.mutate()}>
              再発行する
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
