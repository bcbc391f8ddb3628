/** What the page was opened to do, read from its query string. */
export type Launch =
  | { readonly kind: 'title' }
  | { readonly kind: 'replay'; readonly code: string }
  /** `?compare=CODE1~CODE2`: two runs side by side; `?compare` alone opens the entry. */
  | { readonly kind: 'compare'; readonly a: string; readonly b: string }
  /** `?workshop` opens the setup, `?workshop=ROOM` that session's dashboard. */
  | { readonly kind: 'workshop'; readonly room: string }
  /** `?workshop=ROOM&guide`: the facilitator guide, opened from that room's dashboard. */
  | { readonly kind: 'guide'; readonly room: string }
  /** `?lab`: the scenario lab (a shared scenario rides in the `#lab=` fragment). */
  | { readonly kind: 'lab' }
  | {
      readonly kind: 'game';
      readonly scenario: string;
      readonly seed: string;
      /** A workshop's room code: the team names itself before turn 1 and hands its run in. */
      readonly room?: string;
      /** The team's name the facilitator put in the link, offered as the default. */
      readonly team?: string;
      /** A branch's own save: it shares its scenario and seed with the run it left. */
      readonly branch?: string;
      /** A live room's relay (`relay=`), with the room's key (`rk=`) or the team's own (`tk=`). */
      readonly relay?: { readonly url: string; readonly roomKey?: string; readonly teamKey?: string };
    };

export function readLaunch(search: string): Launch {
  const p = new URLSearchParams(search);
  const replay = p.get('replay');
  if (replay !== null) return { kind: 'replay', code: replay };
  const compare = p.get('compare');
  if (compare !== null) {
    const [a = '', ...rest] = compare.split('~');
    return { kind: 'compare', a, b: rest.join('~') };
  }
  const workshop = p.get('workshop');
  if (workshop !== null && p.has('guide') && workshop.trim() !== '') return { kind: 'guide', room: workshop.trim() };
  if (workshop !== null) return { kind: 'workshop', room: workshop.trim() };
  if (p.has('lab')) return { kind: 'lab' };
  const scenario = p.get('scenario');
  if (scenario !== null) {
    const room = p.get('room');
    const team = p.get('team');
    const branch = p.get('branch');
    const relay = relayOf(p);
    return {
      kind: 'game',
      scenario,
      seed: p.get('seed') ?? '',
      ...(room !== null ? { room } : {}),
      ...(team !== null ? { team } : {}),
      ...(branch !== null ? { branch } : {}),
      ...(relay ? { relay } : {}),
    };
  }
  return { kind: 'title' };
}

/** A relay's address and a key, when the link carries both; a relay address must be ws: or wss:. */
function relayOf(p: URLSearchParams): { url: string; roomKey?: string; teamKey?: string } | null {
  const url = p.get('relay');
  const teamKey = p.get('tk');
  const roomKey = p.get('rk');
  if (url === null || !/^wss?:\/\/[^\s]+$/.test(url)) return null;
  if (teamKey) return { url, teamKey };
  if (roomKey) return { url, roomKey };
  return null;
}

/** A link to this page with the given query, keeping whatever sub-path the site is served from. */
export function linkTo(
  params: Record<string, string>,
  location: { readonly origin: string; readonly pathname: string },
): string {
  return `${location.origin}${location.pathname}?${queryString(params)}`;
}

/** A query string; `~` (which joins two codes in a compare link) is left as it is, as URLs allow. */
export function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString().replace(/%7E/g, '~');
}
