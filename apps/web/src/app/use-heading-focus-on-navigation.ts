import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * After an in-app navigation the element that had focus (a menu item, the sign-in button) is gone,
 * and the browser would drop focus on <body>. This moves it to the new page's <h1>, so keyboard users
 * continue from the top of the content and screen readers read where they are.
 * Not on the first page of a visit, nor before the person did anything (an automatic redirect),
 * so a fresh page still starts at the skip link; a change of query string alone keeps focus too.
 */
export function useHeadingFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  const interacted = useRef(false);

  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener('keydown', mark, { capture: true, once: true });
    document.addEventListener('pointerdown', mark, { capture: true, once: true });
    return () => {
      document.removeEventListener('keydown', mark, { capture: true });
      document.removeEventListener('pointerdown', mark, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main');
    if (!interacted.current || !main) return;
    // Focus the person put somewhere else (a menu they opened meanwhile) stays; focus that was lost with the
    // old page, or sits on the link that brought them here, moves on.
    const active = document.activeElement;
    const lost = !active || active === document.body || main.contains(active);
    const followedLink = active instanceof HTMLAnchorElement && new URL(active.href).pathname === pathname;
    if (!lost && !followedLink) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    // The page may still be checking the session or loading its code: focus its heading once it shows.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname]);
}
