import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

test.describe('the production build the tests run on', () => {
  test('has no Turbopack warnings (a traced whole project would ship every file in every function)', () => {
    const log = readFileSync(path.join(root, '.e2e/server.log'), 'utf8');
    expect(log).toContain('Compiled successfully');
    expect(log).not.toMatch(/Turbopack build encountered \d+ warnings?/);
    expect(log).not.toContain('Dynamic filesystem access');
  });
});
