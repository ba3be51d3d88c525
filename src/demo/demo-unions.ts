import { DemoContext } from './demo-context';

/** About 150 plausible unions spread over the councils and federations (filled in by the structure work). */
export async function loadUnions(_ctx: DemoContext): Promise<void> {}
