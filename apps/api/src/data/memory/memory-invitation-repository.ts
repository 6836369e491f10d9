import { carriedRecord } from '../../domain/invitations/carried-invitation';
import type { CarriedInvitation, InvitationAdvance, InvitationRecord, InvitationRepository } from '../../domain/ports/invitation-repository';

export class MemoryInvitationRepository implements InvitationRepository {
  private readonly records = new Map<string, InvitationRecord>();

  async find(interviewId: string): Promise<InvitationRecord | null> {
    const record = this.records.get(interviewId);
    return record ? { ...record } : null;
  }

  async advance(interviewId: string, version: { uid: string; fingerprint: string; method: InvitationRecord['method'] }, now: Date, carried?: CarriedInvitation | null): Promise<InvitationAdvance> {
    const current = this.records.get(interviewId) ?? (carried ? carriedRecord(interviewId, version.uid, carried) : undefined);
    if (current && current.fingerprint === version.fingerprint) return { record: { ...current }, issued: false };
    const record: InvitationRecord = {
      interviewId,
      uid: current?.uid ?? version.uid,
      sequence: current ? current.sequence + 1 : 0,
      method: version.method,
      fingerprint: version.fingerprint,
      updatedAt: now,
    };
    this.records.set(interviewId, record);
    return { record: { ...record }, issued: true };
  }
}

