import type { changes as ru } from '../ru/changes.ts';

export const changes: typeof ru = {
};
