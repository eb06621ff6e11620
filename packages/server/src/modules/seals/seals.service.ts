import { type SealDesign, sealSvg } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { conflict, domainError, notFound } from '../../platform/errors.js';
import { keys } from '../keys/index.js';
import { SealImageError, transparentSeal } from './seal-image.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import * as repo from './seals.repository.js';
import { type SealEvent, type SealStatus, sealLifecycle } from './seals.state.js';
import type { SealType } from './seals.tables.js';

/** A new seal: generated from a design, or an uploaded picture (base64 PNG). */
export interface NewSeal {
  organisation: string;
  seal_type: SealType;
  name: string;
  size_pt?: number;
  design?: SealDesign;
  image_base64?: string;
  certificate_id?: string | null;
}

/** The default design of a seal type: round with a star for the organisation's seals. */
export function defaultDesign(type: SealType, organisation: string, name: string): SealDesign {
  if (type === 'legal_rep' || type === 'personal') return { shape: 'square', title: name };
  const purpose = { company: '', contract: '合同专用章', finance: '财务专用章', custom: name }[type];
  return { shape: 'round', title: organisation, purpose, star: true };
}

/** Turns the input into the stored image columns; bad pictures and designs are a 400. */
function imageColumns(input: Pick<NewSeal, 'design' | 'image_base64'>, fallback: SealDesign) {
  if (input.image_base64 !== undefined) {
    try {
      const png = transparentSeal(Buffer.from(input.image_base64, 'base64'));
      return { source: 'uploaded' as const, design: null, image_png: png.toString('base64') };
    } catch (error) {
      if (error instanceof SealImageError) throw domainError(sealsErrors.SEAL_IMAGE_INVALID, error.message);
      throw error;
    }
  }
  const design = input.design ?? fallback;
  try {
    sealSvg(design);
  } catch (error) {
    if (error instanceof RangeError) throw domainError(sealsErrors.SEAL_IMAGE_INVALID, error.message);
    throw error;
  }
  return { source: 'generated' as const, design: JSON.stringify(design), image_png: null };
}

/** A bound seal takes its certificate's legal name; the certificate must be active (40477 unknown). */
async function organisationOf(trx: Trx, input: NewSeal): Promise<string> {
  if (!input.certificate_id) return input.organisation;
  const info = await keys.certificateInfo(trx, input.certificate_id);
  if (info.state !== 'active')
    throw domainError(
      sealsErrors.SEAL_CERTIFICATE_NOT_ACTIVE,
      `The organisation certificate is ${info.state}; bind the seal to an active certificate.`,
    );
  return info.legal_name;
}

export async function createSeal(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  given: NewSeal,
): Promise<repo.SealRow> {
  const input = { ...given, organisation: await organisationOf(trx, given) };
  if (await repo.findSealByName(trx, input.organisation, input.name))
    throw domainError(
      sealsErrors.SEAL_NAME_TAKEN,
      `${input.organisation} already has a seal named ${input.name}`,
    );
  const now = deps.clock.now().toISOString();
  const row: repo.SealRow = {
    id: newId(),
    organisation: input.organisation,
    seal_type: input.seal_type,
    name: input.name,
    status: 'active',
    ...imageColumns(input, defaultDesign(input.seal_type, input.organisation, input.name)),
    size_pt: input.size_pt ?? (input.seal_type === 'personal' || input.seal_type === 'legal_rep' ? 60 : 120),
    certificate_id: input.certificate_id ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertSeal(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.created',
    entityId: row.id,
    payload: { name: row.name, organisation: row.organisation },
    after: { seal_type: row.seal_type, source: row.source, status: row.status },
  });
  return row;
}

export async function getSeal(db: DbOrTrx, id: string): Promise<repo.SealRow> {
  const row = await repo.findSeal(db, id);
  if (!row) throw notFound('Seal');
  return row;
}

export function listSeals(
  db: DbOrTrx,
  query: PageRequest & { status?: SealStatus; organisation?: string },
): Promise<Page<repo.SealRow>> {
  return repo.sealPage(db, { status: query.status, organisation: query.organisation }, query);
}

/** Suspend, reactivate or retire (state table in seals.state.ts), audited with the reason. */
export async function changeSealStatus(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  command: { id: string; event: SealEvent; note?: string | null },
): Promise<repo.SealRow> {
  const before = await getSeal(trx, command.id);
  const transition = sealLifecycle.apply(before.status, command.event);
  const changes = { status: transition.to, updated_at: deps.clock.now().toISOString() };
  if (!(await repo.moveSeal(trx, before.id, before.status, changes))) {
    const current = await getSeal(trx, command.id);
    sealLifecycle.apply(current.status, command.event);
    throw conflict('The seal changed while you acted; please retry', { status: current.status });
  }
  await deps.audit.record(trx, actor, {
    type: transition.auditAction,
    entityId: before.id,
    payload: { name: before.name, note: command.note ?? null },
    before: { status: before.status },
    after: { status: transition.to },
    reason: command.note ?? null,
  });
  return { ...before, ...changes };
}

/** Replaces the picture or the design of a seal that is not retired. */
export async function replaceSealImage(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  input: { id: string; design?: SealDesign; image_base64?: string },
): Promise<repo.SealRow> {
  const before = await getSeal(trx, input.id);
  if (before.status === 'retired')
    throw domainError(sealsErrors.SEAL_NOT_ACTIVE, 'A retired seal is not changed.');
  const changes = {
    ...imageColumns(input, defaultDesign(before.seal_type, before.organisation, before.name)),
    updated_at: deps.clock.now().toISOString(),
  };
  await repo.updateSealImage(trx, before.id, changes);
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.image_changed',
    entityId: before.id,
    payload: { name: before.name, organisation: before.organisation },
    before: { source: before.source, design: before.design },
    after: { source: changes.source, design: changes.design },
  });
  return { ...before, ...changes };
}

/** The SVG preview of a design (generated seals) before or after saving it. */
export function previewSvg(design: SealDesign): string {
  try {
    return sealSvg(design);
  } catch (error) {
    if (error instanceof RangeError) throw domainError(sealsErrors.SEAL_IMAGE_INVALID, error.message);
    throw error;
  }
}
