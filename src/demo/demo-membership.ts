import { DemoContext } from './demo-context';

/** 24 months of membership history for the demo unions, goals and milestones (filled in by the ledger work). */
export async function loadMembershipHistory(_ctx: DemoContext): Promise<void> {}
