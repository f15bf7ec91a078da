// A CONNECT proxy for tests, on 127.0.0.1: it records the tunnels it is asked for and ends each one
// in a TLS endpoint of its own, with a test certificate for 0.0.0.0, in front of a local HTTP server
// (the sandbox). A client that trusts TEST_CA_FILE (setDefaultCACertificates in this process,
// NODE_EXTRA_CA_CERTS in a child) then reaches https://0.0.0.0:PORT through it, end to end.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { TLSSocket } from 'node:tls';

/** The test certificate (self-signed, for IP 0.0.0.0 only); its key is of no use anywhere else. */
export const TEST_CA_FILE = path.join(import.meta.dirname, '../fixtures/tls/proxy-test.crt');
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');
const key = readFileSync(path.join(import.meta.dirname, '../fixtures/tls/proxy-test.key'));

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
