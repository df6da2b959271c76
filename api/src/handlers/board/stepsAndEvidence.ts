import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import {
  evidenceInputSchema,
  evidencePatchSchema,
  stepInputSchema,
  stepPatchSchema,
} from '../../contract/boardContract';
import {
  addEvidence,
  addStep,
  removeEvidence,
  removeStep,
  updateEvidence,
  updateStep,
} from '../../domain/board/aspirationRules';
import type { FieldChange } from '../../domain/board/aspirationRules';
import { notFound } from '../../errors/problem';
import { guidParam, jsonBody, optionalIfMatch, requiredIfMatch } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { aspirationResponse, changeAspiration } from './aspirationWrites';
import { openBoard } from './openBoard';

const ids = { next: () => randomUUID() };

/** POST .../aspirations/{aspirationId}/steps (If-Match optional: an append never overwrites). */
export async function addAspirationStep(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = optionalIfMatch(input.request);
  const body = await jsonBody(input.request, stepInputSchema);
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration(input, board, ifMatch, (current) => {
    const { record, step } = addStep(current, body, ids, now);
    return {
      record,
      result: step,
      history: { action: 'step.added', changes: [{ field: 'step', from: null, to: body.text }] },
    };
  });
  return aspirationResponse(input.services, board, saved, 201);
}

/** PATCH .../aspirations/{aspirationId}/steps/{stepId} with the aspiration's If-Match. */
export async function editAspirationStep(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const stepId = guidParam(input.request, 'stepId');
  const body = await jsonBody(input.request, stepPatchSchema);
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration<FieldChange[]>(input, board, ifMatch, (current) => {
    const updated = updateStep(current, stepId, body, now);
    if (updated === null) throw notFound('This step does not exist on this aspiration.');
    return updated.changes.length === 0
      ? null
      : {
          record: updated.record,
          result: updated.changes,
          history: { action: 'step.updated', changes: updated.changes },
        };
  });
  return aspirationResponse(input.services, board, saved, 200);
}

/** POST .../aspirations/{aspirationId}/evidence: "what I did to help myself". */
export async function addAspirationEvidence(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = optionalIfMatch(input.request);
  const body = await jsonBody(input.request, evidenceInputSchema);
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration(input, board, ifMatch, (current) => {
    const { record, evidence } = addEvidence(current, body, ids, now);
    return { record, result: evidence, history: { action: 'evidence.added' } };
  });
  return aspirationResponse(input.services, board, saved, 201);
}

/** DELETE .../aspirations/{aspirationId}/steps/{stepId} with the aspiration's If-Match. */
export async function deleteAspirationStep(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const stepId = guidParam(input.request, 'stepId');
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration(input, board, ifMatch, (current) => {
    const result = removeStep(current, stepId, now);
    if (result === null) throw notFound('This step does not exist on this aspiration.');
    return {
      record: result.record,
      result: result.removed,
      history: {
        action: 'step.removed',
        changes: [{ field: 'step', from: result.removed.text, to: null }],
      },
    };
  });
  return aspirationResponse(input.services, board, saved, 200);
}

/** PATCH .../aspirations/{aspirationId}/evidence/{evidenceId}: correct what was recorded. */
export async function editAspirationEvidence(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const evidenceId = guidParam(input.request, 'evidenceId');
  const body = await jsonBody(input.request, evidencePatchSchema);
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration<FieldChange[]>(input, board, ifMatch, (current) => {
    const updated = updateEvidence(current, evidenceId, body, now);
    if (updated === null) throw notFound('This entry does not exist on this aspiration.');
    return updated.changes.length === 0
      ? null
      : {
          record: updated.record,
          result: updated.changes,
          history: { action: 'evidence.updated', changes: updated.changes },
        };
  });
  return aspirationResponse(input.services, board, saved, 200);
}

/** DELETE .../aspirations/{aspirationId}/evidence/{evidenceId} with the aspiration's If-Match. */
export async function deleteAspirationEvidence(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const evidenceId = guidParam(input.request, 'evidenceId');
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration(input, board, ifMatch, (current) => {
    const result = removeEvidence(current, evidenceId, now);
    if (result === null) throw notFound('This entry does not exist on this aspiration.');
    return {
      record: result.record,
      result: result.removed,
      history: { action: 'evidence.removed' },
    };
  });
  return aspirationResponse(input.services, board, saved, 200);
}
