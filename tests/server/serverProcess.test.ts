import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The server as `npm run serve` runs it: a real process, over TLS, stopped by a signal.
// Embedded database only: what is tested here does not depend on the database.

async function waitFor(check: () => Promise<boolean>, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function httpsGet(port: number, path: string, ca: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca, servername: 'localhost' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handheld-process-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let server: ChildProcess;
  let output = '';
  let exitCode: Promise<number | null>;

  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', HTTPS: '1', STATIC_DIR: join(dataDir, 'no-app'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exitCode = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    await waitFor(async () => output.includes('Server listening'), 'the server to listen');
  });

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves HTTPS with a certificate from its own authority, which it hands out at /ca.crt', async () => {
    const ca = readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8');
    const health = await httpsGet(port, '/api/health', ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true, db: 'pglite' });
    expect(health.headers['strict-transport-security']).toContain('max-age=');
    const caDownload = await httpsGet(port, '/ca.crt', ca);
    expect(caDownload.body).toBe(ca);
    expect(caDownload.headers['content-type']).toBe('application/x-x509-ca-cert');
  });

  it('writes structured logs without tokens or PINs', () => {
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(output).toContain('"msg":"database ready"');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const body = JSON.stringify({ username: 'picker1', pin: '0000', deviceId: randomUUID(), appVersion: 'test' });
    const { connect: tlsConnect } = await import('node:tls');
    const ca = readFileSync(join(dataDir, 'tls', 'ca.crt'), 'utf8');
    const socket = tlsConnect({ host: '127.0.0.1', port, ca, servername: 'localhost' });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', () => resolve()).once('error', reject));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    // Half a request: headers and part of the body; the rest after the signal.
    socket.write(`POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 300));
    server.kill('SIGTERM');
    await waitFor(async () => output.includes('shutting down'), 'the shutdown to begin', 10_000);
    socket.write(body.slice(20));
    await new Promise((resolve) => socket.once('close', resolve));
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(response).toContain('User or PIN is wrong');
    expect(await exitCode).toBe(0);
    expect(output).toContain('"msg":"server closed"');
    // A new connection is refused once it is gone.
    await expect(
      new Promise((resolve, reject) => connect({ host: '127.0.0.1', port }).once('connect', resolve).once('error', reject)),
    ).rejects.toThrow();
  });
});
