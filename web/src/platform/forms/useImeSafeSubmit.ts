import { useCallback, type KeyboardEvent } from 'react';
import { isImeEnter } from './ime';

/** A form's onKeyDown that stops the Enter confirming a Japanese conversion from submitting the form. */
export function useImeSafeSubmit(): (event: KeyboardEvent<HTMLFormElement>) => void {
  return useCallback((event: KeyboardEvent<HTMLFormElement>) => {
    if (isImeEnter(event)) event.preventDefault();
  }, []);
}
