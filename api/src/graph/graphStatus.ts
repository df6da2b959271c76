/** The HTTP status the Graph client attached to an error, if it is one of its errors. */
export function graphStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error
    ? Number((error as { statusCode: unknown }).statusCode)
    : undefined;
}
