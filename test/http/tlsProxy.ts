// A CONNECT proxy for tests, on 127.0.0.1: it records the tunnels it is asked for and ends each one
// in a TLS endpoint of its own, with a test certificate for 0.0.0.0, in front of a local HTTP server
// (the sandbox). A client that trusts TEST_CA_FILE (setDefaultCACertificates in this process,
// NODE_EXTRA_CA_CERTS in a child) then reaches https://0.0.0.0:PORT through it, end to end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';

/**
 * A self-signed certificate for IP 0.0.0.0 only, made afresh for this test process with openssl
 * (.ci/install-e2e installs it): no private key is kept in the repository, where it would look like
 * a leaked secret to every scanner.
 */
function makeTestCertificate(): { certificateFile: string; key: Buffer } {
  const directory = mkdtempSync(path.join(tmpdir(), 'contact-payloads-tls-'));
  const keyFile = path.join(directory, 'proxy-test.key');
  const certificateFile = path.join(directory, 'proxy-test.crt');
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=0.0.0.0', '-addext', 'subjectAltName=IP:0.0.0.0', '-keyout', keyFile, '-out', certificateFile,
    ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (error) {
    throw new Error(`the proxy tests need openssl to make their test certificate (apt-get install openssl): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { certificateFile, key: readFileSync(keyFile) };
}

const certificate = makeTestCertificate();
/** The test certificate, to be trusted by the client under test. */
export const TEST_CA_FILE = certificate.certificateFile;
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');
const { key } = certificate;

export interface TestProxy {
  readonly url: string;
  readonly port: number;
  /** `host:port` of every CONNECT it was asked for. */
  readonly tunnels: string[];
  /** Refuse tunnels with this status instead of opening them. */
  refuseWith: number | undefined;
  stop(): Promise<void>;
}

/** Opens every tunnel, whatever host it names, into TLS in front of 127.0.0.1:`upstreamPort`. */
export async function startConnectProxy(upstreamPort: number): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405).end('this test proxy only tunnels');
  });
  const proxy: TestProxy = {
    url: '',
    port: 0,
    tunnels: [],
    refuseWith: undefined,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  server.on('connect', (request, clientSocket: Socket, head: Buffer) => {
    sockets.add(clientSocket);
    proxy.tunnels.push(request.url ?? '');
    if (proxy.refuseWith !== undefined) {
      clientSocket.end(`HTTP/1.1 ${proxy.refuseWith} Forbidden\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) clientSocket.unshift(head);
    const secure = new TLSSocket(clientSocket, { isServer: true, key, cert: TEST_CA });
    const upstream = connect(upstreamPort, '127.0.0.1', () => {
      secure.pipe(upstream);
      upstream.pipe(secure);
    });
    sockets.add(upstream);
    upstream.on('error', () => clientSocket.destroy());
    secure.on('error', () => upstream.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, { url: `http://127.0.0.1:${port}`, port });
}
