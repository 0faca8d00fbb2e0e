package org.tradeorders.order.refund.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** The business-day calendar refunds are paid by: no Saturdays, Sundays or configured holidays (UTC). */
public final class BusinessDays {
    private final Set<LocalDate> holidays;

    public BusinessDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The end (UTC) of the {@code days}-th business day after {@code from}'s day. */
    public Instant endOfBusinessDaysAfter(Instant from, int days) {
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
