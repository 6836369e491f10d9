/** A Zoom user the simulator knows: who can sign in at its consent page and host meetings. */
export interface SimulatedZoomUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  accountId: string;
  timezone: string;
}
