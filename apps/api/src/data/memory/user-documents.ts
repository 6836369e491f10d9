import type { MemoryUserDocument } from './memory-user-repository';

/**
 * The user documents, shared by the user and Zoom connection repositories as in MongoDB, with a version
 * that every write of a counted field (role, active, connection state) moves on: the admin totals are
 * asked on every page of the connections list and are only counted again after such a write.
 */
export class UserDocuments extends Map<string, MemoryUserDocument> {
  version = 0;

  override set(id: string, doc: MemoryUserDocument): this {
    this.version += 1;
    return super.set(id, doc);
  }

  override delete(id: string): boolean {
    this.version += 1;
    return super.delete(id);
  }

  /** Called after changing a document's role, active flag or connection state in place. */
  changed(): void {
    this.version += 1;
  }
}
