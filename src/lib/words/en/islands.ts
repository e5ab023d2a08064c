import type { islands as ru } from '../ru/islands.ts';

export const islands: typeof ru = {
  compare: {
    caption: 'The chosen schools compared',
    indicator: 'Indicator',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    byYear: (basis: string) => `${basis} by year`,
    region: 'Compare schools',
    chosen: (n: number, max: number) => `Schools chosen: ${n} of ${max}.`,
    notFound: (typed: string) => `No school “${typed}” was found. Choose it from the list.`,
    already: 'This school is already chosen.',
    tooMany: (max: number) => `At most ${max} schools can be compared. Remove one.`,
  },
  peers: {
    noContext: 'Similar schools cannot be chosen for this school: there are no data on its social context.',
    defaults: (n: number) => `Showing the default similar schools: ${n} sitting the same exams and closest in social context and size.`,
    shown: (n: number, chosen: string) => `Showing the ${n} schools closest in social context and size that sit the same exams, ${chosen}.`,
    none: (chosen: string) => `The site has no schools ${chosen}. Untick one of the boxes.`,
    loading: 'Loading the schools’ data…',
    failed: 'The schools’ data did not load; the default choice is shown.',
  },
  sparkLabel: (name: string, basis: string) => `${name}: ${basis} by year`,
};
