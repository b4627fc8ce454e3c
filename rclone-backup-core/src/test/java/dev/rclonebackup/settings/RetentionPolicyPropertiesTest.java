package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.RetentionPolicy.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The invariants of {@link RetentionPolicy#apply}, checked on random histories and policies.
 * Each repetition uses its own fixed seed, named in every failure, so a failure can be replayed.
 */
class RetentionPolicyPropertiesTest {
    private static final Instant START = Instant.parse("2019-06-01T00:00:00Z");
    private static final long[] GAPS_IN_MINUTES = {
        1, 17, 59, 61, 60 * 6, 60 * 24, 60 * 24 * 3, 60 * 24 * 9, 60 * 24 * 40
    };

    private Random random;
    private String seed;

    private void seed(RepetitionInfo repetition) {
        long value = 0x5eedL * repetition.getCurrentRepetition();
        random = new Random(value);
        seed = "seed " + value;
    }

    /** Up to 60 backups, newest first, at irregular intervals: minutes apart up to weeks apart. */
    private List<Instant> history() {
        int size = random.nextInt(61);
        List<Instant> oldestFirst = new ArrayList<>();
        Instant time = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
        for (int i = 0; i < size; i++) {
            time = time.plus(Duration.ofMinutes(GAPS_IN_MINUTES[random.nextInt(GAPS_IN_MINUTES.length)]));
            oldestFirst.add(time);
        }
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private int[] values() {
        int[] values = new int[6];
        while (sum(values) == 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(8);
            }
        }
        return values;
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }

    private static RetentionPolicy policy(int[] v) {
        return new RetentionPolicy(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static List<Boolean> kept(RetentionPolicy policy, List<Instant> history) {
        return policy.apply(history).stream().map(rules -> !rules.isEmpty()).toList();
    }

    @RepeatedTest(300)
    void theNewestIsAlwaysKept(RepetitionInfo repetition) {
        seed(repetition);
        List<Instant> history = history();
        List<Set<Rule>> rules = policy(values()).apply(history);

        assertThat(rules).as(seed).hasSize(history.size());
        if (!history.isEmpty()) {
            assertThat(rules.get(0)).as(seed).contains(Rule.NEWEST);
        }
    }

    @RepeatedTest(300)
    void keepLastAloneKeepsExactlyTheNewestN(RepetitionInfo repetition) {
        seed(repetition);
        List<Instant> history = history();
        int n = 1 + random.nextInt(70);

        List<Boolean> kept = kept(RetentionPolicy.keepLast(n), history);

        for (int i = 0; i < history.size(); i++) {
            assertThat(kept.get(i))
                    .as(seed + ", keep-last " + n + ", backup " + i)
                    .isEqualTo(i < n);
        }
    }

    @RepeatedTest(300)
    void raisingAnyKeepValueNeverRemovesABackupALowerValueKept(RepetitionInfo repetition) {
        seed(repetition);
        List<Instant> history = history();
        int[] lower = values();
        int[] higher = lower.clone();
        int raised = random.nextInt(6);
        higher[raised] += 1 + random.nextInt(5);

        List<Boolean> before = kept(policy(lower), history);
        List<Boolean> after = kept(policy(higher), history);

        for (int i = 0; i < history.size(); i++) {
            if (before.get(i)) {
                assertThat(after.get(i))
                        .as(seed + ", raising rule " + raised + ", backup " + i)
                        .isTrue();
            }
        }
    }

    @RepeatedTest(300)
    void eachPeriodRuleKeepsAtMostItsCount(RepetitionInfo repetition) {
        seed(repetition);
        List<Instant> history = history();
        int[] values = values();
        List<Set<Rule>> rules = policy(values).apply(history);

        Rule[] counted = {Rule.LAST, Rule.HOURLY, Rule.DAILY, Rule.WEEKLY, Rule.MONTHLY, Rule.YEARLY};
        for (int r = 0; r < counted.length; r++) {
            Rule rule = counted[r];
            long keptByRule = rules.stream().filter(set -> set.contains(rule)).count();
            assertThat(keptByRule).as(seed + ", " + rule.id()).isLessThanOrEqualTo(values[r]);
        }
    }
}
