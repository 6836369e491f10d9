import type { Model } from 'mongoose';
import { windowsOverlap, type FallbackHostSlotRepository, type SlotRequest } from '../../domain/ports/fallback-host-slot-repository';
import type { FallbackHostSlotDocument } from './fallback-host-slot-model';

/** Writers racing for one host retry at most this often before that host counts as taken. */
const MAX_RACES_PER_HOST = 50;

/**
 * Each host's reservations live in one document written only by compare-and-set on its version: two
 * instances counting the same free slot cannot both write, the loser counts again. A single-document
 * write is atomic on any MongoDB (no replica set needed), so write skew cannot happen.
 */
export class MongoFallbackHostSlotRepository implements FallbackHostSlotRepository {
  constructor(private readonly model: Model<FallbackHostSlotDocument>) {}

  async reserve(request: SlotRequest): Promise<string | null> {
    for (const host of request.hosts) {
      if (await this.reserveOn(host.zoomUserId, host.allowance, request)) {
        // Moved here from another host: that slot is free again.
        await this.model.collection.updateMany(
          { _id: { $ne: host.zoomUserId as never }, 'slots.interviewId': request.interviewId },
          { $pull: { slots: { interviewId: request.interviewId } } as never, $inc: { version: 1 } },
        );
        return host.zoomUserId;
      }
    }
    return null;
  }

  async release(interviewId: string): Promise<void> {
    await this.model.collection.updateMany({ 'slots.interviewId': interviewId }, { $pull: { slots: { interviewId } } as never, $inc: { version: 1 } });
  }

  async hostOf(interviewId: string): Promise<string | null> {
    const doc = await this.model.collection.findOne({ 'slots.interviewId': interviewId }, { projection: { _id: 1 } });
    return doc ? String(doc._id) : null;
  }

  private async reserveOn(hostId: string, allowance: number, request: SlotRequest): Promise<boolean> {
    for (let race = 0; race < MAX_RACES_PER_HOST; race += 1) {
      const doc = await this.model.collection.findOne({ _id: hostId as never });
      const slots = (doc?.slots ?? []) as FallbackHostSlotDocument['slots'];
      const others = slots.filter((slot) => slot.interviewId !== request.interviewId);
      if (others.filter((slot) => windowsOverlap(slot, request)).length >= allowance) return false;
      const next = [...others.filter((slot) => slot.endTime.getTime() > request.now.getTime()), { interviewId: request.interviewId, startTime: request.startTime, endTime: request.endTime }];
      if (!doc) {
        try {
          await this.model.collection.insertOne({ _id: hostId as never, version: 1, slots: next });
          return true;
        } catch (error) {
          // 11000: another instance made the host's document first; count again on it.
          if ((error as { code?: number }).code !== 11000) throw error;
          continue;
        }
      }
      const written = await this.model.collection.updateOne({ _id: hostId as never, version: doc.version as number }, { $set: { slots: next }, $inc: { version: 1 } });
      if (written.modifiedCount === 1) return true;
    }
    return false;
  }
}
