import { ReminderItem, daysBetween, lastVisitPhrase, prospectLink, slashDate } from './reminder-items';

/** Most follow-ups one e-mail lists; the rest are counted and are on 今日. */
export const MAIL_ITEMS = 50;

export interface DigestContent {
  displayName: string;
  today: string;
  items: ReminderItem[];
  /** Council staff: the council's overdue follow-ups. */
  councilOverdue: number | null;
  publicUrl: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

export function overdueCount(content: Pick<DigestContent, 'items' | 'today'>): number {
  return content.items.filter((i) => i.nextActionOn < content.today).length;
}

/** 【フォロー】12/8 対応予定 3件（うち期限超過 2件） */
export function digestSubject(content: DigestContent): string {
  const overdue = overdueCount(content);
  return `【フォロー】${monthDay(content.today)} 対応予定 ${content.items.length}件${overdue ? `（うち期限超過 ${overdue}件）` : ''}`;
}

function dueText(item: ReminderItem, today: string): string {
  const late = daysBetween(item.nextActionOn, today);
  return `次回対応日 ${slashDate(item.nextActionOn)}${late > 0 ? `（${late}日超過）` : '（本日）'}`;
}

const title = (item: ReminderItem): string => `${item.employerName}${item.establishmentName ? ` ${item.establishmentName}` : ''}（${item.stageLabel}）`;

export function digestText(content: DigestContent): string {
  const shown = content.items.slice(0, MAIL_ITEMS);
  const lines = [
    `${content.displayName} さん`,
    '',
    `${slashDate(content.today)} までに対応予定の組織化対象が ${content.items.length} 件あります（古い順）。`,
    '',
  ];
  shown.forEach((item, i) => {
    lines.push(
      `${i + 1}. ${title(item)}`,
      `   ${dueText(item, content.today)}`,
      `   ${lastVisitPhrase(item)}`,
      `   ${prospectLink(content.publicUrl, item.prospectId)}`,
      '',
    );
  });
  if (content.items.length > shown.length) lines.push(`ほか ${content.items.length - shown.length} 件は「今日」の画面でご覧ください。`, '');
  if (content.councilOverdue !== null) lines.push(`地域連合全体の期限超過: ${content.councilOverdue} 件`, '');
  lines.push(`今日の一覧: ${content.publicUrl}/today`, '', 'このメールは通知設定の「毎朝のメール」で送っています。止めるには通知設定でオフにしてください。');
  return lines.join('\n');
}

export function digestHtml(content: DigestContent): string {
  const shown = content.items.slice(0, MAIL_ITEMS);
  const rows = shown
    .map((item) => {
      const link = escapeHtml(prospectLink(content.publicUrl, item.prospectId));
      return `<li style="margin-bottom:12px"><a href="${link}">${escapeHtml(title(item))}</a><br>${escapeHtml(dueText(item, content.today))}<br>${escapeHtml(lastVisitPhrase(item))}</li>`;
    })
    .join('\n');
  const more = content.items.length > shown.length ? `<p>ほか ${content.items.length - shown.length} 件は「今日」の画面でご覧ください。</p>` : '';
  const council = content.councilOverdue !== null ? `<p>地域連合全体の期限超過: <strong>${content.councilOverdue} 件</strong></p>` : '';
  const today = escapeHtml(`${content.publicUrl}/today`);
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(digestSubject(content))}</title></head>
<body style="font-family:sans-serif;line-height:1.6">
<p>${escapeHtml(content.displayName)} さん</p>
<p>${slashDate(content.today)} までに対応予定の組織化対象が ${content.items.length} 件あります（古い順）。</p>
<ol>
${rows}
</ol>
${more}${council}<p><a href="${today}">今日の一覧を開く</a></p>
<p style="color:#555;font-size:small">このメールは通知設定の「毎朝のメール」で送っています。止めるには通知設定でオフにしてください。</p>
</body></html>
`;
}
