import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { appendFile, chown, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..', '..');
const deploy = join(root, 'deploy');
/** The newest PostgreSQL installed from Debian's packages. */
const bin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0], 'bin');
/** PostgreSQL refuses to run as root: as root (CI), the clusters and pgBackRest run as the postgres user, owner of the folder. */
const owner = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};

/** The shipped pgbackrest.conf with the office server's settings replaced or added, section by section. */
function withSettings(template: string, settings: Record<string, Record<string, string>>): string {
  const sections = template.split(/^(?=\[)/m);
  for (const name of Object.keys(settings)) {
    if (!sections.some((section) => section.startsWith(`[${name}]`))) throw new Error(`pgbackrest.conf has no [${name}] section`);
  }
  return sections
    .map((section) => {
      const rest = { ...settings[/^\[(.+)\]/.exec(section)?.[1] ?? ''] };
      const lines = section
        .trimEnd()
        .split('\n')
        .map((line) => {
          const key = /^([\w-]+)=/.exec(line)?.[1];
          if (key === undefined || !(key in rest)) return line;
          const value = rest[key];
          delete rest[key];
          return `${key}=${value}`;
        });
      return [...lines, ...Object.entries(rest).map(([key, value]) => `${key}=${value}`), '', ''].join('\n');
    })
    .join('');
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The office server's point-in-time restore (deploy/README.md) on a private cluster: initdb on a
 * loopback port, WAL archived by deploy/postgresql/archiving.conf as shipped, into a pgBackRest
 * repository set up by deploy/pgbackrest/pgbackrest.conf with this test's paths. Everything lives
 * in one temporary folder, removed at the end.
 */
describe('point-in-time restore with pgBackRest', () => {
  let dir: string;
  let port: number;
  let env: NodeJS.ProcessEnv;
  let target: string;
  const running = new Set<string>();

  /** Runs a program as the clusters' owner; fails with everything it printed. */
  const run = (file: string, args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(file, args, { ...owner, cwd: dir, env, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${file} ${args.join(' ')}\n${stdout}${stderr}`)) : resolve(stdout),
      ),
    );
  const pgbackrest = (...args: string[]) => run('pgbackrest', ['--stanza=rengo', ...args]);
  const start = async (data: string, ...settings: string[]) => {
    const options = settings.length ? ['-o', settings.map((setting) => `-c ${setting}`).join(' ')] : [];
    await run(join(bin, 'pg_ctl'), ['-D', data, '-l', `${data}.log`, '-w', '-t', '30', ...options, 'start']);
    running.add(data);
  };
  const stop = async (data: string, mode = 'fast') => {
    await run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    running.delete(data);
  };
  const query = async <T>(sql: string): Promise<T[]> => {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const batches = () => query<{ batch: string; rows: number }>(`SELECT batch, count(*)::int AS rows FROM probe GROUP BY batch ORDER BY batch`);
  /** Until recovery has paused at its target or ended; then the rows are final. */
  const recovered = async () => {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const [state] = await query<{ recovering: boolean; pause: string | null }>(
        `SELECT pg_is_in_recovery() AS recovering, CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() END AS pause`,
      );
      if (!state.recovering || state.pause === 'paused') return state;
    }
    throw new Error('recovery neither paused nor ended in 30 s');
  };
  const ownedFolder = async (path: string) => {
    await mkdir(path, { mode: 0o700 });
    if (owner.uid !== undefined) await chown(path, owner.uid, owner.gid);
  };
  const restore = async (data: string, ...options: string[]) => {
    await ownedFolder(data);
    await pgbackrest(`--pg1-path=${data}`, ...options, 'restore');
  };

  beforeAll(() => execFileSync('bash', [join(root, 'scripts', 'ensure-pgbackrest.sh')], { stdio: 'inherit' }), 300_000);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rengo-pitr-'));
    if (owner.uid !== undefined) await chown(dir, owner.uid, owner.gid);
    port = await freeLoopbackPort();
    const config = join(dir, 'pgbackrest.conf');
    env = { PATH: process.env.PATH, PGBACKREST_CONFIG: config, LC_ALL: 'C.UTF-8', TZ: 'Asia/Tokyo' };
    for (const folder of ['repo', 'log', 'lock']) await ownedFolder(join(dir, folder));
    const template = await readFile(join(deploy, 'pgbackrest', 'pgbackrest.conf'), 'utf8');
    const settings = {
      global: { 'repo1-path': join(dir, 'repo'), 'log-path': join(dir, 'log'), 'lock-path': join(dir, 'lock') },
      rengo: { 'pg1-path': join(dir, 'primary'), 'pg1-port': String(port), 'pg1-socket-path': dir },
    };
    await writeFile(config, withSettings(template, settings));

    const primary = join(dir, 'primary');
    await run(join(bin, 'initdb'), ['-D', primary, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await copyFile(join(deploy, 'postgresql', 'archiving.conf'), join(primary, 'archiving.conf'));
    const local = [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      'max_connections = 20',
      `include 'archiving.conf'`,
    ];
    await appendFile(join(primary, 'postgresql.conf'), `\n${local.join('\n')}\n`);
    await start(primary);
    await pgbackrest('stanza-create');
    await query(`CREATE TABLE probe (batch text NOT NULL, n int NOT NULL)`);
    await pgbackrest('--type=full', 'backup');
    // pgBackRest restores to a time from the newest backup that stopped before it, to the second
    const [info] = JSON.parse(await pgbackrest('info', '--output=json')) as { backup: { timestamp: { stop: number } }[] }[];
    await new Promise((resolve) => setTimeout(resolve, (info.backup[0].timestamp.stop + 1) * 1000 - Date.now() + 50));

    await query(`INSERT INTO probe SELECT 'A', n FROM generate_series(1, 3) n`);
    [{ target }] = await query<{ target: string }>(`SELECT clock_timestamp()::text AS target`);
    await query(`INSERT INTO probe SELECT 'B', n FROM generate_series(1, 2) n`);
    // switches WAL segment and waits until the one holding B's commit is in the repository (a clean stop would archive it too)
    await pgbackrest('check');
    await stop(primary);
  }, 60_000);

  afterAll(async () => {
    for (const data of running) await stop(data, 'immediate').catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('to the end of the archive, both writes come back (so B did reach the archive)', async () => {
    const latest = join(dir, 'latest');
    await restore(latest);
    // only a control: with archiving off it adds no timeline to the repository for the next restore to follow
    await start(latest, 'archive_mode=off');
    expect(await recovered()).toEqual({ recovering: false, pause: null });
    expect(await batches()).toEqual([
      { batch: 'A', rows: 3 },
      { batch: 'B', rows: 2 },
    ]);
    await stop(latest);
  });

  it('to a time between the writes, as deploy/README.md says: A is there, B is not, and it promotes', async () => {
    const restored = join(dir, 'restored');
    await restore(restored, '--type=time', `--target=${target}`);
    await start(restored);
    expect(await recovered()).toEqual({ recovering: true, pause: 'paused' });
    expect(await batches()).toEqual([{ batch: 'A', rows: 3 }]);

    await query(`SELECT pg_wal_replay_resume()`);
    expect(await recovered()).toEqual({ recovering: false, pause: null });
    await query(`INSERT INTO probe VALUES ('after the restore', 1)`);
    expect(await batches()).toEqual([
      { batch: 'A', rows: 3 },
      { batch: 'after the restore', rows: 1 },
    ]);
  });
});
