/** Who is acting and from where: what use cases need for audit events, without seeing the HTTP request. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actorUserId: string | null;
}
