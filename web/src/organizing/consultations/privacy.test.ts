import { describe, expect, it } from 'vitest';
import { contactDetailProblemJa } from './privacy';

describe('the consultation form’s refusals', () => {
  it('says in Japanese that contact details cannot be kept, by the code CONTACT_DETAIL', () => {
    expect(contactDetailProblemJa('CONTACT_DETAIL')).toContain('連絡先は記録できません');
    expect(contactDetailProblemJa('CONTACT_DETAIL')).toContain('電話番号');
  });
  it('leaves other problems to the usual wording', () => {
    expect(contactDetailProblemJa('REQUIRED')).toBeUndefined();
    expect(contactDetailProblemJa('summary must not hold a phone number')).toBeUndefined();
    expect(contactDetailProblemJa(undefined)).toBeUndefined();
  });
});
