package dev.rclonebackup.settings;

import dev.rclonebackup.ConfigurationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups of one database to keep, with the semantics of restic's {@code forget}: each
 * {@code keep-*} rule keeps the newest backup of each of the newest N periods (hours, UTC days,
 * ISO weeks, months, years) that have one, {@code keep-last} the newest N backups, and a backup is
 * kept when any rule keeps it. The newest backup is always kept.
 *
 * @param keepLast    the newest N backups
 * @param keepHourly  the newest backup of each of the newest N hours that have one
 * @param keepDaily   … of each of the newest N UTC calendar days
 * @param keepWeekly  … of each of the newest N ISO weeks
 * @param keepMonthly … of each of the newest N calendar months
 * @param keepYearly  … of each of the newest N calendar years
 */
public record RetentionPolicy(
        int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {

    /** Why a backup is kept. */
    public enum Rule {
        NEWEST("newest"),
        LAST("keep-last"),
        HOURLY("keep-hourly"),
        DAILY("keep-daily"),
        WEEKLY("keep-weekly"),
        MONTHLY("keep-monthly"),
        YEARLY("keep-yearly");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        /** The rule's name as written in {@code db.retention}, or {@code newest}. */
        public String id() {
            return id;
        }
    }

    /**
     * @throws ConfigurationException naming {@code db.retention.KEY} when a value is negative, or
     *                                {@code db.retention} when every value is zero (it would keep
     *                                nothing but the newest backup, which is never what is meant)
     */
    public RetentionPolicy {
        nonNegative(Rule.LAST, keepLast);
        nonNegative(Rule.HOURLY, keepHourly);
        nonNegative(Rule.DAILY, keepDaily);
        nonNegative(Rule.WEEKLY, keepWeekly);
        nonNegative(Rule.MONTHLY, keepMonthly);
        nonNegative(Rule.YEARLY, keepYearly);
        if ((keepLast | keepHourly | keepDaily | keepWeekly | keepMonthly | keepYearly) == 0) {
            throw ConfigurationException.forKey(
                    "db.retention",
                    "keeps nothing: set at least one of keep-last, keep-hourly, "
                            + "keep-daily, keep-weekly, keep-monthly or keep-yearly above 0");
        }
    }

    /** The policy of {@code db.cleanup-keep: n}: the newest {@code n} backups. */
    public static RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(n, 0, 0, 0, 0, 0);
    }

    /**
     * Decides which backups to keep.
     *
     * @param newestFirst the UTC timestamps of one database's backups (from their names), in the
     *                    order that defines "newest": the first is the newest backup
     * @return for each backup, at the same index, the rules that keep it; an empty set means it
     *         may be deleted
     */
    public List<Set<Rule>> apply(List<Instant> newestFirst) {
        List<Set<Rule>> kept = new ArrayList<>(newestFirst.size());
        Bucket last = new Bucket(Rule.LAST, keepLast);
        Bucket hourly = new Bucket(Rule.HOURLY, keepHourly);
        Bucket daily = new Bucket(Rule.DAILY, keepDaily);
        Bucket weekly = new Bucket(Rule.WEEKLY, keepWeekly);
        Bucket monthly = new Bucket(Rule.MONTHLY, keepMonthly);
        Bucket yearly = new Bucket(Rule.YEARLY, keepYearly);
        for (int i = 0; i < newestFirst.size(); i++) {
            LocalDateTime time = LocalDateTime.ofInstant(newestFirst.get(i), ZoneOffset.UTC);
            Set<Rule> rules = EnumSet.noneOf(Rule.class);
            if (i == 0) {
                rules.add(Rule.NEWEST);
            }
            last.offer(i, rules);
            hourly.offer(time.truncatedTo(ChronoUnit.HOURS), rules);
            daily.offer(time.toLocalDate(), rules);
            weekly.offer(
                    time.get(IsoFields.WEEK_BASED_YEAR) * 100L + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), rules);
            monthly.offer(time.getYear() * 100L + time.getMonthValue(), rules);
            yearly.offer(time.getYear(), rules);
            kept.add(rules);
        }
        return kept;
    }

    private static void nonNegative(Rule rule, int value) {
        if (value < 0) {
            throw ConfigurationException.forKey("db.retention." + rule.id(), "must be 0 or more, got " + value);
        }
    }

    /**
     * One rule while walking from the newest backup to the oldest: the first backup met in each
     * period is kept, until the rule has kept its count.
     */
    private static final class Bucket {
        private final Rule rule;
        private final Set<Object> periods = new HashSet<>();
        private final int count;

        Bucket(Rule rule, int count) {
            this.rule = rule;
            this.count = count;
        }

        void offer(Object period, Set<Rule> rules) {
            if (periods.size() < count && periods.add(period)) {
                rules.add(rule);
            }
        }
    }
}
