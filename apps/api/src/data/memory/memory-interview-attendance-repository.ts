import type { InterviewAttendance, InterviewAttendanceRepository } from '../../domain/ports/interview-attendance-repository';

export class MemoryInterviewAttendanceRepository implements InterviewAttendanceRepository {
  private readonly documents = new Map<string, InterviewAttendance>();

  async find(interviewId: string): Promise<InterviewAttendance | null> {
    const doc = this.documents.get(interviewId);
    return doc ? structuredClone(doc) : null;
  }

  async findMany(interviewIds: string[]): Promise<InterviewAttendance[]> {
    return interviewIds.flatMap((id) => {
      const doc = this.documents.get(id);
      return doc ? [structuredClone(doc)] : [];
    });
  }

  async save(next: Omit<InterviewAttendance, 'version'>, expectedVersion: number | null): Promise<boolean> {
    const current = this.documents.get(next.interviewId);
    if ((current?.version ?? null) !== expectedVersion) return false;
    this.documents.set(next.interviewId, { ...structuredClone(next), version: (expectedVersion ?? 0) + 1 });
    return true;
  }
}
