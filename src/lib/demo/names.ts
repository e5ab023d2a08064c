/**
 * Invented place and school names. The region is fictional; names are built from
 * common Russian roots, so a coincidence with a real place is possible, but no
 * list of real schools or settlements was used.
 */
import type { Rng } from './rng.ts';

/** Adjective roots: root + «ка» is a village, root + «ская» its school, root + «ский район» a district. */
const ROOTS = [
  'Берёзов', 'Соснов', 'Кедров', 'Рябинов', 'Ольхов', 'Осинов', 'Липов', 'Калинов', 'Малинов',
  'Черёмухов', 'Журавлёв', 'Лебедев', 'Глухарёв', 'Медведев', 'Бобров', 'Ершов', 'Окунев',
  'Карасёв', 'Сорокин', 'Воронин', 'Гусев', 'Песков', 'Мохов', 'Луков', 'Ключев', 'Боров',
  'Дубров', 'Полев', 'Житов', 'Гречихин', 'Ясенев', 'Вязов', 'Тополев', 'Пихтов', 'Кленов',
  'Дубов', 'Ивнев', 'Холмов', 'Брусов', 'Овсов', 'Клевер', 'Ракитин', 'Вербов', 'Лосев',
  'Куницын', 'Снегирёв', 'Камышов', 'Озерков', 'Родников', 'Ручьев',
];
const PREFIXES = ['', 'Верхне', 'Нижне', 'Ново', 'Старо', 'Мало', 'Больше'];

/** Prefix + root, with the root's capital lowered after a prefix («Новососнов»). */
function stem(prefix: string, root: string): string {
  return prefix ? prefix + root.charAt(0).toLowerCase() + root.slice(1) : root;
}

/** Every village stem in a fixed order: roots first, then prefixed forms. */
export const VILLAGE_STEMS: readonly string[] = PREFIXES.flatMap((p) => ROOTS.map((r) => stem(p, r)));

export const villageName = (s: string): string => s + 'ка';
export const villageAdjective = (s: string): string => s + 'ская';

/** The default region's three towns and seven districts; larger runs extend them. */
const TOWNS = ['Северогорск', 'Озёрнинск', 'Рудногорск'];
const TOWN_STEMS = ['Северо', 'Озёро', 'Рудно', 'Ледо', 'Звездо', 'Камне', 'Лесо', 'Светло', 'Ясно', 'Медно', 'Сосно', 'Кедро'];
const TOWN_ENDS = ['горск', 'озёрск', 'реченск', 'польск', 'заводск', 'борск'];
const DISTRICTS = ['Озёрский', 'Таёжный', 'Кедровский', 'Берёзовский', 'Студёный', 'Клюквенский', 'Заречный'];

export function townName(i: number): string {
  if (i < TOWNS.length) return TOWNS[i];
  const j = i - TOWNS.length;
  const base = TOWN_STEMS[j % TOWN_STEMS.length] + TOWN_ENDS[Math.floor(j / TOWN_STEMS.length) % TOWN_ENDS.length];
  const round = Math.floor(j / (TOWN_STEMS.length * TOWN_ENDS.length));
  return round === 0 ? base : `${base}-${round + 1}`;
}

export function districtName(i: number): string {
  if (i < DISTRICTS.length) return `${DISTRICTS[i]} район`;
  const j = i - DISTRICTS.length;
  const n = VILLAGE_STEMS.length;
  if (j < n) return `${VILLAGE_STEMS[j]}ский район`;
  // Past the single stems: double names such as «Берёзово-Сосновский район».
  const a = Math.floor((j - n) / ROOTS.length) % ROOTS.length;
  const b = (j - n) % ROOTS.length;
  const round = Math.floor((j - n) / (ROOTS.length * ROOTS.length));
  const name = `${ROOTS[a]}о-${ROOTS[b].toLowerCase()}ский район`;
  return round === 0 ? name : `${name} № ${round + 1}`;
}

/** Genitive of a town name for «… г. Северогорска». */
export const townGenitive = (t: string): string => (/-\d+$/.test(t) ? t : t + 'а');

const STREETS = ['Школьная', 'Центральная', 'Лесная', 'Садовая', 'Молодёжная', 'Новая', 'Заречная', 'Полевая', 'Советская', 'Мира'];

export function address(rng: Rng, place: string, town: boolean): string {
  const street = rng.pick(STREETS);
  return `${town ? 'г.' : 'с.'} ${place}, ул. ${street}, д. ${rng.int(1, town ? 60 : 25)}`;
}

/** Village stems for one district: a shuffled draw without repeats. */
export function villagePool(rng: Rng): string[] {
  return rng.shuffle(VILLAGE_STEMS);
}
