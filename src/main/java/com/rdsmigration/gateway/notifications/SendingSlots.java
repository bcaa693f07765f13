package com.rdsmigration.gateway.notifications;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This replica's sending slots: {@code gateway.webhooks.concurrency} in all, at most
 * {@code gateway.webhooks.team-concurrency} of them held by one team, so that a team whose receivers hang holds only
 * its own slots and the others keep serving the other teams. An attempt that ends frees its slot and wakes the
 * delivery loop, which claims again at once: no attempt waits for another's to end, only for a free slot.
 */
final class SendingSlots {

    private final int total;
    private final int perTeam;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private int used;
    private boolean changed;

    SendingSlots(int total, int perTeam) {
        this.total = total;
        this.perTeam = perTeam;
    }

    /** What a claim may take now, looking at no more than {@code lookAt} due deliveries. */
    synchronized ClaimBudget budget(int lookAt) {
        return new ClaimBudget(total - used, perTeam, inFlight, lookAt);
    }

    /** Takes a slot for an attempt of this team (within a budget just given: the caller claims alone). */
    synchronized void take(String team) {
        used++;
        inFlight.merge(team, 1, Integer::sum);
    }

    /** Frees the slot of an attempt that ended, and wakes the loop. */
    synchronized void release(String team) {
        used--;
        inFlight.computeIfPresent(team, (name, count) -> count == 1 ? null : count - 1);
        wake();
    }

    /** Wakes the loop now, as a freed slot would. */
    synchronized void wake() {
        changed = true;
        notifyAll();
    }

    /** Waits until a slot is freed or {@link #wake()} is called since the last wait, at most {@code timeout}. */
    synchronized void awaitChange(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); !changed && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        changed = false;
    }

    /** Waits until no attempt is in flight, at most {@code timeout}; answers whether none is. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); used > 0 && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return used == 0;
    }
}
