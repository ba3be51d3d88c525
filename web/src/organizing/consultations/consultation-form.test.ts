import { describe, expect, it } from 'vitest';
import { consultationBody, consultationChecks, emptyConsultation, nextConsultation } from './consultation-form';

describe('the consultation form', () => {
  it('asks for a topic and what happened', () => {
    expect([consultationChecks.topics([]), consultationChecks.topics(['wages'])]).toEqual(['相談内容の分類を1つ以上選んでください', null]);
    expect([consultationChecks.summary(' '), consultationChecks.summary('残業代')]).toEqual(['入力してください', null]);
  });

  it('leaves out empty optional fields and sends the workers only when a number was typed', () => {
    const values = { ...emptyConsultation('2026-06-15'), topics: ['wages' as const], summary: ' 残業代が出ない ', workersConcerned: 'たくさん' };
    expect(consultationBody(values)).toEqual({ receivedOn: '2026-06-15', channel: 'street', topics: ['wages'], summary: '残業代が出ない' });
    expect(consultationBody({ ...values, workersConcerned: '５', employerName: ' 港北電子 ', prospectId: 'p-1' })).toMatchObject({
      workersConcerned: 5,
      employerName: '港北電子',
      prospectId: 'p-1',
    });
  });

  it('keeps the day and the channel for the next consultation, and clears the rest', () => {
    const recorded = { ...emptyConsultation('2026-06-14'), channel: 'phone' as const, topics: ['hours' as const], summary: 'x', employerName: 'y' };
    expect(nextConsultation(recorded)).toEqual({ ...emptyConsultation('2026-06-14'), channel: 'phone' });
  });
});
