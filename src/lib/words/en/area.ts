import type { area as ru } from '../ru/area.ts';

export const area: typeof ru = {
};
