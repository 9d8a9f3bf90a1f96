/* SPDX-License-Identifier: MIT */
/* UTC dates and times without the C library's time-zone machinery.
 * Day numbers use the proleptic Gregorian calendar (days_from_civil from
 * H. Hinnant's public-domain date algorithms, rewritten here). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

int32_t rh_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void rh_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int rh_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    int w = (int)((day % 7 + 7) % 7);
    return (w + 3) % 7;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* Reads exactly n digits at *p. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

static int parse_ymd(const char **p, int *y, int *m, int *d)
{
    if (digits(p, 4, y) || **p != '-')
        return -1;
    (*p)++;
    if (digits(p, 2, m) || **p != '-')
        return -1;
    (*p)++;
    if (digits(p, 2, d))
        return -1;
    if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
        return -1;
    return 0;
}

int rh_date_parse(const char *s, int32_t *day)
{
    int y, m, d;
    const char *p = s;
    if (!s || parse_ymd(&p, &y, &m, &d) || *p)
        return RH_ESYNTAX;
    *day = rh_days_from_civil(y, m, d);
    return 0;
}

int rh_date_parse_said(const char *s, int32_t *day, char *msg, size_t cap)
{
    if (cap)
        msg[0] = '\0';
    if (rh_date_parse(s, day) == 0)
        return 0;
    static const char *const month[] = {"January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December"};
    int y, m, d;
    const char *p = s ? s : "";
    /* the shape is right but no such day: say why (runner18: "must be a
     * date YYYY-MM-DD, got '2026-02-30'" left the runner looking at a
     * date of that very shape) */
    if (!digits(&p, 4, &y) && *p++ == '-' && !digits(&p, 2, &m) && *p++ == '-' &&
        !digits(&p, 2, &d) && !*p) {
        if (m < 1 || m > 12)
            snprintf(msg, cap, "'%.20s' is not a day of the calendar: there is no month %d", s, m);
        else
            snprintf(msg, cap, "'%.20s' is not a day of the calendar: %s %d has %d days", s,
                     month[m - 1], y, days_in_month(y, m));
    } else {
        snprintf(msg, cap, "'%.20s' is not a date: give it as YYYY-MM-DD, e.g. 2026-03-15",
                 s ? s : "");
    }
    return RH_ESYNTAX;
}

void rh_date_format(int32_t day, char out[static 11])
{
    int y, m, d;
    rh_civil_from_days(day, &y, &m, &d);
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, d);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

int rh_time_parse_iso(const char *s, int64_t *t)
{
    int y, mo, d, h, mi, se;
    const char *p = s;
    if (!s || parse_ymd(&p, &y, &mo, &d))
        return RH_ESYNTAX;
    if (*p != 'T' && *p != ' ')
        return RH_ESYNTAX;
    p++;
    if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi) || *p++ != ':' ||
        digits(&p, 2, &se))
        return RH_ESYNTAX;
    if (h > 23 || mi > 59 || se > 60)
        return RH_ESYNTAX;
    if (*p == '.' || *p == ',') { /* fractional seconds: ignored */
        p++;
        if (!isdigit((unsigned char)*p))
            return RH_ESYNTAX;
        while (isdigit((unsigned char)*p))
            p++;
    }
    long off = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, oh, om = 0;
        p++;
        if (digits(&p, 2, &oh))
            return RH_ESYNTAX;
        if (*p == ':')
            p++;
        if (*p && digits(&p, 2, &om))
            return RH_ESYNTAX;
        off = sign * (oh * 3600L + om * 60L);
    }
    if (*p)
        return RH_ESYNTAX;
    *t = (int64_t)rh_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off;
    return 0;
}

void rh_time_format_iso(int64_t t, char out[static 21])
{
    int32_t day = rh_day_of_time(t);
    int64_t sod = t - (int64_t)day * 86400;
    int y, m, d;
    rh_civil_from_days(day, &y, &m, &d);
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ", y % 10000, m, d,
             (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60));
    memcpy(out, tmp, 20);
    out[20] = '\0';
}

static const char *const weekday_words[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                             "Friday", "Saturday", "Sunday"};
static const char *const month_words[12] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};

void rh_day_words(int32_t day, char *out, size_t n)
{
    int y, m, d;
    rh_civil_from_days(day, &y, &m, &d);
    (void)snprintf(out, n, "%s %d %s %d", weekday_words[rh_weekday(day)], d, month_words[m - 1],
                   y);
}

void rh_time_words(int64_t t, int32_t utc_offset_min, char *out, size_t n)
{
    int64_t local = t + (int64_t)utc_offset_min * 60;
    int32_t day = rh_day_of_time(local);
    int64_t sec = local - (int64_t)day * 86400;
    char d[48];
    rh_day_words(day, d, sizeof d);
    (void)snprintf(out, n, "%s at %02d:%02d", d, (int)(sec / 3600), (int)(sec / 60 % 60));
}

int rh_parse_long(const char *s, long *out)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return RH_ESYNTAX;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return RH_ESYNTAX;
    *out = v;
    return 0;
}

int rh_parse_double(const char *s, double *out)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return RH_ESYNTAX;
    /* decimal only: strtod also takes hexadecimal ("0x1e" would be 30) and
     * words such as "infinity", which no runner means */
    if (s[strspn(s, "0123456789+-.eE")] != '\0')
        return RH_ESYNTAX;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || isnan(v) || isinf(v))
        return RH_ESYNTAX;
    *out = v;
    return 0;
}

void rh_fmt_duration(double s, char *out, size_t n)
{
    if (!rh_has(s) || s < 0) {
        snprintf(out, n, "-");
        return;
    }
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}
