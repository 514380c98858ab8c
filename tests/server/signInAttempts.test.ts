import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiErrorSchema } from '../../src/protocol/errors';
import { APP_VERSION } from '../../src/protocol/version';
import { FREE_ATTEMPTS, USER_CEILING, USER_SLOW_SECONDS } from '../../src/server/security/signInThrottle';
import { appOn, databaseKinds, seededDatabase, SMALL_MAIN, type TestDatabase } from './testServer';
import { startServerProcess, type ServerProcess } from './serverProcessHelper';

// Every PIN check is counted: a guess held back must never reach the hash.
const pinChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/server/security/pinHash', async (original) => {
  const real = await original<typeof import('../../src/server/security/pinHash')>();
  return { ...real, verifyPin: (pin: string, stored: string) => ((pinChecks.count += 1), real.verifyPin(pin, stored)) };
});

const body = (username: string, pin: string) => ({ username, pin, deviceId: randomUUID(), appVersion: APP_VERSION });

describe.each(databaseKinds)('sign-in attempts on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });
  beforeEach(() => void (pinChecks.count = 0));

  const attempt = (remoteAddress: string, username: string, pin: string) => app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: body(username, pin) });

  it('counts 30 wrong PINs sent at once as 30 attempts: 5 are checked, the rest and the right PIN after them are held back', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, n) => attempt('10.1.0.1', 'picker1', String(2000 + n))));
    const codes = guesses.map((g) => g.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(FREE_ATTEMPTS - 1);
    expect(codes.filter((c) => c === 429)).toHaveLength(30 - (FREE_ATTEMPTS - 1));
    expect(pinChecks.count).toBe(FREE_ATTEMPTS);
    const right = await attempt('10.1.0.1', 'picker1', '1111');
    expect(right.statusCode).toBe(429);
    expect(apiErrorSchema.parse(right.json()).error).toMatchObject({ reason: 'too-many-attempts', message: expect.stringMatching(/^Too many wrong PINs for picker1\. Try again in \d+ seconds, or ask a supervisor\.$/) });
    expect(apiErrorSchema.parse(right.json()).error.busy).toBeUndefined();
    expect(pinChecks.count).toBe(FREE_ATTEMPTS);
  });

  it('answers right PINs sent at once (a shift behind one address, a double tap) without blaming wrong PINs, and lets the next one in', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt('10.9.0.1', 'counter1', '2222')));
    for (const answer of answers.filter((a) => a.statusCode !== 200)) {
      expect(answer.statusCode).toBe(429);
      expect(apiErrorSchema.parse(answer.json()).error.message).toMatch(/^Many sign-ins are being checked at once for counter1\. Try again in \d+ seconds\.$/);
      // Marked busy, so the app sends it again by itself (sync/signIn.ts).
      expect(apiErrorSchema.parse(answer.json()).error.busy).toBe(true);
    }
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(FREE_ATTEMPTS - 1);
    expect((await attempt('10.9.0.1', 'counter1', '2222')).statusCode).toBe(200);
  });

  it('locks a user at one address only: the same user signs in from another handheld\'s address', async () => {
    for (let n = 0; n < FREE_ATTEMPTS; n++) await attempt('10.2.0.1', 'counter1', '0000');
    expect((await attempt('10.2.0.1', 'counter1', '2222')).statusCode).toBe(429);
    expect((await attempt('10.2.0.2', 'counter1', '2222')).statusCode).toBe(200);
    // Signing in elsewhere does not lift the lock where the wrong PINs came from.
    expect((await attempt('10.2.0.1', 'counter1', '2222')).statusCode).toBe(429);
  });

  it('slows, not locks, a user name guessed from many addresses past its ceiling, and counts the unchecked tries nowhere', async () => {
    const addresses = USER_CEILING / FREE_ATTEMPTS;
    const answers: number[] = [];
    for (let a = 0; a < addresses; a++) for (let n = 0; n < FREE_ATTEMPTS; n++) answers.push((await attempt(`10.3.0.${a}`, 'super1', '0000')).statusCode);
    expect(answers.at(-1)).toBe(429);
    expect(pinChecks.count).toBe(USER_CEILING);
    // A fresh address: held back too, with how long, and the PIN is not checked.
    const slowed = await attempt('10.3.1.1', 'super1', '9999');
    expect(slowed.statusCode).toBe(429);
    const { error } = apiErrorSchema.parse(slowed.json());
    expect(error.message).toMatch(/^Too many wrong PINs for super1 from several devices: one try a minute for now\. Try again in \d+ seconds, or ask a supervisor\.$/);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(USER_SLOW_SECONDS);
    expect(pinChecks.count).toBe(USER_CEILING);
    // When the minute is up, one try gets through (here the right PIN); the next waits its minute again.
    await test.db.query(`update signin_attempts set blocked_until = now() - interval '1 second' where scope = 'user' and username = 'super1'`);
    expect((await attempt('10.3.1.2', 'super1', '1234')).statusCode).toBe(429);
    expect((await attempt('10.3.1.3', 'super1', '9999')).statusCode).toBe(429);
    await test.db.query(`update signin_attempts set blocked_until = now() - interval '1 second' where scope = 'user' and username = 'super1'`);
    expect((await attempt('10.3.1.3', 'super1', '9999')).statusCode).toBe(200);
    expect(pinChecks.count).toBe(USER_CEILING + 2);
  });

  it('throttles an unknown user name exactly like a known one: same answers, same checks', async () => {
    const answersFor = async (address: string, username: string) => {
      const answers: { status: number; error: unknown }[] = [];
      for (let n = 0; n < FREE_ATTEMPTS + 2; n++) {
        const response = await attempt(address, username, '0000');
        const { retryAfterSeconds, ...error } = apiErrorSchema.parse(response.json()).error;
        if (response.statusCode === 429) expect(retryAfterSeconds).toBeGreaterThan(0);
        // The same words but for the name and the seconds left (which tick on between the two runs).
        answers.push({ status: response.statusCode, error: { ...error, message: error.message.replace(username, 'NAME').replace(/\d+ seconds/, 'N seconds') } });
      }
      return answers;
    };
    const known = await answersFor('10.4.0.1', 'counter1');
    const checksForKnown = pinChecks.count;
    const unknown = await answersFor('10.4.0.2', 'nobody-here');
    expect(unknown).toEqual(known);
    expect(pinChecks.count - checksForKnown).toBe(checksForKnown);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
  });
});

