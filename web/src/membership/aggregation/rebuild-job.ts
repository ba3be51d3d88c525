import type { Schemas } from '../../platform/api/client';

type Job = Schemas['JobDto'];

const STATES: Record<string, string> = {
  waiting: '順番待ち',
  prioritized: '順番待ち',
  delayed: '順番待ち',
  'waiting-children': '順番待ち',
  active: '実行中',
  completed: '完了',
  failed: '失敗',
};

/** A rebuild as the screen shows it: its state in Japanese, its percent, and whether to keep asking. */
export interface RebuildView {
  stateLabel: string;
  percent: number;
  finished: boolean;
  failed: boolean;
}

/** The queue's job, for people: a finished rebuild is at 100%, whatever it last reported. */
export function rebuildView(job: Pick<Job, 'state' | 'progress'>): RebuildView {
  const finished = job.state === 'completed' || job.state === 'failed';
  const reported = typeof job.progress === 'number' ? job.progress : 0;
  const percent = job.state === 'completed' ? 100 : Math.max(0, Math.min(100, Math.round(reported)));
  return { stateLabel: STATES[job.state] ?? job.state, percent, finished, failed: job.state === 'failed' };
}

const LEVELS: Record<string, string> = {
  total: '全体',
  federation: '構成組織',
  regional_council: '地域連合',
  sector: '産業別部門連絡会',
  federation_council: '構成組織(地域連合別)',
};

/** A rollup level (invariant report) in Japanese. */
export const levelLabel = (level: string): string => LEVELS[level] ?? level;
