import type { SimulatedZoomUser } from '../simulated-zoom-user';

export class UserDirectory {
  constructor(private readonly users: SimulatedZoomUser[]) {}

  all(): SimulatedZoomUser[] {
    return this.users.map((u) => ({ ...u }));
  }

  byId(id: string): SimulatedZoomUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  /** Zoom's `{userId}` path parameter takes an id or an email address (case-insensitive). */
  byIdOrEmail(idOrEmail: string): SimulatedZoomUser | undefined {
    const email = idOrEmail.toLowerCase();
    return this.users.find((u) => u.id === idOrEmail || u.email.toLowerCase() === email);
  }

  /** The first user listed for an account owns it. */
  ownerOf(accountId: string): SimulatedZoomUser | undefined {
    return this.users.find((u) => u.accountId === accountId);
  }
}
