import { Api, concurrently, rawGet, warmUp } from '../lib/http';
import { connect } from '../lib/database';
import { line, ms, summarize } from '../lib/stats';

/** One GET as a load generator makes it: the whole answer received (gzip), not parsed. */
async function load(client: Api, path: string): Promise<void> {
  const { status } = await rawGet(client.baseUrl, path, client.token);
  if (status !== 200) throw new Error(`GET ${path}: ${status}`);
}

/** Growth by federation over 60 months and goal progress under 16 clients, against plain SQL sums over the ledger. */
export async function measureReports(url: string, client: Api, first: string, last: string, members: number): Promise<void> {
  console.log(`\n## reports, 16 concurrent clients`);
  const sqlClients = await Promise.all(Array.from({ length: 16 }, () => connect(url)));
  try {
    const growthPath = `/reports/growth?groupBy=federation&from=${first}&to=${last}`;
    const answer = await client.call('GET', growthPath);
    line('growth answer', `${answer.groups.length} federations x ${answer.groups[0]?.months.length} months`);
    await warmUp(() => load(client, growthPath));
    const growth = summarize(await concurrently(16, 800, () => load(client, growthPath)));
    const growthSql = `SELECT u.federation_id, c.month, sum(c.delta) AS net,
                              sum(sum(c.delta)) OVER (PARTITION BY u.federation_id ORDER BY c.month) AS members
                       FROM membership_changes c JOIN unions u ON u.id = c.union_id
                       GROUP BY 1, 2`;
    const growthPlain = summarize(await concurrently(16, 32, (i) => sqlClients[i % 16].query(growthSql)));
    line('growth by federation p50 / p95 (target p95 <= 50 ms)', `${ms(growth.p50)} / ${ms(growth.p95)}`);
    line('plain SQL sum over the ledger p50 / p95', `${ms(growthPlain.p50)} / ${ms(growthPlain.p95)}`);
    line('ratio plain SQL / API (p50)', (growthPlain.p50 / growth.p50).toFixed(1));

    const goal = await client.call('POST', '/goals', {
      name: 'bench goal',
      targetMembers: Math.round(members * 1.1),
      targetOn: '2030-09-30',
      baselineOn: `${first}-01`,
      scope: {},
      milestones: [{ name: 'Phase II', dueOn: '2030-09-30', targetMembers: Math.round(members * 1.1) }],
    });
    const progressPath = `/goals/${goal.id}/progress`;
    await warmUp(() => load(client, progressPath));
    const progress = summarize(await concurrently(16, 800, () => load(client, progressPath)));
    const progressSql = `SELECT sum(delta) AS members,
                                sum(delta) FILTER (WHERE effective_on >= (date_trunc('month', now()) - interval '12 months')) AS trailing
                         FROM membership_changes`;
    const progressPlain = summarize(await concurrently(16, 32, (i) => sqlClients[i % 16].query(progressSql)));
    line('goal progress p50 / p95', `${ms(progress.p50)} / ${ms(progress.p95)}`);
    line('plain SQL sum over the ledger p50 / p95', `${ms(progressPlain.p50)} / ${ms(progressPlain.p95)}`);
    line('ratio plain SQL / API (p50)', (progressPlain.p50 / progress.p50).toFixed(1));
  } finally {
    await Promise.all(sqlClients.map((c) => c.end()));
  }
}
