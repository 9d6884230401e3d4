import type { MessageKey } from '../i18n/messages';

/** The training panel's keys: all UI text lives in the one table, renderer/i18n/messages.ts. */
export type TrainingMessageKey = Extract<MessageKey, `train.${string}`>;
