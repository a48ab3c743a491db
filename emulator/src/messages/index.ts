/** Every platform message the emulator answers; add a new area's file to this list. */
import { listMessages } from './lists';
import { multipleMessages } from './multiple';
import { platformMessages } from './platform';
import { solutionMessages } from './solution-import';
import type { PlatformMessage } from './types';

export const PLATFORM_MESSAGES: readonly PlatformMessage[] = [...platformMessages, ...solutionMessages, ...listMessages, ...multipleMessages];
