import { plainText } from '../src/plain-text';

describe('plain text typed by people', () => {
  const singleLine = plainText({ min: 1, max: 20 });
  const multiline = plainText({ max: 200, multiline: true });

  test('when a name arrives with surrounding spaces, it is stored trimmed', () => {
    expect(singleLine.parse('  Ada Lovelace  ')).toBe('Ada Lovelace');
  });

  test.each([
    ['a NUL byte', 'Ada\u0000'],
    ['an ANSI escape sequence', '\u001b[31mAda'],
    ['a line break', 'Ada\nLovelace'],
  ])('when a single-line field contains %s, it is refused with a message saying why', (_label, value) => {
    const result = singleLine.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a single line without control characters');
  });

  test('when a multi-line field has line breaks and tabs, they are kept', () => {
    expect(multiline.parse('Agenda:\n\t1. intro\r\n\t2. task')).toBe('Agenda:\n\t1. intro\r\n\t2. task');
  });

  test('when a multi-line field contains a NUL byte, it is refused', () => {
    const result = multiline.safeParse('line one\n\u0000');
    expect(result.error?.issues[0]?.message).toBe('must not contain control characters');
  });

  test('when text carries an unpaired surrogate, it is refused as invalid Unicode', () => {
    const result = singleLine.safeParse('Ada \ud800');
    expect(result.error?.issues.map((issue) => issue.message)).toContain('must be valid Unicode text');
  });

  test('when text is longer than the limit, it is refused', () => {
    expect(singleLine.safeParse('x'.repeat(21)).success).toBe(false);
  });
});
