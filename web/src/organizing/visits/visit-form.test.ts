import { describe, expect, it } from 'vitest';
import type { Visit } from '../pipeline/queries';
import { checkSummary, visitBody, visitValuesOf } from './visit-form';

const visit = {
  id: 'v-1',
  occurredOn: '2026-06-10',
  kind: 'phone',
  outcome: 'meeting_held',
  supportLevel: 2,
  summary: '電話で面談の約束',
  nextActionOn: null,
  version: 3,
} as Visit;

describe('the visit form', () => {
  it('starts a new visit at today and 訪問, with nothing else chosen', () => {
    expect(visitValuesOf(undefined, '2026-06-15')).toEqual({
      occurredOn: '2026-06-15',
      kind: 'visit',
      outcome: '',
      supportLevel: '',
      summary: '',
      nextActionOn: '',
    });
  });

  it('starts a correction at the visit as recorded', () => {
    expect(visitValuesOf(visit, '2026-06-15')).toEqual({
      occurredOn: '2026-06-10',
      kind: 'phone',
      outcome: 'meeting_held',
      supportLevel: '2',
      summary: '電話で面談の約束',
      nextActionOn: '',
    });
  });

  it('sends unchosen choices and an empty next date as null, and the note trimmed', () => {
    expect(visitBody({ ...visitValuesOf(undefined, '2026-06-15'), summary: '  門前で声かけ \n' })).toEqual({
      occurredOn: '2026-06-15',
      kind: 'visit',
      outcome: null,
      supportLevel: null,
      summary: '門前で声かけ',
      nextActionOn: null,
    });
    expect(visitBody({ ...visitValuesOf(visit, '2026-06-15'), nextActionOn: '2026-06-20' })).toMatchObject({ supportLevel: 2, nextActionOn: '2026-06-20' });
  });

  it('asks for 内容 when it is blank', () => {
    expect(checkSummary(' \n ')).toBe('内容を入力してください');
    expect(checkSummary('声かけ')).toBeNull();
  });
});
