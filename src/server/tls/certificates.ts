/**
 * HTTPS for phones on the warehouse network. The camera and the service worker
 * need a secure context, and handhelds reach the server by its LAN address, so a
 * public certificate rarely fits. Unless a certificate is given by path, the server
 * makes a small local certificate authority once (kept in DATA_DIR/tls) and a server
 * certificate signed by it for localhost, this host's name and its current LAN
 * addresses. Phones trust the authority once (README: "Phones on the warehouse
 * network"); when the server's addresses change, a new server certificate is made
 * under the same authority, so phones need not be set up again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
  /** The authority's certificate a phone installs; null when a certificate was given by path. */
  readonly caCert: string | null;
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => !address.internal || address.address === '127.0.0.1')
    .map((address) => address.address);
}

function years(n: number): Date {
  const date = new Date();
  date.setFullYear(date.getFullYear() + n);
  return date;
}

async function makeAuthority(dir: string): Promise<{ key: string; cert: string }> {
  const ca = await generate([{ name: 'commonName', value: `Warehouse handheld local CA (${hostname()})` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: years(10),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  writeFileSync(join(dir, 'ca-key.pem'), ca.private, { mode: 0o600 });
  writeFileSync(join(dir, 'ca.crt'), ca.cert);
  return { key: ca.private, cert: ca.cert };
}

function coversAll(certPem: string, names: readonly string[], ips: readonly string[]): boolean {
  const cert = new X509Certificate(certPem);
  const san = cert.subjectAltName ?? '';
  const stillValid = new Date(cert.validTo).getTime() > Date.now() + 30 * 86_400_000;
  return stillValid && names.every((name) => san.includes(`DNS:${name}`)) && ips.every((ip) => san.includes(`IP Address:${ip}`));
}

export async function loadTls(options: { dataDir: string; certFile?: string | undefined; keyFile?: string | undefined }): Promise<TlsMaterial> {
  if (options.certFile && options.keyFile) {
    return { cert: readFileSync(options.certFile, 'utf8'), key: readFileSync(options.keyFile, 'utf8'), caCert: null };
  }
  const dir = join(options.dataDir, 'tls');
  mkdirSync(dir, { recursive: true });
  const authority = existsSync(join(dir, 'ca.crt'))
    ? { key: readFileSync(join(dir, 'ca-key.pem'), 'utf8'), cert: readFileSync(join(dir, 'ca.crt'), 'utf8') }
    : await makeAuthority(dir);

  const names = ['localhost', hostname()];
  const ips = lanAddresses();
  const certPath = join(dir, 'server.crt');
  const keyPath = join(dir, 'server-key.pem');
  if (existsSync(certPath) && existsSync(keyPath) && coversAll(readFileSync(certPath, 'utf8'), names, ips)) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), caCert: authority.cert };
  }
  // Browsers accept at most 398 days for a server certificate.
  const notAfter = new Date(Date.now() + 390 * 86_400_000);
  const server = await generate([{ name: 'commonName', value: hostname() }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    ca: authority,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  writeFileSync(certPath, server.cert);
  writeFileSync(keyPath, server.private, { mode: 0o600 });
  return { cert: server.cert, key: server.private, caCert: authority.cert };
}
