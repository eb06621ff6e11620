import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { jobBehaviourSuite } from '../../../test/job-behaviour-suite.js';

const prefix = `signx-suite-${randomBytes(4).toString('hex')}`;

jobBehaviourSuite(
  'bullmq',
  () => ({ driver: 'bullmq', queueUrl: 'redis://127.0.0.1:6379', redisPrefix: prefix }),
  async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  },
);
