package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.RetentionPolicy.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariants of {@link RetentionPolicy#apply}, checked by jqwik on random histories and
 * policies; a failure is shrunk to a small example and its seed is replayed first on the next run.
 */
class RetentionPolicyPropertiesTest {
    private static final Instant START = Instant.parse("2019-06-01T00:00:00Z");
    /** Minutes between two backups: within an hour, across hours, days, weeks and months. */
    private static final Long[] GAPS_IN_MINUTES = {
        1L, 17L, 59L, 61L, 60L * 6, 60L * 24, 60L * 24 * 3, 60L * 24 * 9, 60L * 24 * 40
    };

    /** Up to 60 backups, newest first, at irregular intervals from minutes to weeks apart. */
    @Provide
    Arbitrary<List<Instant>> histories() {
        Arbitrary<Integer> startMinute = Arbitraries.integers().between(0, 60 * 24 * 365 * 3);
        Arbitrary<List<Long>> gaps = Arbitraries.of(GAPS_IN_MINUTES).list().ofMaxSize(60);
        return startMinute.flatMap(start -> gaps.map(list -> {
            List<Instant> oldestFirst = new ArrayList<>();
            Instant time = START.plus(Duration.ofMinutes(start));
            for (long gap : list) {
                time = time.plus(Duration.ofMinutes(gap));
                oldestFirst.add(time);
            }
            Collections.reverse(oldestFirst);
            return oldestFirst;
        }));
    }

    /** keep-last, -hourly, -daily, -weekly, -monthly, -yearly: 0 to 7 each, 0 often, never all zero. */
    @Provide
    Arbitrary<int[]> values() {
        Arbitrary<Integer> value = Arbitraries.integers().between(-3, 7).map(v -> Math.max(v, 0));
        return value.array(int[].class).ofSize(6).filter(v -> Arrays.stream(v).sum() > 0);
    }

    private static RetentionPolicy policy(int[] v) {
        return new RetentionPolicy(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static List<Boolean> kept(RetentionPolicy policy, List<Instant> history) {
        return policy.apply(history).stream().map(rules -> !rules.isEmpty()).toList();
    }

    @Property
    void theNewestIsAlwaysKept(@ForAll("histories") List<Instant> history, @ForAll("values") int[] values) {
        List<Set<Rule>> rules = policy(values).apply(history);

        assertThat(rules).hasSize(history.size());
        if (!history.isEmpty()) {
            assertThat(rules.get(0)).contains(Rule.NEWEST);
        }
    }

    @Property
    void keepLastAloneKeepsExactlyTheNewestN(
            @ForAll("histories") List<Instant> history, @ForAll @IntRange(min = 1, max = 70) int n) {
        List<Boolean> kept = kept(RetentionPolicy.keepLast(n), history);

        for (int i = 0; i < history.size(); i++) {
            assertThat(kept.get(i)).as("backup " + i).isEqualTo(i < n);
        }
    }

    @Property
    void raisingAnyKeepValueNeverRemovesABackupALowerValueKept(
            @ForAll("histories") List<Instant> history,
            @ForAll("values") int[] lower,
            @ForAll @IntRange(min = 0, max = 5) int raised,
            @ForAll @IntRange(min = 1, max = 5) int by) {
        int[] higher = lower.clone();
        higher[raised] += by;

        List<Boolean> before = kept(policy(lower), history);
        List<Boolean> after = kept(policy(higher), history);

        for (int i = 0; i < history.size(); i++) {
            if (before.get(i)) {
                assertThat(after.get(i)).as("backup " + i).isTrue();
            }
        }
    }

    @Property
    void eachRuleKeepsAtMostItsCount(@ForAll("histories") List<Instant> history, @ForAll("values") int[] values) {
        List<Set<Rule>> rules = policy(values).apply(history);

        Rule[] counted = {Rule.LAST, Rule.HOURLY, Rule.DAILY, Rule.WEEKLY, Rule.MONTHLY, Rule.YEARLY};
        for (int r = 0; r < counted.length; r++) {
            Rule rule = counted[r];
            long keptByRule = rules.stream().filter(set -> set.contains(rule)).count();
            assertThat(keptByRule).as(rule.id()).isLessThanOrEqualTo(values[r]);
        }
    }
}
