import { readLaunch } from '../../platform/links';

/** Codes in a compare link are joined by this: it is never part of a code. */
const COMPARE_JOIN = '~';

/** A pasted code, or the code inside a pasted replay link. */
export function codeFrom(text: string): string {
  const t = text.trim();
  const launch = t.includes('?') ? readLaunch(t.slice(t.indexOf('?'))) : null;
  return launch?.kind === 'replay' ? launch.code.trim() : t;
}

/** The `compare` value of a link to two runs side by side. */
export function joinedCodes(codeA: string, codeB: string): string {
  return `${codeA}${COMPARE_JOIN}${codeB}`;
}
