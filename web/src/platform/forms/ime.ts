/** The part of a keyboard event that tells whether an input method is composing text. */
export interface KeyLike {
  key: string;
  keyCode?: number;
  nativeEvent?: { isComposing?: boolean };
  isComposing?: boolean;
}

/**
 * True for the Enter that confirms a Japanese conversion (IME composing): it must never
 * submit a form. Browsers report it as isComposing, and some (Safari) only as keyCode 229.
 */
export function isImeEnter(event: KeyLike): boolean {
  if (event.key !== 'Enter') return false;
  return Boolean(event.nativeEvent?.isComposing ?? event.isComposing) || event.keyCode === 229;
}
