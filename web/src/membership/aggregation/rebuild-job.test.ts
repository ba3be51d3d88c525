import { describe, expect, it } from 'vitest';
import { levelLabel, rebuildView } from './rebuild-job';

describe('a rebuild job for people', () => {
  it('says where it is, in Japanese, and whether to keep asking', () => {
    expect(rebuildView({ state: 'waiting', progress: 0 })).toEqual({ stateLabel: '順番待ち', percent: 0, finished: false, failed: false });
    expect(rebuildView({ state: 'active', progress: 42.4 })).toEqual({ stateLabel: '実行中', percent: 42, finished: false, failed: false });
    expect(rebuildView({ state: 'completed', progress: 90 })).toEqual({ stateLabel: '完了', percent: 100, finished: true, failed: false });
    expect(rebuildView({ state: 'failed', progress: 30 })).toEqual({ stateLabel: '失敗', percent: 30, finished: true, failed: true });
  });

  it('reads a progress that is not a number as nothing done yet', () => {
    expect(rebuildView({ state: 'active', progress: {} }).percent).toBe(0);
    expect(rebuildView({ state: 'active', progress: 140 }).percent).toBe(100);
  });

  it('names the rollup levels', () => {
    expect(levelLabel('regional_council')).toBe('地域連合');
    expect(levelLabel('unknown_level')).toBe('unknown_level');
  });
});
