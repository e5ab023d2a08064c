/** Words every part of the site uses: value states, plural forms, units. Imports nothing. */
export const common = {
  /** What a reader sees instead of a number. */
  states: {
    suppressed: (minParticipants: number) => `скрыто: менее ${minParticipants} участников`,
    missing: 'нет данных',
    na: 'не применимо',
  },
  /** Plural forms for plural()/countOf(): one, few, many (CLDR categories of the locale). */
  forms: {
    schools: ['школа', 'школы', 'школ'],
    /** After «у», «из»: у 1 школы, у 2 школ, у 21 школы. */
    schoolsGenitive: ['школы', 'школ', 'школ'],
    /** After «по»: по 1 школе, по 2 школам, по 21 школе. */
    schoolsDative: ['школе', 'школам', 'школам'],
    /** «1 школа отнесена», «2 школы отнесены». */
    assigned: ['отнесена', 'отнесены', 'отнесены'],
    participants: ['участник', 'участника', 'участников'],
    years: ['год', 'года', 'лет'],
    points: ['балл', 'балла', 'баллов'],
    times: ['раз', 'раза', 'раз'],
    pages: ['страница', 'страницы', 'страниц'],
    files: ['файл', 'файла', 'файлов'],
  } satisfies Record<string, readonly [string, string, string]>,
  /** A number already formatted, as a percentage: «12,3 %». */
  percent: (number: string) => `${number}\u00a0%`,
};
