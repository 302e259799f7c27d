import { useEffect, useRef } from 'react';

/**
 * Moves focus to the page's heading once it is on screen (and again when `key` changes), so that keyboard and
 * screen-reader users start at the new page's title after a navigation.
 */
export function useFocusOnArrival<T extends HTMLElement>(ready: boolean, key?: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready) ref.current?.focus({ preventScroll: true });
  }, [ready, key]);
  return ref;
}
