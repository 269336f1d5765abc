/** PostgreSQL's deadlock_detected: it aborted this transaction to let the other one through. */
const DEADLOCK = '40P01';

/**
 * Runs a whole transaction again when PostgreSQL chose it as a deadlock's victim (nothing of it was
 * written), up to `attempts` times, after a short random pause so the two do not meet again. For
 * commands whose row triggers touch several shared rows in an order the data decides (mediation's
 * calendar versions). Any other error goes to the caller as it is.
 */
export async function retryDeadlocks<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
