import { OutboxStatus } from '../organizing/outbox/OutboxStatus';
import { Shell as PlatformShell } from '../platform/shell/Shell';

/**
 * The signed-in frame with what the areas put in it (the outbox's 「送信待ち」). App level, as
 * the router is: platform's shell imports no area, and this is where the areas join it.
 */
export function Shell() {
  return <PlatformShell status={<OutboxStatus />} />;
}