describe.each(databaseKinds.filter((kind) => kind === 'postgres'))('two server processes on one %s', (kind) => {
  let test: TestDatabase;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    servers = await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: test.url!, SIGNIN_RATE_PER_MINUTE: '12' })));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await test.drop();
  });

  const post = async (server: ServerProcess, username: string, pin: string) => {
    const response = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body(username, pin)) });
    return { status: response.status, error: response.status === 200 ? null : apiErrorSchema.parse(await response.json()).error };
  };

  it('counts guesses spread over both together: the user lock, then the address brake', async () => {
    // Eight wrong PINs at once, four to each server: five are checked, the fifth locks.
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, n) => post(servers[n % 2]!, 'picker1', String(3000 + n))));
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(FREE_ATTEMPTS - 1);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(8 - (FREE_ATTEMPTS - 1));
    for (const server of servers) expect((await post(server, 'picker1', '1111')).error?.reason).toBe('too-many-attempts');
    // The address has five wrong PINs from both servers; its brake is 12 a minute over every name.
    const stuffing: number[] = [];
    for (let n = 0; n < 7; n++) stuffing.push((await post(servers[n % 2]!, `stuffed-${n}`, '0000')).status);
    expect(stuffing).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const braked = await post(servers[1]!, 'counter1', '2222');
    expect(braked.status).toBe(429);
    expect(braked.error?.message).toMatch(/^Too many wrong PINs from this network\. Try again in \d+ seconds, or ask a supervisor\.$/);
  });
});
