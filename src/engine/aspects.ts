// The eight aspects on which leadership and management differ; every action sits on one.
export const ASPECTS = [
  'vision-goals',
  'vision-mission',
  'change-stability',
  'influence-authority',
  'people-tasks',
  'risk',
  'innovation-efficiency',
  'development-direction',
] as const;

// One of the eight aspects on which leading and managing differ (vision vs goals, …).
export type Aspect = (typeof ASPECTS)[number];
// Which side of an aspect a card stands on: leading or managing.
export type Side = 'lead' | 'manage';

// What each side of an aspect stands for, in the game's own words.
export const ASPECT_INFO: Record<Aspect, { title: string; lead: string; manage: string }> = {
  'vision-goals': {
    title: 'Vision vs goals',
    lead: 'paints where the team is headed in the long run',
    manage: 'turns it into specific, measurable goals',
  },
  'vision-mission': {
    title: 'Vision vs mission',
    lead: 'keeps an aspirational future in view',
    manage: 'keeps the present purpose and core objectives in view',
  },
  'change-stability': {
    title: 'Change vs stability',
    lead: 'challenges the way things are done',
    manage: 'keeps systems steady and dependable',
  },
  'influence-authority': {
    title: 'Influence vs authority',
    lead: 'earns a following through respect',
    manage: 'directs through the position held',
  },
  'people-tasks': {
    title: 'People vs tasks',
    lead: 'looks after how people feel and what drives them',
    manage: 'looks after the work, its schedule and its output',
  },
  risk: {
    title: 'Risk-taking vs risk-mitigation',
    lead: 'accepts uncertainty to try something new',
    manage: 'reduces uncertainty so results are predictable',
  },
  'innovation-efficiency': {
    title: 'Innovation vs efficiency',
    lead: 'makes room for new ideas',
    manage: 'makes the existing work cheaper and faster',
  },
  'development-direction': {
    title: 'Development vs direction',
    lead: 'grows people so they can do more',
    manage: 'tells people clearly what to do',
  },
};
