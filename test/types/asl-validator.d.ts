/** asl-validator ships JavaScript only; this is the part of its API the tests use. */
declare module 'asl-validator' {
  export default function validator(definition: unknown): { isValid: boolean; errors: unknown[] };
}
