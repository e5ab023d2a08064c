/**
 * The build runs itself again with glibc's mmap threshold fixed (src/lib/build/allocator.ts)
 * only where that means something (Linux) and only once (not when it is already set).
 */
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, needsAllocatorRelaunch } from '../../src/lib/build/allocator.ts';

describe('the allocator relaunch', () => {
  it('happens on Linux without the setting, and not with it or elsewhere', () => {
    expect(ALLOCATOR_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(needsAllocatorRelaunch({}, 'linux')).toBe(true);
    expect(needsAllocatorRelaunch({ MALLOC_MMAP_THRESHOLD_: '131072' }, 'linux')).toBe(false);
    // A threshold the user chose is theirs.
    expect(needsAllocatorRelaunch({ MALLOC_MMAP_THRESHOLD_: '4096' }, 'linux')).toBe(false);
    expect(needsAllocatorRelaunch({}, 'darwin')).toBe(false);
    expect(needsAllocatorRelaunch({}, 'win32')).toBe(false);
  });
});
