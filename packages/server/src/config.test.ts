import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(8080);
    expect(config.database.dialect).toBe('sqlite');
    expect(config.database.file).toMatch(/data\/signx\.db$/);
    expect(config.storage.backend).toBe('local');
    expect(config.jobs.driver).toBe('local');
  });

  it('switches to PostgreSQL and BullMQ from their URLs', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/signx',
      QUEUE_URL: 'redis://cache:6379',
    });
    expect(config.database.dialect).toBe('postgres');
    expect(config.jobs.driver).toBe('bullmq');
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', STORAGE_BACKEND: 'ftp', MAIL_USE_TLS: 'maybe', SECRET_KEY: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const variables = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['MAIL_USE_TLS', 'PORT', 'SECRET_KEY', 'STORAGE_BACKEND']);
    expect((caught as ConfigError).message).toContain('must be one of local, s3');
  });

  it('checks settings that depend on each other or on a format', () => {
    let caught: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'postgress://u@h/db',
        STORAGE_BACKEND: 's3',
        TRUSTED_PROXIES: '10.0.0.0/8,not-an-ip',
        MAIL_USERNAME: 'noreply',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const variables = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'MAIL_PASSWORD', 'S3_BUCKET', 'TRUSTED_PROXIES']);
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow();
  });

  it('refuses a half-configured IM app, naming what is missing; a whole one is on', () => {
    let caught: unknown;
    try {
      loadConfig({ IM_FEISHU_APP_ID: 'cli_x', IM_FEISHU_APP_SECRET: 's', IM_DINGTALK_AES_KEY: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'IM_DINGTALK_AES_KEY',
      'IM_FEISHU_ENCRYPT_KEY',
      'IM_FEISHU_VERIFICATION_TOKEN',
    ]);
    const config = loadConfig({
      IM_FEISHU_APP_ID: 'cli_x',
      IM_FEISHU_APP_SECRET: 's',
      IM_FEISHU_ENCRYPT_KEY: 'k',
      IM_FEISHU_VERIFICATION_TOKEN: 't',
    });
    expect(config.im.feishu?.apiUrl).toBe('https://open.feishu.cn');
    expect(config.im.dingtalk).toBeUndefined();
  });
});
