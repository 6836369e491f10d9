import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SECRETS, EnvError, parseEnv } from '../src/config/env';

const ENV_TS = readFileSync(path.resolve(__dirname, '../src/config/env.ts'), 'utf8');
const ENV_EXAMPLE = readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');

/** The variable names declared in env.ts's zod object (read from source so new variables are caught too). */
function declaredVariables(): string[] {
  const body = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(ENV_TS)?.[1];
  if (!body) throw new Error('could not find `const envSchema = z.object({ ... });` in src/config/env.ts');
  return [...body.matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!);
}

function exampleValues(): Record<string, string> {
  const entries = ENV_EXAMPLE.split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!] as const);
  return Object.fromEntries(entries);
}

/** The comment lines directly above `NAME=` (up to a section rule). */
function commentAbove(name: string): string {
  const lines = ENV_EXAMPLE.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${name}=`));
  let start = index;
  while (start > 0 && lines[start - 1]!.startsWith('#') && !lines[start - 1]!.startsWith('# ──')) start -= 1;
  return lines.slice(start, index).join('\n');
}

describe('.env.example', () => {
  test('lists every variable env.ts declares, and nothing env.ts does not know', () => {
    const declared = declaredVariables();
    expect(declared.length).toBeGreaterThan(20);
    expect(Object.keys(exampleValues()).sort()).toEqual([...declared].sort());
  });

  test('a comment above each variable gives its default and whether it is secret', () => {
    const undocumented = declaredVariables().filter((name) => {
      const comment = commentAbove(name);
      return !/Default:/.test(comment) || !/SECRET|Not secret|Secret when/.test(comment);
    });
    expect(undocumented).toEqual([]);
  });

  test('its values start a development API as they are, and production refuses them as demo values', () => {
    const values = exampleValues();
    expect(() => parseEnv(values)).not.toThrow();
    for (const [name, demoValue] of Object.entries(DEMO_SECRETS)) {
      if (values[name]) expect(values[name]).toBe(demoValue);
    }
    let refusal: unknown;
    try {
      parseEnv({ ...values, NODE_ENV: 'production', MONGODB_URI: 'mongodb://localhost:27017/interview_crm' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EnvError);
    expect((refusal as EnvError).problems.join('\n')).toMatch(/JWT_SECRET: the demo secret/);
  });

  test('names the Zoom redirect URI the design note registers', () => {
    expect(exampleValues().ZOOM_REDIRECT_URI).toBe('http://localhost:5000/api/zoom/callback');
  });
});
