/** The part of mammoth (no types of its own) the import command uses: .docx → plain text, in the browser too. */
declare module "mammoth" {
  export interface MammothMessage {
    type: string;
    message: string;
  }
  export function extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string; messages: MammothMessage[] }>;
}
