/**
 * The signed-in frame's chunk: the frame (Shell), 今日 (the organizer's first screen) and the
 * way to every other signed-in screen's code. The router loads each screen through here
 * (`screenCode` in web/src/router.tsx), so the bundler knows this chunk is in memory before any
 * screen's: what the screens share with the frame and 今日 (Mantine's Card, Badge, Divider, the
 * queries, ...) is built into this one file instead of a dozen of one or two KB, which a phone
 * on a slow line would ask for a few at a time. The sign-in page loads none of it.
 */
export { Shell } from './Shell';
export { TodayPage } from '../organizing/today/TodayPage';

/** Each screen's component, loaded when the router first needs it. */
export const screens = {
  DashboardPage: () => import('../insight/dashboard/DashboardPage').then((code) => code.DashboardPage),
  GoalsPage: () => import('../insight/goals/GoalsPage').then((code) => code.GoalsPage),
  LossCausesPage: () => import('../insight/loss-causes/LossCausesPage').then((code) => code.LossCausesPage),
  GenderEqualityPage: () => import('../insight/gender/GenderEqualityPage').then((code) => code.GenderEqualityPage),
  MembersPage: () => import('../membership/members/MembersPage').then((code) => code.MembersPage),
  ImportsPage: () => import('../membership/imports/ImportsPage').then((code) => code.ImportsPage),
  PeriodsPage: () => import('../membership/periods/PeriodsPage').then((code) => code.PeriodsPage),
  AggregationPage: () => import('../membership/aggregation/AggregationPage').then((code) => code.AggregationPage),
  ProspectsPage: () => import('../organizing/prospects/ProspectsPage').then((code) => code.ProspectsPage),
  NewProspectPage: () => import('../organizing/prospects/NewProspectPage').then((code) => code.NewProspectPage),
  ProspectPage: () => import('../organizing/prospects/ProspectPage').then((code) => code.ProspectPage),
  ConsultationsPage: () => import('../organizing/consultations/ConsultationsPage').then((code) => code.ConsultationsPage),
  CompanyGroupsPage: () => import('../organizing/company-groups/CompanyGroupsPage').then((code) => code.CompanyGroupsPage),
  CompanyGroupPage: () => import('../organizing/company-groups/CompanyGroupPage').then((code) => code.CompanyGroupPage),
  StructurePage: () => import('../structure/StructurePage').then((code) => code.StructurePage),
  UsersPage: () => import('../platform/admin/UsersPage').then((code) => code.UsersPage),
  UserPage: () => import('../platform/admin/users/UserPage').then((code) => code.UserPage),
  AuditLogPage: () => import('./AuditLogPage').then((code) => code.AuditLogPage),
  NotificationsPage: () => import('../platform/notifications/NotificationsPage').then((code) => code.NotificationsPage),
};
