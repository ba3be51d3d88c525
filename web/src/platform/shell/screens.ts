import type { Me } from '../auth/session';

export type Role = Me['role'];

/** A screen of the console, who may use it, and its name (its h1 and its link). */
export interface Screen {
  path: string;
  title: string;
  roles: readonly Role[];
}

export const SCREENS = {
  dashboard: { path: '/dashboard', title: 'ダッシュボード', roles: ['leadership', 'admin'] },
  goals: { path: '/goals', title: '目標', roles: ['leadership', 'admin'] },
  lossCauses: { path: '/loss-causes', title: '減少要因', roles: ['regional', 'leadership', 'admin'] },
  members: { path: '/members', title: '組合員数', roles: ['federation', 'admin'] },
  today: { path: '/today', title: '今日', roles: ['organizer'] },
  prospects: { path: '/prospects', title: '担当事業所', roles: ['organizer', 'regional'] },
  newProspect: { path: '/prospects/new', title: '新規事業所', roles: ['regional'] },
  consultations: { path: '/consultations', title: 'まちかど労働相談', roles: ['regional'] },
  // after the council's own screens for its staff, beside 組合員数 for federations
  imports: { path: '/imports', title: '取込', roles: ['federation', 'regional', 'admin'] },
  structure: { path: '/structure', title: '組織', roles: ['admin', 'leadership', 'regional', 'federation'] },
  companyGroups: { path: '/company-groups', title: '企業グループ', roles: ['leadership', 'admin', 'regional', 'federation', 'organizer'] },
  genderEquality: { path: '/gender-equality', title: 'ジェンダー平等', roles: ['leadership', 'admin', 'federation', 'regional'] },
  periods: { path: '/admin/periods', title: '月次締め', roles: ['leadership', 'admin'] },
  users: { path: '/admin/users', title: 'ユーザー', roles: ['admin'] },
  auditLog: { path: '/admin/audit', title: '監査ログ', roles: ['admin'] },
  aggregation: { path: '/admin/aggregation', title: '集計', roles: ['admin'] },
} as const satisfies Record<string, Screen>;

export type ScreenKey = keyof typeof SCREENS;

/** The person's own settings, for every role: reached from the header, not listed in the menu of screens. */
export const ACCOUNT_SCREENS = {
  notifications: { path: '/settings/notifications', title: '通知設定', roles: ['leadership', 'admin', 'regional', 'federation', 'organizer'] },
} as const satisfies Record<string, Screen>;

export function mayUse(role: Role, screen: Screen): boolean {
  return screen.roles.includes(role);
}

/** The screens a role sees in the menu, in menu order. */
export function screensFor(role: Role): Screen[] {
  return Object.values(SCREENS).filter((s: Screen) => mayUse(role, s));
}

/** Where a person lands after signing in. */
export function landingPath(role: Role): string {
  switch (role) {
    case 'leadership':
    case 'admin':
      return SCREENS.dashboard.path;
    case 'regional':
      return SCREENS.lossCauses.path;
    case 'federation':
      return SCREENS.members.path;
    case 'organizer':
      return SCREENS.today.path;
  }
}

/** A `next` address after sign-in is followed only within the console. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return undefined;
  return next;
}
