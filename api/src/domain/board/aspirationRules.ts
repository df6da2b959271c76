import type { z } from 'zod';

import type {
  aspirationInputSchema,
  aspirationPatchSchema,
  evidenceInputSchema,
  evidencePatchSchema,
  stepInputSchema,
  stepPatchSchema,
} from '../../contract/boardContract';
import { LIMITS } from '../../contract/boardContract';
import type { AspirationRecord, EvidenceRecord, StepRecord } from './records';
import { boardPartitionKey } from './records';

/** The rules for changing an aspiration, as pure functions from old record to new record. */

export type NewAspiration = z.output<typeof aspirationInputSchema>;
export type AspirationChanges = z.output<typeof aspirationPatchSchema>;
export type NewStep = z.output<typeof stepInputSchema>;
export type StepChanges = z.output<typeof stepPatchSchema>;
export type NewEvidence = z.output<typeof evidenceInputSchema>;
export type EvidenceChanges = z.output<typeof evidencePatchSchema>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export class LimitReached extends Error {
  override name = 'LimitReached';
}

export interface Ids {
  next(): string;
}

const POSITION_GAP = 1024;

export function createAspiration(
  input: NewAspiration,
  owner: { tenantId: string; employeeId: string },
  existing: Pick<AspirationRecord, 'horizon' | 'position'>[],
  ids: Ids,
  now: string,
): AspirationRecord {
  if (existing.length >= LIMITS.aspirationsPerBoard) {
    throw new LimitReached(
      `A board holds at most ${LIMITS.aspirationsPerBoard} aspirations. Delete or merge some before adding another.`,
    );
  }
  const sameHorizon = existing.filter((a) => a.horizon === input.horizon).map((a) => a.position);
  const id = ids.next();
  return {
    type: 'aspiration',
    id,
    pk: boardPartitionKey(owner.tenantId, owner.employeeId),
    tenantId: owner.tenantId,
    employeeId: owner.employeeId,
    kind: input.kind,
    horizon: input.horizon,
    title: input.title,
    details: input.details,
    targetDate: input.targetDate ?? null,
    // New aspirations go to the end of their horizon.
    position: sameHorizon.length === 0 ? POSITION_GAP : Math.max(...sameHorizon) + POSITION_GAP,
    version: 1,
    createdAt: now,
    updatedAt: now,
    steps: (input.steps ?? []).map((s) => newStep(s, ids, now)),
    evidence: [],
  };
}

const EDITABLE = ['kind', 'horizon', 'title', 'details', 'targetDate', 'position'] as const;

export function updateAspiration(
  record: AspirationRecord,
  changes: AspirationChanges,
  now: string,
): { record: AspirationRecord; changes: FieldChange[] } {
  const next: AspirationRecord = { ...record };
  const diff: FieldChange[] = [];
  for (const field of EDITABLE) {
    const value = changes[field];
    if (value === undefined || value === record[field]) continue;
    diff.push({ field, from: record[field], to: value });
    (next as unknown as Record<string, unknown>)[field] = value;
  }
  if (diff.length === 0) return { record, changes: [] };
  // Reordering alone is not news for the manager; content changes are.
  const contentChanged = diff.some((c) => c.field !== 'position');
  return {
    record: {
      ...next,
      version: contentChanged ? record.version + 1 : record.version,
      updatedAt: now,
    },
    changes: diff,
  };
}

export function addStep(
  record: AspirationRecord,
  input: NewStep,
  ids: Ids,
  now: string,
): { record: AspirationRecord; step: StepRecord } {
  if (record.steps.length >= LIMITS.stepsPerAspiration) {
    throw new LimitReached(`An aspiration holds at most ${LIMITS.stepsPerAspiration} steps.`);
  }
  const step = newStep(input, ids, now);
  return { record: touched(record, { steps: [...record.steps, step] }, now), step };
}

