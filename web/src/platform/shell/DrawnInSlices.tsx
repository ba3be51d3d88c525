import { useDeferredValue, type ReactNode } from 'react';

/**
 * Draws its children in work React may interrupt, a few milliseconds at a time, instead of in
 * the one long task of the update that mounted them. The router and the query cache update
 * the page from their stores, which React always renders in one go; the signed-in frame with
 * 今日's cards took a mid-range phone over 300 ms that way, during which a tap waited. The
 * first render draws nothing here (there is nothing to show yet), the background one
 * everything.
 */
export function DrawnInSlices({ children }: { children: ReactNode }) {
  const drawn = useDeferredValue(true, false);
  return drawn ? children : null;
}
