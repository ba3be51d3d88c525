import { describe, expect, it } from 'vitest';
import { isImeEnter } from './ime';

describe('Enter during Japanese input', () => {
  it('is the IME confirming a conversion while composing', () => {
    expect(isImeEnter({ key: 'Enter', nativeEvent: { isComposing: true } })).toBe(true);
    expect(isImeEnter({ key: 'Enter', keyCode: 229, nativeEvent: { isComposing: false } })).toBe(true);
  });

  it('is a real Enter otherwise', () => {
    expect(isImeEnter({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: false } })).toBe(false);
    expect(isImeEnter({ key: 'a', nativeEvent: { isComposing: true } })).toBe(false);
  });
});
