/**
 * UTF-8 through the platform's TextEncoder/TextDecoder, which Node, workers and browsers all have
 * (engine/ compiles without the DOM library, so they are reached through globalThis).
 */
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;

export const utf8Encode = (text: string): Uint8Array => new codecs.TextEncoder().encode(text);
export const utf8Decode = (bytes: Uint8Array): string => new codecs.TextDecoder().decode(bytes);
