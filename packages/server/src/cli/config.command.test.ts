import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { settings } from '../platform/config/config-settings.js';
import { configTable } from './config.command.js';

const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');

describe('configuration reference', () => {
  it('README carries exactly the table `signx config` prints', () => {
    const between = readme.split('<!-- config-table:start -->')[1]?.split('<!-- config-table:end -->')[0];
    expect(between?.trim()).toBe(configTable().trim());
  });

  it('describes every setting', () => {
    for (const [name, setting] of Object.entries(settings)) {
      expect(setting.description.length, name).toBeGreaterThan(5);
    }
  });
});
