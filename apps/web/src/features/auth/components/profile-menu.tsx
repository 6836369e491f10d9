import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import type { PublicUser } from '@crm/shared/auth';

const ROLE_LABEL: Record<PublicUser['role'], string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/** The header's profile menu: the way to Account Settings (where Zoom is connected) and out. */
export function ProfileMenu({
  user,
  accountSettingsPath,
  onSignOut,
}: {
  user: PublicUser;
  accountSettingsPath: string;
  onSignOut: () => void;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[(index + 1) % all.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      all[(index - 1 + all.length) % all.length]?.focus();
    } else if (event.key === 'Home') {
      event.preventDefault();
      all[0]?.focus();
    } else if (event.key === 'End') {
      event.preventDefault();
      all[all.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  }

  return (
    <div className="profile-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="profile-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="avatar" aria-hidden="true">
          {user.name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="profile-name">{user.name}</span>
        <span className="sr-only">, {ROLE_LABEL[user.role]}. Open profile menu</span>
      </button>
      {open && (
        <ul id={menuId} ref={menuRef} className="menu" role="menu" aria-label="Profile" onKeyDown={onMenuKeyDown}>
          <li role="none" className="menu-header">
            <span className="menu-user">{user.email}</span>
            <span className="menu-role">{ROLE_LABEL[user.role]}</span>
          </li>
          <li role="none">
            <Link role="menuitem" to={accountSettingsPath} className="menu-item" onClick={() => close(false)}>
              Account Settings
            </Link>
          </li>
          <li role="none">
            <button
              role="menuitem"
              type="button"
              className="menu-item"
              onClick={() => {
                close(false);
                onSignOut();
              }}
            >
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
