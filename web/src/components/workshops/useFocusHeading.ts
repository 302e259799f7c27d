import { useEffect, useRef } from 'react';

/**
 * A ref for a page's heading that takes the focus once it is on screen (when `ready`), so after a navigation a screen
 * reader starts at the new page's title and the keyboard continues from there.
 */
export function useFocusHeading<E extends HTMLElement = HTMLHeadingElement>(ready: boolean) {
  const ref = useRef<E>(null);
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current || !ref.current) return;
    done.current = true;
    ref.current.focus({ preventScroll: true });
  }, [ready]);
  return ref;
}
