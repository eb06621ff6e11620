// Child process serving the bare-Fastify baseline (see baselines.js): receives { routes },
// answers { url } once listening, 'cpu' with its process.cpuUsage(), exits on 'close'.
import Fastify from 'fastify';

process.once('message', async ({ routes }) => {
  const app = Fastify({ logger: false });
  for (const { url, schema, body } of routes) {
    app.get(url, { schema: { response: { 200: schema } } }, async () => body);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ url: `http://127.0.0.1:${app.server.address().port}` });
  process.on('message', async (message) => {
    if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
    await app.close();
    process.exit(0);
  });
});
