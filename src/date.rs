//! Dates of a list (`YYYY-MM-DD`) compared without a date library, and the one staleness rule that
//! the ranking's reasons and the widget's "may be out of date" mark share.
//!
//! ```
//! use opportunity_matcher::date::{day_number, is_stale};
//! assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2); // a leap year
//! assert!(is_stale("2023-01-01", "2024-12-01"));
//! assert!(!is_stale("2024-01-01", "2024-12-01"));
//! assert!(!is_stale("2024-01-01", "99999999999999999-01-01")); // no overflow, no claim
//! ```

/// Entries last updated more than this many days (18 months) before today are marked as possibly
/// out of date.
pub const STALE_DAYS: i64 = 548;

/// Days since 0000-03-01 of an ISO date (`YYYY-MM-DD`, anything after the tenth character such as
/// a time is ignored); `None` when it is not a date in the years 0–9999.
pub fn day_number(date: &str) -> Option<i64> {
    let date = date.get(..10).unwrap_or(date);
    let mut it = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    // Out-of-range parts (a hostile `today` such as `99999999999999999-01-01`) would overflow.
    if !(0..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}

/// The ISO date of a spreadsheet's date serial (days since 1899-12-30, as Excel and LibreOffice
/// count them), for a serial in 1954–2119 (`20000..=80000`): a whole number in a date column whose
/// cell lost its date format. `None` for anything else (a year such as `2024`, a fraction of a day).
///
/// ```
/// use opportunity_matcher::date::from_spreadsheet_serial;
/// assert_eq!(from_spreadsheet_serial(46100.0).as_deref(), Some("2026-03-19"));
/// assert_eq!(from_spreadsheet_serial(25569.0).as_deref(), Some("1970-01-01"));
/// assert_eq!(from_spreadsheet_serial(2024.0), None);
/// assert_eq!(from_spreadsheet_serial(46100.5), None);
/// ```
pub fn from_spreadsheet_serial(serial: f64) -> Option<String> {
    if serial.fract() != 0.0 || !(20_000.0..=80_000.0).contains(&serial) {
        return None;
    }
    Some(date_of_unix_day(serial as i64 - 25_569))
}

/// The ISO date of a day counted from 1970-01-01 (civil-from-days, H. Hinnant's algorithm, in
/// March-based years): what the command line's `today` and a spreadsheet's date serial both need.
///
/// ```
/// use opportunity_matcher::date::date_of_unix_day;
/// assert_eq!(date_of_unix_day(0), "1970-01-01");
/// assert_eq!(date_of_unix_day(19_782), "2024-02-29");
/// ```
pub fn date_of_unix_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True when `updated` is more than [`STALE_DAYS`] before `today`; false when either is not a date.
pub fn is_stale(updated: &str, today: &str) -> bool {
    matches!((day_number(updated), day_number(today)), (Some(a), Some(b)) if b - a > STALE_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighteen_months_is_the_line() {
        assert!(!is_stale("2024-06-01", "2025-12-01")); // 548 days
        assert!(is_stale("2024-05-31", "2025-12-01")); // 549 days
        assert!(is_stale("2023-05-31T08:00:00", "2025-12-01"));
        assert!(!is_stale("not a date", "2025-12-01"));
        assert!(!is_stale("2024-13-01", "2025-12-01"));
    }
}
