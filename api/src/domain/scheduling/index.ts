export type { IsoInterval, TimeInterval } from './intervals';
export {
  intersectIntervals,
  normalizeIntervals,
  parseInstant,
  subtractIntervals,
  toIsoInterval,
} from './intervals';
export type {
  BookingWindowInput,
  QuarterKey,
  QuarterlyWindow,
  QuarterWindowSettings,
} from './quarter';
export {
  bookingWindows,
  DEFAULT_QUARTER_WINDOW,
  FIRST_CONVERSATION_WITHIN_DAYS,
  firstConversationWindow,
  GET_SCHEDULE_MAX_DAYS,
  nextQuarter,
  parseQuarterKey,
  plannedWindow,
  quarterBounds,
  quarterlyConversationWindow,
  quarterOf,
  splitForGetSchedule,
  validateQuarterWindowSettings,
} from './quarter';
export type { DayOfWeek, Disambiguation, IanaTimeZone, ZonedDateTime } from './timeZones';
export {
  DAYS_OF_WEEK,
  resolveTimeZone,
  utcToZonedTime,
  WINDOWS_TIME_ZONES,
  zonedTimeToUtc,
} from './timeZones';
export type { WorkingHours, WorkingHoursExpansion } from './workingHours';
export { expandWorkingHours } from './workingHours';
export type {
  NoSlotReason,
  ReportSchedule,
  SchedulingParticipant,
  SlotFinderInput,
  SlotOutcome,
} from './slotFinder';
export { findSlots, SLOT_FINDER_DEFAULTS } from './slotFinder';
export type {
  AvailabilityOptions,
  GraphDateTimeTimeZone,
  GraphScheduleInformation,
  GraphScheduleItem,
  GraphWorkingHours,
  ParsedAvailability,
} from './availability';
export { parseScheduleInformation } from './availability';
export type {
  AgendaAcknowledgement,
  AgendaAction,
  AgendaAspiration,
  AgendaEvidence,
  AgendaInput,
  AgendaMeeting,
  AspirationHorizon,
} from './agenda';
export { conversationStarters, escapeHtml, IN_THE_MEETING, renderAgenda } from './agenda';
export type { ConversationHold, ConversationHolds } from './conversationHolds';
export { createConversationHolds } from './conversationHolds';
export type { StretchedSlot, StretchRules } from './slotFinder';
export type { NonWorkingDates } from './holidays';
export { daysOffFor, officeMatches } from './holidays';
export type { PickInput, PickSlot } from './managerPick';
export { PICK_DAY, stillPickable, suggestPickSlots, widenedHours } from './managerPick';