export function updateStep(
  record: AspirationRecord,
  stepId: string,
  changes: StepChanges,
  now: string,
): { record: AspirationRecord; changes: FieldChange[] } | null {
  const step = record.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const diff: FieldChange[] = [];
  const updated: StepRecord = { ...step };
  if (changes.text !== undefined && changes.text !== step.text) {
    diff.push({ field: 'text', from: step.text, to: changes.text });
    updated.text = changes.text;
  }
  if (changes.dueDate !== undefined && changes.dueDate !== step.dueDate) {
    diff.push({ field: 'dueDate', from: step.dueDate, to: changes.dueDate });
    updated.dueDate = changes.dueDate;
  }
  if (changes.status !== undefined && changes.status !== step.status) {
    diff.push({ field: 'status', from: step.status, to: changes.status });
    updated.status = changes.status;
    updated.completedAt = changes.status === 'done' ? now : null;
  }
  if (diff.length === 0) return { record, changes: [] };
  return {
    record: touched(
      record,
      { steps: record.steps.map((s) => (s.id === stepId ? updated : s)) },
      now,
    ),
    changes: diff,
  };
}

export function addEvidence(
  record: AspirationRecord,
  input: NewEvidence,
  ids: Ids,
  now: string,
): { record: AspirationRecord; evidence: EvidenceRecord } {
  if (record.evidence.length >= LIMITS.evidencePerAspiration) {
    throw new LimitReached(
      `An aspiration holds at most ${LIMITS.evidencePerAspiration} evidence entries.`,
    );
  }
  const evidence: EvidenceRecord = {
    id: ids.next(),
    text: input.text,
    date: input.date,
    link: input.link ?? null,
    createdAt: now,
  };
  return { record: touched(record, { evidence: [...record.evidence, evidence] }, now), evidence };
}

/** Removes a step from the plan; null when it is not there (already removed, or never was). */
export function removeStep(
  record: AspirationRecord,
  stepId: string,
  now: string,
): { record: AspirationRecord; removed: StepRecord } | null {
  const removed = record.steps.find((s) => s.id === stepId);
  if (!removed) return null;
  return {
    record: touched(record, { steps: record.steps.filter((s) => s.id !== stepId) }, now),
    removed,
  };
}

export function updateEvidence(
  record: AspirationRecord,
  evidenceId: string,
  changes: EvidenceChanges,
  now: string,
): { record: AspirationRecord; changes: FieldChange[] } | null {
  const entry = record.evidence.find((e) => e.id === evidenceId);
  if (!entry) return null;
  const diff: FieldChange[] = [];
  const updated: EvidenceRecord = { ...entry };
  for (const field of ['text', 'date', 'link'] as const) {
    const value = changes[field];
    if (value === undefined || value === entry[field]) continue;
    diff.push({ field, from: entry[field], to: value });
    if (field === 'link') updated.link = value;
    else if (value !== null) updated[field] = value;
  }
  if (diff.length === 0) return { record, changes: [] };
  return {
    record: touched(
      record,
      { evidence: record.evidence.map((e) => (e.id === evidenceId ? updated : e)) },
      now,
    ),
    changes: diff,
  };
}

export function removeEvidence(
  record: AspirationRecord,
  evidenceId: string,
  now: string,
): { record: AspirationRecord; removed: EvidenceRecord } | null {
  const removed = record.evidence.find((e) => e.id === evidenceId);
  if (!removed) return null;
  return {
    record: touched(record, { evidence: record.evidence.filter((e) => e.id !== evidenceId) }, now),
    removed,
  };
}

function newStep(input: NewStep, ids: Ids, now: string): StepRecord {
  return {
    id: ids.next(),
    text: input.text,
    status: input.status,
    dueDate: input.dueDate ?? null,
    createdAt: now,
    completedAt: input.status === 'done' ? now : null,
  };
}

function touched(
  record: AspirationRecord,
  patch: Partial<AspirationRecord>,
  now: string,
): AspirationRecord {
  return { ...record, ...patch, version: record.version + 1, updatedAt: now };
}
