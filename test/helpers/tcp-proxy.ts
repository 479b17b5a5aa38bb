import net from 'node:net';

/** A TCP proxy to `target` that a test can cut (refuse and drop every connection) and restore. */
export interface CuttableProxy { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }

export async function cuttableProxy(targetHost: string, targetPort: number): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    const s = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      sockets.add(client).add(upstream);
      const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    s.on('error', reject);
    s.listen(port, '127.0.0.1', () => { port = (s.address() as net.AddressInfo).port; server = s; resolve(); });
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (!server) return resolve();
    server.close(() => resolve());
    server = null;
  });
  await listen();
  return { get port() { return port; }, cut: stop, restore: listen, close: stop };
}
