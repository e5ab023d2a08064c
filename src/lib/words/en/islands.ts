import type { islands as ru } from '../ru/islands.ts';

export const islands: typeof ru = {
};
