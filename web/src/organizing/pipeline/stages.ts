/**
 * The prospect path as the organizer's screens show it, and the moves the API allows
 * (the same rules as the server's stage rules), with each refusal said in Japanese.
 * Pure functions.
 */
export const PATH_STAGES = ['identified', 'contacted', 'engaged', 'committee', 'founded', 'affiliated'] as const;
export const WORKING_STAGES = ['identified', 'contacted', 'engaged', 'committee', 'founded'] as const;
export const ALL_STAGES = [...PATH_STAGES, 'on_hold', 'lost'] as const;

export type Stage = (typeof ALL_STAGES)[number];

export interface StageState {
  stage: Stage;
  /** While on hold: the working stage it was paused at. */
  heldFromStage: Stage | null;
}

/** Position on the path (候補把握 0 … 加盟 5); -1 for 保留 and 断念. */
export const stageIndex = (stage: Stage): number => (PATH_STAGES as readonly string[]).indexOf(stage);
const isWorking = (stage: Stage): boolean => (WORKING_STAGES as readonly string[]).includes(stage);
const isClosed = (stage: Stage): boolean => stage === 'affiliated' || stage === 'lost';

/** The rules, as the 「ステージを変更」 form explains them. */
export const STAGE_RULES_JA = [
  'ステージは1段階ずつ進めるか、1段階ずつ戻します(飛び越しはできません)。',
  '「保留」には進行中のどのステージからでも移せます。保留からは、保留にした時のステージかそれより前に戻します。',
  '「断念」には進行中・保留のどのステージからでも移せます。理由の記入が必要です。',
  '「加盟」は「結成」からだけ、加盟手続(雇用形態別の組合員数)で記録します。地域連合の事務局が行います。',
  '「加盟」「断念」になった事業所を再開できるのは地域連合の事務局だけです。',
] as const;

export type MoveDecision = { allowed: true; via: 'move' | 'affiliate' } | { allowed: false; reason: string };

/**
 * May the prospect in `current` go to `to`, and how: an ordinary move, or (to 加盟) the
 * affiliation form. `label` names stages in Japanese for the reason.
 */
export function decideMove(current: StageState, to: Stage, label: (stage: Stage) => string): MoveDecision {
  const from = current.stage;
  if (from === to) return { allowed: false, reason: `すでに「${label(from)}」です。` };
  if (isClosed(from)) return { allowed: false, reason: `「${label(from)}」の事業所は、地域連合の事務局による再開でだけ動かせます。` };
  if (to === 'affiliated') {
    return from === 'founded'
      ? { allowed: true, via: 'affiliate' }
      : { allowed: false, reason: `「加盟」には「結成」からだけ進めます(今は「${label(from)}」)。先に「結成」まで進めてください。` };
  }
  if (to === 'lost') return { allowed: true, via: 'move' };
  if (to === 'on_hold') {
    return isWorking(from) ? { allowed: true, via: 'move' } : { allowed: false, reason: `「${label(from)}」の事業所は保留にできません。` };
  }
  if (from === 'on_hold') {
    const limit = current.heldFromStage ?? 'founded';
    return stageIndex(to) <= stageIndex(limit)
      ? { allowed: true, via: 'move' }
      : { allowed: false, reason: `保留からは、保留にした時の「${label(limit)}」かそれより前のステージに戻します。` };
  }
  const step = stageIndex(to) - stageIndex(from);
  if (step === 1 || step === -1) return { allowed: true, via: 'move' };
  return { allowed: false, reason: `ステージは1段階ずつしか動かせません。「${label(from)}」から「${label(to)}」へは${Math.abs(step)}段階です。` };
}

/** The stages the prospect may go to next, in path order (保留 and 断念 last). */
export function allowedNextStages(current: StageState): Stage[] {
  return ALL_STAGES.filter((to) => decideMove(current, to, String).allowed);
}

/** A move to 断念 must say why. */
export const needsNote = (to: Stage): boolean => to === 'lost';

const DAY_MS = 86_400_000;

/** Whole days between two calendar dates (YYYY-MM-DD): `to` − `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days a prospect has been in its stage, counted in Japan calendar days (0 on the day it moved). */
export function daysInStage(stageChangedAt: string, today: string): number {
  const movedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(stageChangedAt),
  );
  return Math.max(0, daysBetween(movedOn, today));
}

/** Prospects grouped by stage, in path order then 保留 and 断念; empty stages kept (a board shows them). */
export function groupByStage<T extends { stage: Stage }>(items: readonly T[]): { stage: Stage; items: T[] }[] {
  return ALL_STAGES.map((stage) => ({ stage, items: items.filter((i) => i.stage === stage) }));
}
