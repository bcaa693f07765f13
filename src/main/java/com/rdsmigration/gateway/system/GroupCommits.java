package com.rdsmigration.gateway.system;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Lets concurrent transactions that raise the same shared rows commit together: while one group's round trip is on
 * its way, the next transactions of the same kind wait, and the first of them to find the way free sends all of their
 * statements, one transaction after the other's, in one round trip on its own connection, ending with one commit. The
 * others' connections have sent nothing, so their own commits send nothing either. Under load this turns many
 * commits, each holding the shared rows for its WAL flush, into one; a transaction that finds no group on its way
 * sends its own trip at once, as before.
 *
 * <p>Only a transaction whose last trip carries its commit, whose connection has sent nothing yet (so the trip is the
 * whole transaction) and which raises at least one shared row ({@link StatementPipeline.Spec#sharedRow}) joins a
 * group, and only with transactions that raise the same shared rows with the same values: they lock the same rows in
 * the same order, so a group takes no lock in an order that a lone transaction could take the other way round.
 *
 * <p>When a group's trip fails, nothing of it was committed (a statement or the commit was refused): each member then
 * sends its own trip, alone, as if there had been no group, so a refusal (a full quota, a late rate slot, a key in
 * use) reaches exactly the transaction it belongs to, with its own exception. What a statement's result is read by
 * runs for its own member; if it throws, its member throws it.
 */
final class GroupCommits {

    /** At most this many transactions in one trip: a bounded trip, and a bounded wait for its last member. */
    static final int MAX_MEMBERS = 32;

    private final RoundTrips trips;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<List<Object>, Group> groups = new HashMap<>();

    GroupCommits(RoundTrips trips) {
        this.trips = trips;
    }

    /** Whether this transaction's last trip, which carries its commit, may be sent with others'. */
    boolean mayJoin(List<PipelinedStatement> trip) {
        return trip.stream().anyMatch(PipelinedStatement::sharesRow) && trips.nothingSentYet();
    }

    /** Sends the trip and its commit, with other transactions' of the same kind when some are waiting. */
    void send(List<PipelinedStatement> trip) {
        List<Object> kind = kindOf(trip);
        Member member = new Member(trip, lock.newCondition());
        List<Member> members = join(kind, member);
        if (members != null) {
            try {
                lead(members);
            } finally {
                finish(kind, members);
            }
        }
        if (member.state == State.ALONE) {
            trips.send(trip, true); // the group's trip failed: this transaction's own, as if there had been no group
        } else if (member.failure != null) {
            throw member.failure;
        }
    }

    /**
     * Waits for the way to be free; then either leads the waiting members (returned) or was sent by another. Each
     * member is woken on its own: when its group's trip is back, or when it is the first to wait and the way is free.
     */
    private @Nullable List<Member> join(List<Object> kind, Member member) {
        lock.lock();
        try {
            Group group = groups.computeIfAbsent(kind, k -> new Group());
            group.waiting.add(member);
            while (member.state == State.WAITING || member.state == State.SENDING) {
                if (member.state == State.WAITING && !group.sending) {
                    group.sending = true;
                    List<Member> members = new ArrayList<>();
                    while (!group.waiting.isEmpty() && members.size() < MAX_MEMBERS) {
                        Member next = group.waiting.poll();
                        next.state = State.SENDING;
                        members.add(next);
                    }
                    return members;
                }
                member.wakeup.awaitUninterruptibly(); // a member is never left behind half-sent
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the members' trips. One member alone sends its own (refusals and all, as without groups), keeping the way
     * closed meanwhile: the transactions that arrive during its trip wait and go together after it.
     */
    private void lead(List<Member> members) {
        if (members.size() == 1) {
            trips.send(members.get(0).trip, true);
            members.get(0).state = State.SENT;
            return;
        }
        List<PipelinedStatement> together = new ArrayList<>();
        for (Member member : members) {
            for (PipelinedStatement statement : member.trip) {
                together.add(statement.answeringTo(member::failed));
            }
        }
        try {
            trips.send(together, true);
            members.forEach(member -> member.state = State.SENT);
        } catch (RuntimeException groupRefused) {
            trips.rollbackRefusedTrip(); // the leader's connection, so that it can send its own trip
            members.forEach(member -> member.state = State.ALONE);
        }
    }

    private void finish(List<Object> kind, List<Member> members) {
        lock.lock();
        try {
            Group group = groups.get(kind);
            group.sending = false;
            Member next = group.waiting.peek();
            if (next == null) {
                groups.remove(kind);
            } else {
                next.wakeup.signal(); // the way is free: it leads the next group
            }
            for (Member member : members) {
                if (member.state == State.SENDING) {
                    member.state = State.ALONE; // the leader failed before it knew: each sends its own
                }
                member.wakeup.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many transactions wait for a group's trip to be on its way (for tests). */
    int waiting() {
        lock.lock();
        try {
            return groups.values().stream()
                    .mapToInt(group -> group.waiting.size())
                    .sum();
        } finally {
            lock.unlock();
        }
    }

    /** The shared rows a trip raises, with their values: transactions of one kind lock the same rows, in order. */
    private static List<Object> kindOf(List<PipelinedStatement> trip) {
        List<Object> kind = new ArrayList<>();
        for (PipelinedStatement statement : trip) {
            if (statement.sharesRow()) {
                kind.add(statement.sql());
                kind.add(statement.values());
            }
        }
        return kind;
    }

    private enum State {
        WAITING,
        SENDING,
        SENT,
        ALONE
    }

    private static final class Group {
        final ArrayDeque<Member> waiting = new ArrayDeque<>();
        boolean sending;
    }

    /** A transaction in a group; its fields are written by the leader and read by its own thread after the lock. */
    private static final class Member {
        final List<PipelinedStatement> trip;
        final Condition wakeup;
        State state = State.WAITING;

        @Nullable
        RuntimeException failure;

        Member(List<PipelinedStatement> trip, Condition wakeup) {
            this.trip = trip;
            this.wakeup = wakeup;
        }

        /** A result of one of its statements could not be read, or its reader threw: the member's to throw. */
        void failed(Exception e, String sql) {
            if (failure == null) {
                failure = e instanceof RuntimeException runtime
                        ? runtime
                        : new UncategorizedSQLException("reading a grouped statement's result", sql, (SQLException) e);
            }
        }
    }
}
