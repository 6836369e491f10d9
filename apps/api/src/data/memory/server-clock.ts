/**
 * The memory store's own clock, standing in for the database server's: leases and claims are judged by
 * it, never by a caller's clock. Tests hand it the clock they move, as a DB server shares no clock with them.
 */
export type ServerClock = () => Date;

export const systemServerClock: ServerClock = () => new Date();
