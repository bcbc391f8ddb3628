import { canonical, hash64 } from '../engine';

/**
 * Content hash of a scenario file: the hash of its canonical JSON, so reformatting the file
 * keeps the hash while any change to its content alters it. The editor hint `$schema` is left out.
 */
export function scenarioHash(text: string): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  const { $schema: _hint, ...content } = data;
  return hash64(canonical(content));
}
