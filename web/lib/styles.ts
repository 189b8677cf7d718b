/** Text as typed: line breaks kept, long words broken (minutes, replies, notes). */
export const preWrap = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };
