import { withDatabase } from './mongo-database-uri';

describe('withDatabase (how the mongo contract runner isolates each store)', () => {
  test.each([
    ['mongodb://localhost:27017/interview_crm?replicaSet=rs0', 'mongodb://localhost:27017/run_1?replicaSet=rs0'],
    ['mongodb://localhost:27017', 'mongodb://localhost:27017/run_1'],
    ['mongodb://localhost:27017/', 'mongodb://localhost:27017/run_1'],
    ['mongodb://a:27017,b:27018/crm?replicaSet=rs0&w=majority', 'mongodb://a:27017,b:27018/run_1?replicaSet=rs0&w=majority'],
    ['mongodb+srv://cluster0.example.net/crm', 'mongodb+srv://cluster0.example.net/run_1'],
  ])('%s becomes %s', (uri, expected) => {
    expect(withDatabase(uri, 'run_1')).toBe(expected);
  });

  test('with credentials it keeps authenticating against the original database (or admin)', () => {
    expect(withDatabase('mongodb://u:p%40ss@h:27017/crm', 'run_1')).toBe('mongodb://u:p%40ss@h:27017/run_1?authSource=crm');
    expect(withDatabase('mongodb://u:p@h:27017', 'run_1')).toBe('mongodb://u:p@h:27017/run_1?authSource=admin');
    expect(withDatabase('mongodb://u:p@h/crm?authSource=other', 'run_1')).toBe('mongodb://u:p@h/run_1?authSource=other');
  });

  test('a URI that is not mongodb:// is refused', () => {
    expect(() => withDatabase('postgres://h/db', 'run_1')).toThrow(/mongodb/);
  });
});
