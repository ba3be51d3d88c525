import { DemoContext } from './demo-context';

/** About 60 prospects in every stage with visits and consultations (filled in by the pipeline work). */
export async function loadProspects(_ctx: DemoContext): Promise<void> {}
