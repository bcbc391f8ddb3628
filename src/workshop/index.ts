// The workshop dashboard's pure core: hand-ins found in any text, verified into one room, compared
// and turned into debrief questions. No DOM and no Node: the browser's dashboard and `sim workshop`
// share it.
export { extractSubmissions, MAX_CANDIDATES, type Submission } from './extract';
export {
  collectRoom,
  verifyAhead,
  firstRunExpectation,
  newRoomCache,
  type RefusedHandIn,
  type Room,
  type RoomExpectation,
  type TeamRun,
} from './collect';
export {
  aspectProfiles,
  decisionsAt,
  firstDivergence,
  meterSeries,
  regimeTimeline,
  SERIES_KEYS,
  teamRows,
  type SeriesKey,
  type TeamRow,
} from './compare';
export { debriefPrompts, STANDING_PROMPTS } from './prompts';
export { BYTE_ORDER_MARK, ROOM_CSV_HEADER, roomCsv, SUMMARY_CSV_HEADER, summaryCsv } from './csv';
