import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { isImeEnter } from './ime';

/**
 * A form's onKeyDown that stops the Enter confirming a Japanese conversion from submitting the form.
 * Besides the key event's own flags, it follows the composition events themselves (between
 * compositionstart and compositionend an Enter belongs to the input method), since not every
 * browser and input method marks that Enter as composing.
 */
export function useImeSafeSubmit(): (event: KeyboardEvent<HTMLFormElement>) => void {
  const composing = useRef(false);
  useEffect(() => {
    const start = () => (composing.current = true);
    const end = () => (composing.current = false);
    document.addEventListener('compositionstart', start, true);
    document.addEventListener('compositionend', end, true);
    return () => {
      document.removeEventListener('compositionstart', start, true);
      document.removeEventListener('compositionend', end, true);
    };
  }, []);
  return useCallback((event: KeyboardEvent<HTMLFormElement>) => {
    if (isImeEnter(event) || (event.key === 'Enter' && composing.current)) event.preventDefault();
  }, []);
}
