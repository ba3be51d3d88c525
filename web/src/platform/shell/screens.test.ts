import { describe, expect, it } from 'vitest';
import { ACCOUNT_SCREENS, landingPath, mayUse, safeNext, screensFor } from './screens';

describe('screens per role', () => {
  it('lands each role on its first screen', () => {
    expect(landingPath('leadership')).toBe('/dashboard');
    expect(landingPath('admin')).toBe('/dashboard');
    expect(landingPath('regional')).toBe('/loss-causes');
    expect(landingPath('federation')).toBe('/members');
    expect(landingPath('organizer')).toBe('/today');
  });

  it('lists only the screens a role may use', () => {
    expect(screensFor('organizer').map((s) => s.title)).toEqual(['今日', '担当事業所', '企業グループ']);
    expect(screensFor('regional').map((s) => s.title)).toEqual(expect.arrayContaining(['担当事業所', '新規事業所', 'まちかど労働相談']));
    expect(screensFor('admin').map((s) => s.title)).toContain('ユーザー');
    expect(screensFor('federation').map((s) => s.title)).not.toContain('ユーザー');
    expect(screensFor('admin').map((s) => s.title)).toContain('集計');
    expect(screensFor('leadership').map((s) => s.title)).not.toContain('集計');
    // 監査ログ is the admins' alone
    expect(screensFor('admin').map((s) => s.title)).toContain('監査ログ');
    expect(screensFor('leadership').map((s) => s.title)).not.toContain('監査ログ');
    // 取込 sits next to 組合員数 for those who keep the membership figures
    expect(
      screensFor('federation')
        .map((s) => s.title)
        .slice(0, 2),
    ).toEqual(['組合員数', '取込']);
    expect(screensFor('admin').map((s) => s.title)).toContain('取込');
    expect(screensFor('leadership').map((s) => s.title)).not.toContain('取込');
    // council staff import their unions and prospects, after the screens of their daily work
    expect(screensFor('regional').map((s) => s.title)).toEqual([
      '減少要因',
      '担当事業所',
      '新規事業所',
      'まちかど労働相談',
      '取込',
      '組織',
      '企業グループ',
      'ジェンダー平等',
    ]);
    // 企業グループ is for every role
    for (const role of ['leadership', 'admin', 'regional', 'federation', 'organizer'] as const)
      expect(screensFor(role).map((s) => s.title)).toContain('企業グループ');
    expect(screensFor('organizer').map((s) => s.title)).not.toContain('取込');
  });

  it('opens 通知設定 to every role, outside the menu of screens', () => {
    for (const role of ['leadership', 'admin', 'regional', 'federation', 'organizer'] as const) {
      expect(mayUse(role, ACCOUNT_SCREENS.notifications)).toBe(true);
      expect(screensFor(role).map((s) => s.title)).not.toContain('通知設定');
    }
  });

  it('follows a return address only inside the console', () => {
    expect(safeNext('/members?x=1')).toBe('/members?x=1');
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example')).toBeUndefined();
    expect(safeNext('/login')).toBeUndefined();
  });
});
