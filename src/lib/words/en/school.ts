import type { school as ru } from '../ru/school.ts';

export const school: typeof ru = {
};
