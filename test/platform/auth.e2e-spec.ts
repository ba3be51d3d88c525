import { JwtService } from '@nestjs/jwt';
import { makeUser } from '../support/factories';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';

describe('sign-in and the foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ loginMaxFailures: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('health answers 200 naming postgres and redis', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('signs in the first admin and returns the caller from /me without a password hash', async () => {
    const login = await t.request('POST', '/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(JSON.stringify(login.body)).not.toMatch(/password/i);
    const me = await t.request('GET', '/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: login.body.user.id,
      email: ADMIN.email,
      displayName: 'Administrator',
      role: 'admin',
      regionalCouncilId: null,
      federationId: null,
    });
  });

  it('refuses calls without a token or with a bad one', async () => {
    expect((await t.request('GET', '/me')).status).toBe(401);
    const bad = await t.request('GET', '/sectors', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it("accepts only unexpired tokens signed with this deployment's secret", async () => {
    const login = await t.request('POST', '/auth/login', { body: ADMIN });
    const sub = login.body.user.id;
    const signedWith = (secret: string, expiresIn: number): string => new JwtService({ secret }).sign({ sub }, { expiresIn });
    expect((await t.request('GET', '/me', { token: signedWith(t.config.jwtSecret, 60) })).status).toBe(200);
    expect((await t.request('GET', '/me', { token: signedWith('another-secret-0123456789', 60) })).status).toBe(401);
    expect((await t.request('GET', '/me', { token: signedWith(t.config.jwtSecret, -10) })).status).toBe(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.`;
    expect((await t.request('GET', '/me', { token: unsigned })).status).toBe(401);
  });

  it('names the field of a bad sign-in body', async () => {
    const res = await t.request('POST', '/auth/login', { body: { email: 'nope', password: 'x', extra: 1 } });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'extra']));
  });

  it('throttles repeated failed sign-ins for one address', async () => {
    const email = 'victim@test.rengo';
    for (let i = 0; i < 3; i++) {
      expect((await t.request('POST', '/auth/login', { body: { email, password: 'wrong-guess' } })).status).toBe(401);
    }
    const blocked = await t.request('POST', '/auth/login', { body: { email, password: 'wrong-guess' } });
    expect(blocked.status).toBe(429);
  });

  it('checks no more wrong passwords than the limit when they arrive at once, and then refuses the right one too', async () => {
    const user = await makeUser(t, 'leadership');
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => t.request('POST', '/auth/login', { body: { email: user.email, password: 'wrong-guess' } })),
    );
    const statuses = attempts.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(t.config.loginMaxFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - t.config.loginMaxFailures);
    const right = await t.request('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    expect(right.status).toBe(429);
  });

  it('serves the OpenAPI document with the bearer scheme', async () => {
    const res = await t.requestUntyped('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/sectors/{id}']));
  });
});
