#!/usr/bin/env node
// Rewrites the configuration table in README.md from `signx config` (run after `npm run build`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const table = execFileSync(process.execPath, ['packages/server/dist/main.js', 'config'], {
  encoding: 'utf8',
}).trim();
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split('<!-- config-table:start -->');
const after = rest.split('<!-- config-table:end -->')[1];
writeFileSync(
  'README.md',
  `${before}<!-- config-table:start -->\n${table}\n<!-- config-table:end -->${after}`,
);
