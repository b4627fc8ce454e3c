package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.RetentionPolicy.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The retention rules as a table of cases; the invariants are in {@link RetentionPolicyPropertiesTest}. */
class RetentionPolicyTest {

    /** {@code "last=2 daily=7"} → a policy; absent keys are 0. */
    static RetentionPolicy policy(String text) {
        int[] values = new int[6];
        List<String> names = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly");
        for (String part : text.split(" ")) {
            String[] pair = part.split("=");
            values[names.indexOf(pair[0])] = Integer.parseInt(pair[1]);
        }
        return new RetentionPolicy(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** The timestamps of the kept backups, given newest first as {@code 2024-01-15T12:00}. */
    static List<String> kept(String policy, String... newestFirst) {
        List<Instant> times =
                Arrays.stream(newestFirst).map(t -> Instant.parse(t + ":00Z")).toList();
        List<Set<Rule>> rules = policy(policy).apply(times);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < newestFirst.length; i++) {
            if (!rules.get(i).isEmpty()) {
                kept.add(newestFirst[i]);
            }
        }
        return kept;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "keep-last keeps the newest N",
                        "last=3",
                        List.of(
                                "2024-01-05T00:00",
                                "2024-01-04T00:00",
                                "2024-01-03T00:00",
                                "2024-01-02T00:00",
                                "2024-01-01T00:00"),
                        List.of("2024-01-05T00:00", "2024-01-04T00:00", "2024-01-03T00:00")),
                Arguments.of("one backup only", "daily=1", List.of("2024-01-05T00:00"), List.of("2024-01-05T00:00")),
                Arguments.of(
                        "two backups in one day: the newer is that day's",
                        "daily=2",
                        List.of("2024-01-05T18:00", "2024-01-05T06:00", "2024-01-04T23:00"),
                        List.of("2024-01-05T18:00", "2024-01-04T23:00")),
                Arguments.of(
                        "gaps of several days: days without a backup do not count",
                        "daily=2",
                        List.of("2024-01-10T03:00", "2024-01-05T03:00", "2024-01-01T03:00"),
                        List.of("2024-01-10T03:00", "2024-01-05T03:00")),
                Arguments.of(
                        "hours are UTC clock hours",
                        "hourly=2",
                        List.of("2024-01-05T12:59", "2024-01-05T12:01", "2024-01-05T11:59", "2024-01-05T10:00"),
                        List.of("2024-01-05T12:59", "2024-01-05T11:59")),
                Arguments.of(
                        "ISO week 53: 3 January 2021 still belongs to week 53 of 2020",
                        "weekly=2",
                        List.of("2021-01-04T03:00", "2021-01-03T03:00", "2020-12-31T03:00", "2020-12-27T03:00"),
                        List.of("2021-01-04T03:00", "2021-01-03T03:00")),
                Arguments.of(
                        "the week that spans a new year: 30 Dec 2024 is in week 1 of 2025",
                        "weekly=2",
                        List.of("2025-01-02T03:00", "2024-12-30T03:00", "2024-12-29T03:00", "2024-12-23T03:00"),
                        List.of("2025-01-02T03:00", "2024-12-29T03:00")),
                Arguments.of(
                        "leap day is a day of its own, and February's newest",
                        "daily=2 monthly=2",
                        List.of("2024-03-01T03:00", "2024-02-29T03:00", "2024-02-28T03:00", "2024-01-31T03:00"),
                        List.of("2024-03-01T03:00", "2024-02-29T03:00")),
                Arguments.of(
                        "months and years",
                        "monthly=2 yearly=3",
                        List.of(
                                "2024-02-10T00:00",
                                "2024-02-01T00:00",
                                "2024-01-20T00:00",
                                "2023-12-31T23:59",
                                "2023-06-01T00:00",
                                "2022-12-31T00:00",
                                "2021-12-31T00:00"),
                        List.of("2024-02-10T00:00", "2024-01-20T00:00", "2023-12-31T23:59", "2022-12-31T00:00")),
                Arguments.of(
                        "rules add up: a backup is kept when any rule keeps it",
                        "last=1 daily=2 weekly=3",
                        List.of(
                                "2024-01-15T12:00",
                                "2024-01-15T06:00",
                                "2024-01-14T12:00",
                                "2024-01-13T12:00",
                                "2024-01-07T12:00",
                                "2024-01-06T12:00"),
                        List.of("2024-01-15T12:00", "2024-01-14T12:00", "2024-01-07T12:00")),
                Arguments.of(
                        "a policy that keeps everything",
                        "last=100",
                        List.of("2024-01-03T00:00", "2024-01-02T00:00", "2024-01-01T00:00"),
                        List.of("2024-01-03T00:00", "2024-01-02T00:00", "2024-01-01T00:00")),
                Arguments.of(
                        "the newest is kept even when no rule reaches it",
                        "yearly=1",
                        List.of("2024-01-03T00:00", "2024-01-02T00:00"),
                        List.of("2024-01-03T00:00")),
                Arguments.of(
                        "an out-of-order listing keeps the first met of each period",
                        "daily=2",
                        List.of("2024-01-05T06:00", "2024-01-04T06:00", "2024-01-05T18:00", "2024-01-03T06:00"),
                        List.of("2024-01-05T06:00", "2024-01-04T06:00")),
                Arguments.of("no backups", "last=3", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsWhatTheRulesSay(String description, String policy, List<String> newestFirst, List<String> expected) {
        assertThat(kept(policy, newestFirst.toArray(String[]::new))).isEqualTo(expected);
    }

    @Test
    void eachKeptBackupCarriesTheRulesThatKeepIt() {
        List<Set<Rule>> rules = policy("last=1 daily=2 monthly=1")
                .apply(List.of(
                        Instant.parse("2024-01-15T12:00:00Z"),
                        Instant.parse("2024-01-15T06:00:00Z"),
                        Instant.parse("2024-01-14T12:00:00Z")));

        assertThat(rules)
                .containsExactly(
                        EnumSet.of(Rule.NEWEST, Rule.LAST, Rule.DAILY, Rule.MONTHLY),
                        EnumSet.noneOf(Rule.class),
                        EnumSet.of(Rule.DAILY));
    }

    @Test
    void cleanupKeepIsKeepLast() {
        assertThat(RetentionPolicy.keepLast(10)).isEqualTo(new RetentionPolicy(10, 0, 0, 0, 0, 0));
    }

    @Test
    void aNegativeValueIsAConfigurationErrorNamingItsKey() {
        assertThatThrownBy(() -> policy("last=2 weekly=-1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("db.retention.keep-weekly must be 0 or more, got -1");
    }

    @Test
    void valuesWhoseSumOverflowsToZeroAreNotAllZero() {
        RetentionPolicy huge = new RetentionPolicy(Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 2, 0, 0);

        assertThat(huge.keepDaily()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void allZeroIsAConfigurationErrorSinceItWouldDeleteAlmostEverything() {
        assertThatThrownBy(() -> policy("last=0"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("db.retention keeps nothing");
    }
}
