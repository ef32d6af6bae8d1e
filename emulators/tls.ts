/**
 * Throwaway certificates for HTTPS emulators: a CA and one server certificate it signed, made with
 * the `openssl` CLI in a temporary folder. Made fresh on every run, so no private key is ever
 * committed, and a CA that a test trusts (NODE_EXTRA_CA_CERTS) is trusted nowhere else and for a
 * day at most.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface TestCertificates {
  /** The CA certificate (PEM): what a client must trust. */
  caCert: string
  /** The server certificate (PEM), alone: a client that does not trust the CA cannot verify it. */
  cert: string
  /** The server certificate's private key (PEM). */
  key: string
  /** A file holding `caCert`, for NODE_EXTRA_CA_CERTS; it lives until `cleanup()`. */
  caFile: string
  cleanup(): Promise<void>
}

const run = promisify(execFile)

/** A new CA, and a certificate it signed for `dnsNames` and 127.0.0.1. */
export async function createTestCertificates(dnsNames: string[]): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'test-ca-'))
  const file = (name: string): string => join(dir, name)
  const altNames = [...dnsNames.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(', ')
  // Our own config, so the system's openssl.cnf cannot add extensions (such as CA:TRUE on the
  // server certificate) that a client might reject, or that would hide a verification bug.
  await writeFile(
    file('openssl.cnf'),
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[ca]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign',
      '[server]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${altNames}`,
      '',
    ].join('\n'),
  )
  const newCertificate = (name: string, subject: string, extra: string[]): Promise<unknown> =>
    run('openssl', [
      'req',
      '-x509',
      '-config',
      file('openssl.cnf'),
      '-extensions',
      name,
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-noenc',
      '-keyout',
      file(`${name}.key`),
      '-out',
      file(`${name}.pem`),
      '-days',
      '1',
      '-subj',
      subject,
      ...extra,
    ])
  try {
    await newCertificate('ca', '/CN=Throwaway test CA', [])
    await newCertificate('server', `/CN=${dnsNames[0] ?? '127.0.0.1'}`, [
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
    ])
    const read = (name: string): Promise<string> => readFile(file(name), 'utf8')
    const [caCert, cert, key] = await Promise.all([
      read('ca.pem'),
      read('server.pem'),
      read('server.key'),
    ])
    return {
      caCert,
      cert,
      key,
      caFile: file('ca.pem'),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
