/** Same server and options, another database. Keeps authenticating against the original database. */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)([^/?]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(uri);
  if (!match) throw new Error('MONGODB_URI is not a mongodb:// or mongodb+srv:// URI');
  const [, scheme, authority, originalDb, query] = match;
  const params = new URLSearchParams(query ?? '');
  if (authority!.includes('@') && !params.has('authSource')) params.set('authSource', originalDb || 'admin');
  const search = params.toString();
  return `${scheme}${authority}/${database}${search ? `?${search}` : ''}`;
}
