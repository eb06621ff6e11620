import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { defineErrorCodes } from '../errors.js';
import type { ModuleDefinition } from '../module.js';
import { defineAuditEventTypes } from './audit-event-catalogue.js';
import { buildCatalogues } from './catalogues.js';
import { definePermissions } from './permission-catalogue.js';

const contracts: ModuleDefinition = {
  name: 'contracts',
  tags: [{ name: 'contracts', description: 'Contracts' }],
  permissions: definePermissions('contracts', {
    'contracts.contract.read': { description: 'Read contracts', dataScoped: true },
  }),
  auditEvents: defineAuditEventTypes('contracts', {
    'contract.signed': {
      description: 'Signed',
      entityType: 'contract',
      payload: Type.Object({ n: Type.Integer() }),
    },
  }),
  errors: defineErrorCodes('contracts', {
    CONTRACT_EXPIRED: { family: 'CONFLICT', api: 40910, description: 'Expired' },
  }),
};

describe('module catalogues', () => {
  it('collects what the modules declare, with the platform’s own domain codes', () => {
    const catalogues = buildCatalogues([contracts]);
    expect(catalogues.modules).toEqual(['contracts']);
    expect(catalogues.permissions.get('contracts.contract.read')).toEqual({
      code: 'contracts.contract.read',
      module: 'contracts',
      description: 'Read contracts',
      dataScoped: true,
    });
    expect(catalogues.auditEvents.get('contracts.contract.signed')?.entityType).toBe('contract');
    expect([...catalogues.errors.keys()].sort()).toEqual([40020, 40902, 40910]);
    expect(catalogues.payloadCheck('contracts.contract.signed')?.Check({ n: 1 })).toBe(true);
    expect(catalogues.payloadCheck('contracts.contract.signed')?.Check({ n: 'one' })).toBe(false);
    expect(catalogues.payloadCheck('contracts.contract.voided')).toBeUndefined();
  });

  it('refuses at boot every clash at once: module name, tag, permission, audit type, error number', () => {
    const copy: ModuleDefinition = {
      ...contracts,
      errors: defineErrorCodes('copy', {
        OTHER: { family: 'CONFLICT', api: 40910, description: 'Clash' },
        ALSO_PLATFORM: { family: 'CONFLICT', api: 40902, description: 'Clash with the platform' },
      }),
    };
    const failure = (() => {
      try {
        buildCatalogues([contracts, copy]);
      } catch (error) {
        return String(error);
      }
      return 'no error';
    })();
    expect(failure).toContain('module contracts is declared by module contracts and module contracts');
    expect(failure).toContain('tag contracts');
    expect(failure).toContain('permission contracts.contract.read');
    expect(failure).toContain('audit event contracts.contract.signed');
    expect(failure).toContain(
      'error code 40910 is declared by contracts (CONTRACT_EXPIRED) and copy (OTHER)',
    );
    expect(failure).toContain('error code 40902 is declared by platform (STATE_TRANSITION_NOT_ALLOWED)');
  });

  it('checks declarations where they are made', () => {
    expect(() =>
      defineErrorCodes('m', { BAD: { family: 'CONFLICT', api: 40401, description: 'x' } }),
    ).toThrow(/CONFLICT's range 40901/);
    expect(() =>
      defineErrorCodes('m', { SAME: { family: 'CONFLICT', api: 40901, description: 'x' } }),
    ).toThrow();
    expect(() =>
      defineErrorCodes('m', { lower: { family: 'CONFLICT', api: 40920, description: 'x' } }),
    ).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => definePermissions('m', { 'Not A Code': { description: 'x' } })).toThrow(
      /invalid permission code/,
    );
    expect(() =>
      defineAuditEventTypes('m', {
        created: { description: 'x', entityType: 'e', payload: Type.Object({}) },
      }),
    ).toThrow(/<entity>.<verb>/);
  });
});
