import type { downloads as ru } from '../ru/downloads.ts';

export const downloads: typeof ru = {
};
