// Child process serving the bare-Fastify baseline (see baselines.js): receives { routes },
// answers { url } once listening, 'cpu' with its process.cpuUsage(), exits on 'close'.
import Fastify from 'fastify';

process.once('message', async ({ routes }) => {
  const app = Fastify({ logger: false });
  // `method` defaults to GET; a route without `schema` answers through plain JSON.stringify
  // (as SignX's file routes do, e.g. the public verify).
  for (const { url, schema, body, method = 'GET', status = 200 } of routes) {
    const options = schema ? { schema: { response: { [status]: schema } } } : {};
    app.route({ method, url, ...options, handler: async (_req, reply) => reply.code(status).send(body) });
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ url: `http://127.0.0.1:${app.server.address().port}` });
  process.on('message', async (message) => {
    if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
    await app.close();
    process.exit(0);
  });
});
