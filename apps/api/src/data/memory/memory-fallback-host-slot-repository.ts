import { windowsOverlap, type FallbackHostSlotRepository, type SlotRequest } from '../../domain/ports/fallback-host-slot-repository';

interface Slot {
  interviewId: string;
  startTime: Date;
  endTime: Date;
}

/** One process: each reserve checks and writes with no await in between, so nothing can interleave. */
export class MemoryFallbackHostSlotRepository implements FallbackHostSlotRepository {
  private readonly slotsByHost = new Map<string, Slot[]>();

  async reserve(request: SlotRequest): Promise<string | null> {
    for (const host of request.hosts) {
      const slots = this.slotsByHost.get(host.zoomUserId) ?? [];
      const busy = slots.filter((slot) => slot.interviewId !== request.interviewId && windowsOverlap(slot, request)).length;
      if (busy >= host.allowance) continue;
      this.forget(request.interviewId);
      const kept = (this.slotsByHost.get(host.zoomUserId) ?? []).filter((slot) => slot.endTime.getTime() > request.now.getTime());
      this.slotsByHost.set(host.zoomUserId, [...kept, { interviewId: request.interviewId, startTime: new Date(request.startTime), endTime: new Date(request.endTime) }]);
      return host.zoomUserId;
    }
    return null;
  }

  async release(interviewId: string): Promise<void> {
    this.forget(interviewId);
  }

  async hostOf(interviewId: string): Promise<string | null> {
    for (const [host, slots] of this.slotsByHost) if (slots.some((slot) => slot.interviewId === interviewId)) return host;
    return null;
  }

  private forget(interviewId: string): void {
    for (const [host, slots] of this.slotsByHost) this.slotsByHost.set(host, slots.filter((slot) => slot.interviewId !== interviewId));
  }
}
