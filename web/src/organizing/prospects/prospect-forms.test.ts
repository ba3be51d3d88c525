import { describe, expect, it } from 'vitest';
import { affiliationBody, affiliationTotal, affiliationValuesOf, emptyNewProspect, membersFrom, newProspectBody, newProspectChecks } from './prospect-forms';
import { assignmentValuesOf, organizerNames } from './assignment-form';
import { checkNote, firstChoice, stageMoveBody } from './stage-move-form';

describe('numbers as typed', () => {
  it('reads full-width digits and commas, and gives 0 for nothing or nonsense', () => {
    expect([membersFrom('１２'), membersFrom('1,200'), membersFrom(''), membersFrom('abc'), membersFrom('-3'), membersFrom('2.5')]).toEqual([
      12, 1200, 0, 0, 0, 0,
    ]);
  });
});

describe('the affiliation form', () => {
  const prospect = { employerName: '株式会社みなと物流', targetFederationId: null, version: 7 };
  const types = ['regular', 'part_time', 'fixed_term', 'dispatch', 'other'];

  it('names the union from the employer, without its legal form', () => {
    expect(affiliationValuesOf(prospect, '2026-06-15', types)).toMatchObject({ unionName: 'みなと物流労働組合', federationId: '', effectiveOn: '2026-06-15' });
  });

  it('asks for each employment type the API names, in its order (a new type needs no console change)', () => {
    expect(Object.keys(affiliationValuesOf(prospect, '2026-06-15', [...types, 'gig']).members)).toEqual([...types, 'gig']);
  });

  it('sends the lines with members, their total and the version, and no federation when none is chosen', () => {
    const values = {
      ...affiliationValuesOf(prospect, '2026-06-15', types),
      members: { regular: '１０', part_time: '', fixed_term: '3', dispatch: 'x', other: '0' },
    };
    expect(affiliationTotal(values.members)).toBe(13);
    expect(affiliationBody(values, prospect.version)).toEqual({
      unionName: 'みなと物流労働組合',
      kind: 'enterprise',
      members: 13,
      effectiveOn: '2026-06-15',
      employmentBreakdown: [
        { employmentType: 'regular', gender: 'unspecified', members: 10 },
        { employmentType: 'fixed_term', gender: 'unspecified', members: 3 },
      ],
      version: 7,
    });
    expect(affiliationBody({ ...values, federationId: 'f-1' }, 7)).toMatchObject({ federationId: 'f-1' });
  });
});

describe('the new workplace form', () => {
  it('asks for a name and a number of workers (0 typed as such is a number)', () => {
    expect([newProspectChecks.employerName('  '), newProspectChecks.employerName('港北電子')]).toEqual(['入力してください', null]);
    expect([newProspectChecks.estimatedWorkers(''), newProspectChecks.estimatedWorkers('0'), newProspectChecks.estimatedWorkers('４０')]).toEqual([
      '入力してください',
      null,
      null,
    ]);
  });

  it('leaves empty fields out and names the council', () => {
    const values = { ...emptyNewProspect(), employerName: ' 港北電子株式会社 ', estimatedWorkers: '40', municipality: '横浜市港北区' };
    expect(newProspectBody(values, 'rc-1')).toEqual({
      employerName: '港北電子株式会社',
      municipality: '横浜市港北区',
      regionalCouncilId: 'rc-1',
      estimatedWorkers: 40,
      source: 'outreach',
      stage: 'identified',
    });
    expect(newProspectBody({ ...values, nextActionOn: '2026-07-01' }, null)).not.toHaveProperty('regionalCouncilId');
    expect(newProspectBody({ ...values, assignedOrganizerIds: ['org-1', 'org-2'] }, 'rc-1')).toMatchObject({ assignedOrganizerIds: ['org-1', 'org-2'] });
  });
});

describe('担当オルガナイザー', () => {
  const organizers = [
    { id: 'o-1', displayName: '青木 花子' },
    { id: 'o-2', displayName: '鈴木 一郎' },
  ];
  it('names the assigned organizers in the council order, a disabled one as such, and nobody as 未定', () => {
    expect(organizerNames(['o-2', 'o-1'], organizers)).toBe('青木 花子、鈴木 一郎');
    expect(organizerNames(['o-2', 'gone'], organizers)).toBe('鈴木 一郎、無効なアカウント 1名');
    expect(organizerNames([], organizers)).toBe('未定');
  });

  it('starts from the prospect and edits a copy of its list', () => {
    const prospect = { assignedOrganizerIds: ['o-1'] };
    const values = assignmentValuesOf(prospect);
    values.assignedOrganizerIds.push('o-2');
    expect(prospect.assignedOrganizerIds).toEqual(['o-1']);
  });
});

describe('the stage move form', () => {
  it('starts at the next step forward, else the first move allowed that is not 断念', () => {
    expect(firstChoice({ stage: 'contacted', heldFromStage: null })).toBe('engaged');
    expect(firstChoice({ stage: 'founded', heldFromStage: null })).toBe('committee');
    expect(firstChoice({ stage: 'on_hold', heldFromStage: 'engaged' })).toBe('identified');
    expect(firstChoice({ stage: 'committee', heldFromStage: null })).toBe('founded');
  });

  it('asks for the reason of 断念 only, and sends a note only when there is one', () => {
    expect(checkNote(' ', { to: 'lost', note: ' ' })).toBe('断念の理由を入力してください');
    expect(checkNote('', { to: 'engaged', note: '' })).toBeNull();
    expect(stageMoveBody({ to: 'engaged', note: '  ' }, 3)).toEqual({ stage: 'engaged', version: 3 });
    expect(stageMoveBody({ to: 'lost', note: ' 事業所閉鎖 ' }, 3)).toEqual({ stage: 'lost', version: 3, note: '事業所閉鎖' });
  });
});
