import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelDocMarkdown, PARAMETERS } from '../../../models/health-care/index.js';
import { MODEL_VARIABLES } from '../../../models/health-care/model.js';

describe('model documentation', () => {
  const doc = modelDocMarkdown();
  it('documents every variable with its equation and every parameter with its source', () => {
    for (const v of MODEL_VARIABLES) expect(doc, v.name).toContain(`| ${v.name} | ${v.kind} |`);
    for (const p of PARAMETERS) expect(doc, p.name).toMatch(new RegExp(`\\| ${p.name} \\| ${p.group} \\|.*\\| ${p.source} \\| ${p.grade} \\|`));
  });

  it('names the loops, the fixes and the "900 stranded" explanation', () => {
    for (const loop of ['R1', 'R2', 'R3', 'R4', 'B1', 'B2', 'B3']) expect(doc).toMatch(new RegExp(`\\*\\*${loop} `));
    for (const fix of ['Double-counted', 'explodes each March', 'never switches off', 'Missing bed limit', 'blind to the queue']) expect(doc).toContain(fix);
    expect(doc).toContain('"900 stranded"');
  });

  it('is what models/health-care/README.md holds (regenerate with `joinedup model doc > models/health-care/README.md`)', () => {
    const readme = readFileSync(new URL('../../../models/health-care/README.md', import.meta.url), 'utf8');
    expect(readme).toBe(doc);
  });
});
