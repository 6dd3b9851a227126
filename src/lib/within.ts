/**
 * `work`'s answer, or false once `ms` have passed without one: for a wait that may give up
 * (a Redis that does not answer) while the work itself goes on in the background.
 */
export async function answeredWithin(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
