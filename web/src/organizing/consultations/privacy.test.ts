import { describe, expect, it } from 'vitest';
import { contactDetailProblemJa } from './privacy';

describe('the consultation form’s refusals', () => {
  it('names the contact detail the API found, in Japanese', () => {
    expect(contactDetailProblemJa('summary must not hold a phone number: consultations keep no names or contact details')).toContain('電話番号');
    expect(contactDetailProblemJa('summary must not hold an e-mail address: consultations keep no names or contact details')).toContain('メールアドレス');
    expect(contactDetailProblemJa('summary must not hold a postal code: x')).toContain('郵便番号');
  });
  it('leaves other problems to the usual wording', () => {
    expect(contactDetailProblemJa('summary should not be empty')).toBeUndefined();
    expect(contactDetailProblemJa(undefined)).toBeUndefined();
  });
});
