import type { common as ru } from '../ru/common.ts';

export const common: typeof ru = {
  states: {
    suppressed: (minParticipants: number) => `hidden: fewer than ${minParticipants} participants`,
    missing: 'no data',
    na: 'not applicable',
  },
  // English has two plural categories (one, other); the third form repeats the second.
  forms: {
    schools: ['school', 'schools', 'schools'],
    schoolsGenitive: ['school', 'schools', 'schools'],
    schoolsDative: ['school', 'schools', 'schools'],
    assigned: ['is identified', 'are identified', 'are identified'],
    participants: ['participant', 'participants', 'participants'],
    years: ['year', 'years', 'years'],
    points: ['point', 'points', 'points'],
    times: ['time', 'times', 'times'],
    pages: ['page', 'pages', 'pages'],
    files: ['file', 'files', 'files'],
  },
  percent: (number: string) => `${number}%`,
};
