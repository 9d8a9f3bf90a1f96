/* SPDX-License-Identifier: MIT */
/*
 * Time zones without the C library's zone machinery (which reads TZ from
 * the environment and keeps global state): a reader of the tz database's
 * compiled files (TZif, RFC 8536, versions 1 to 4) and of the POSIX TZ rule
 * strings that end them (RFC 8536 section 3.3, POSIX.1 "TZ"), used for
 * instants after the last listed transition.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runhip/util.h"
#include "util/banned.h"

#define TZ_FILE_MAX (256 * 1024)
#define TZ_SYSTEM_FILE "/etc/localtime"

/* A POSIX rule: standard offset, and optionally a daylight offset with the
 * days and times it starts and ends. */
struct rule_date {
    char kind; /* 'M' month.week.day, 'J' Julian 1..365 without Feb 29, 'n' 0..365 */
    int m, w, d;
    int32_t secs; /* local time of day of the change */
};
struct posix_rule {
    bool valid;
    int32_t std_off, dst_off; /* seconds east of UTC */
    bool has_dst;
    struct rule_date start, end;
};

struct rh_tz {
    char name[128];
    size_t n_trans;
    int64_t *trans;    /* transition instants, ascending */
    uint8_t *trans_ty; /* type index after each transition */
    size_t n_types;
    int32_t *type_off; /* seconds east of UTC */
    bool *type_dst;
    struct posix_rule footer;
};

void rh_tz_free(struct rh_tz *tz)
{
    if (!tz)
        return;
    rh_free(tz->trans);
    rh_free(tz->trans_ty);
    rh_free(tz->type_off);
    rh_free(tz->type_dst);
    rh_free(tz);
}

const char *rh_tz_name(const struct rh_tz *tz)
{
    return tz ? tz->name : "UTC";
}

/* ---- POSIX TZ strings ------------------------------------------------------ */

static const char *posix_name(const char *p)
{
    if (*p == '<') {
        const char *q = strchr(p, '>');
        return q && q - p >= 4 ? q + 1 : NULL;
    }
    const char *q = p;
    while (isalpha((unsigned char)*q))
        q++;
    return q - p >= 3 ? q : NULL;
}

/* [+-]hh[:mm[:ss]] into seconds (hours up to 167). */
static const char *posix_hms(const char *p, int32_t *out, bool sign_ok)
{
    int sign = 1;
    if (sign_ok && (*p == '+' || *p == '-'))
        sign = *p++ == '-' ? -1 : 1;
    int part[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (!isdigit((unsigned char)*p))
            return i == 0 ? NULL : p;
        int v = 0, nd = 0;
        while (isdigit((unsigned char)*p) && nd < 3) {
            v = v * 10 + (*p++ - '0');
            nd++;
        }
        part[i] = v;
        if (*p != ':' || i == 2)
            break;
        p++;
    }
    if (part[0] > 167 || part[1] > 59 || part[2] > 59)
        return NULL;
    *out = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
    return p;
}

static const char *posix_date(const char *p, struct rule_date *r)
{
    int v[3] = {0, 0, 0};
    r->secs = 7200;
    if (*p == 'M') {
        p++;
        for (int i = 0; i < 3; i++) {
            if (!isdigit((unsigned char)*p))
                return NULL;
            /* bounded, as below: "M999999999999.1.0" is refused, not an
             * int overflowed (found by fuzz_tz) */
            while (isdigit((unsigned char)*p) && v[i] < 1000)
                v[i] = v[i] * 10 + (*p++ - '0');
            if (i < 2 && *p++ != '.')
                return NULL;
        }
        if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 5 || v[2] > 6)
            return NULL;
        r->kind = 'M';
        r->m = v[0];
        r->w = v[1];
        r->d = v[2];
    } else {
        r->kind = 'n';
        if (*p == 'J') {
            r->kind = 'J';
            p++;
        }
        if (!isdigit((unsigned char)*p))
            return NULL;
        while (isdigit((unsigned char)*p) && v[0] < 1000)
            v[0] = v[0] * 10 + (*p++ - '0');
        if (v[0] > 365 || (r->kind == 'J' && v[0] < 1))
            return NULL;
        r->d = v[0];
    }
    if (*p == '/') /* RFC 8536 allows -167..167 hours here */
        return posix_hms(p + 1, &r->secs, true);
    return p;
}

/* A zone's offset from UTC, in seconds east: RFC 8536 section 3.2 bounds
 * a TZif type's utoff to [-89999, 93599]; POSIX.1-2017 section 8.3 (TZ)
 * allows an offset's hours 0 to 24, so 24:59:59 either way (posix_ok). The
 * "hours up to 167" of posix_hms are for the time of day a rule changes
 * at (RFC 8536 section 3.3.1), not for an offset: "XXX167", a week west,
 * is not a time zone (it put every activity a week off its day). */
static bool offset_ok(int32_t secs)
{
    return secs >= -89999 && secs <= 93599;
}

static bool posix_ok(int32_t secs)
{
    return secs >= -89999 && secs <= 89999;
}

static int posix_parse(const char *s, struct posix_rule *r)
{
    memset(r, 0, sizeof *r);
    const char *p = posix_name(s);
    int32_t v;
    if (!p || !(p = posix_hms(p, &v, true)) || !posix_ok(v))
        return RH_ESYNTAX;
    r->std_off = -v; /* POSIX counts hours west of Greenwich */
    if (*p) {
        if (!(p = posix_name(p)))
            return RH_ESYNTAX;
        r->has_dst = true;
        r->dst_off = r->std_off + 3600;
        if (*p && *p != ',') {
            if (!(p = posix_hms(p, &v, true)) || !posix_ok(v))
                return RH_ESYNTAX;
            r->dst_off = -v;
        }
        if (*p != ',') { /* no rule given: the US rules, as glibc assumes */
            r->start = (struct rule_date){'M', 3, 2, 0, 7200};
            r->end = (struct rule_date){'M', 11, 1, 0, 7200};
        } else if (!(p = posix_date(p + 1, &r->start)) || *p++ != ',' ||
                   !(p = posix_date(p, &r->end))) {
            return RH_ESYNTAX;
        }
    }
    if (*p)
        return RH_ESYNTAX;
    r->valid = true;
    return 0;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The day number of a rule date in year y. */
static int32_t rule_day(const struct rule_date *r, int y)
{
    int32_t jan1 = rh_days_from_civil(y, 1, 1);
    if (r->kind == 'J') /* 1..365, Feb 29 never counted */
        return jan1 + r->d - 1 + (leap(y) && r->d >= 60 ? 1 : 0);
    if (r->kind == 'n')
        return jan1 + r->d;
    int32_t first = rh_days_from_civil(y, r->m, 1);
    int wd = (rh_weekday(first) + 1) % 7; /* 0 = Sunday, as POSIX counts */
    int32_t day = first + (r->d - wd + 7) % 7 + (r->w - 1) * 7;
    int nm = r->m == 12 ? 1 : r->m + 1, ny = r->m == 12 ? y + 1 : y;
    int32_t next = rh_days_from_civil(ny, nm, 1);
    while (day >= next) /* week 5 means the last such day */
        day -= 7;
    return day;
}

static int32_t posix_offset(const struct posix_rule *r, int64_t t, bool *dst)
{
    *dst = false;
    if (!r->has_dst)
        return r->std_off;
    int y, m, d;
    rh_civil_from_days(rh_day_of_time(t + r->std_off), &y, &m, &d);
    int64_t start = (int64_t)rule_day(&r->start, y) * 86400 + r->start.secs - r->std_off;
    int64_t end = (int64_t)rule_day(&r->end, y) * 86400 + r->end.secs - r->dst_off;
    bool in = start < end ? (t >= start && t < end) : !(t >= end && t < start);
    *dst = in;
    return in ? r->dst_off : r->std_off;
}

/* ---- TZif -------------------------------------------------------------------- */

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

int rh_tz_parse(const void *buf, size_t len, const char *name, struct rh_tz **out,
                struct rh_err *err)
{
    const unsigned char *p = buf, *end = p + len;
    *out = NULL;
    if (len < 44 || memcmp(p, "TZif", 4) != 0)
        return rh_err_set(err, RH_EFORMAT, "'%s' is not a time-zone file", name);
    int version = p[4] == 0 ? 1 : p[4] - '0';
    uint32_t cnt[6];
    for (int i = 0; i < 6; i++)
        cnt[i] = be32(p + 20 + 4 * i);
    /* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
    size_t tsz = 4;
    const unsigned char *q = p + 44;
    if (version >= 2) { /* skip the 32-bit block to the 64-bit one */
        size_t skip = (size_t)cnt[3] * 5 + (size_t)cnt[4] * 6 + cnt[5] + (size_t)cnt[2] * 8 +
                      cnt[1] + cnt[0];
        if (skip > (size_t)(end - q) || (size_t)(end - q) - skip < 44 ||
            memcmp(q + skip, "TZif", 4) != 0)
            return rh_err_set(err, RH_EFORMAT, "'%s': broken time-zone file", name);
        q += skip;
        for (int i = 0; i < 6; i++)
            cnt[i] = be32(q + 20 + 4 * i);
        q += 44;
        tsz = 8;
    }
    if (cnt[4] == 0 || cnt[4] > 256 || cnt[3] > 100000)
        return rh_err_set(err, RH_EFORMAT, "'%s': broken time-zone file", name);
    size_t need = (size_t)cnt[3] * (tsz + 1) + (size_t)cnt[4] * 6 + cnt[5] +
                  (size_t)cnt[2] * (tsz + 4) + cnt[1] + cnt[0];
    if (need > (size_t)(end - q))
        return rh_err_set(err, RH_EFORMAT, "'%s': truncated time-zone file", name);
    struct rh_tz *tz = rh_calloc(1, sizeof *tz);
    if (!tz)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    snprintf(tz->name, sizeof tz->name, "%s", name);
    tz->n_trans = cnt[3];
    tz->n_types = cnt[4];
    tz->trans = rh_calloc(tz->n_trans + 1, sizeof *tz->trans);
    tz->trans_ty = rh_calloc(tz->n_trans + 1, 1);
    tz->type_off = rh_calloc(tz->n_types, sizeof *tz->type_off);
    tz->type_dst = rh_calloc(tz->n_types, sizeof *tz->type_dst);
    if (!tz->trans || !tz->trans_ty || !tz->type_off || !tz->type_dst) {
        rh_tz_free(tz);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < tz->n_trans; i++, q += tsz)
        tz->trans[i] = tsz == 8 ? be64(q) : (int64_t)(int32_t)be32(q);
    for (size_t i = 0; i < tz->n_trans; i++, q++) {
        if (*q >= tz->n_types) {
            rh_tz_free(tz);
            return rh_err_set(err, RH_EFORMAT, "'%s': broken time-zone file", name);
        }
        tz->trans_ty[i] = *q;
    }
    for (size_t i = 0; i < tz->n_types; i++, q += 6) {
        tz->type_off[i] = (int32_t)be32(q);
        tz->type_dst[i] = q[4] != 0;
        if (!offset_ok(tz->type_off[i])) {
            rh_tz_free(tz);
            return rh_err_set(err, RH_EFORMAT, "'%s': broken time-zone file", name);
        }
    }
    q += cnt[5] + (size_t)cnt[2] * (tsz + 4) + cnt[1] + cnt[0];
    if (version >= 2 && q < end && *q == '\n') {
        const unsigned char *nl = memchr(q + 1, '\n', (size_t)(end - q - 1));
        char footer[128];
        if (nl && (size_t)(nl - q - 1) < sizeof footer && nl > q + 1) {
            memcpy(footer, q + 1, (size_t)(nl - q - 1));
            footer[nl - q - 1] = '\0';
            posix_parse(footer, &tz->footer); /* an unreadable rule: last type holds */
        }
    }
    *out = tz;
    return 0;
}

static struct rh_tz *fixed_zone(const char *name, const struct posix_rule *r)
{
    struct rh_tz *tz = rh_calloc(1, sizeof *tz);
    if (!tz)
        return NULL;
    snprintf(tz->name, sizeof tz->name, "%s", name);
    tz->footer = *r;
    return tz;
}

bool rh_tz_name_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n >= 100 || name[0] == '/' || name[0] == '.' || strstr(name, ".."))
        return false;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("_+-/", *p))
            return false;
    return true;
}

static int read_small_file(const char *path, unsigned char **buf, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOMEM ? RH_ENOMEM : RH_ENOTFOUND;
    unsigned char *b = rh_malloc(TZ_FILE_MAX);
    if (!b) {
        fclose(f);
        return RH_ENOMEM;
    }
    size_t n = fread(b, 1, TZ_FILE_MAX, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad || n == TZ_FILE_MAX) {
        rh_free(b);
        return RH_EFORMAT;
    }
    *buf = b;
    *len = n;
    return 0;
}

static int utc_zone(struct rh_tz **out, struct rh_err *err)
{
    struct posix_rule utc;
    posix_parse("UTC0", &utc);
    return (*out = fixed_zone("UTC", &utc)) ? 0 : rh_err_set(err, RH_ENOMEM, "out of memory");
}

/* Loads path as a TZif file called name. RH_ENOTFOUND when there is no file. */
static int load_file(const char *path, const char *name, struct rh_tz **out, struct rh_err *err)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    int r = read_small_file(path, &buf, &len);
    if (r == RH_ENOTFOUND)
        return r;
    if (r == RH_ENOMEM)
        return rh_err_set(err, r, "out of memory");
    if (r)
        return rh_err_set(err, r, "cannot read the time-zone file '%s'", path);
    r = rh_tz_parse(buf, len, name, out, err);
    rh_free(buf);
    return r;
}

int rh_tz_load_from(const char *dir, const char *name, struct rh_tz **out, struct rh_err *err)
{
    *out = NULL;
    if (name && *name == ':')
        name++;
    if (!name || !*name) {
        /* the system zone; its name from the link, e.g. .../zoneinfo/Europe/Paris */
        char link[512], shown[128] = "localtime";
        ssize_t k = readlink(TZ_SYSTEM_FILE, link, sizeof link - 1);
        if (k > 0) {
            link[k] = '\0';
            const char *z = strstr(link, "zoneinfo/");
            if (z && rh_tz_name_ok(z + 9))
                snprintf(shown, sizeof shown, "%s", z + 9);
        }
        int r = load_file(TZ_SYSTEM_FILE, shown, out, err);
        return r == RH_ENOTFOUND ? utc_zone(out, err) : r; /* none: UTC, as libc does */
    }
    if (rh_tz_name_ok(name)) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        int r = load_file(path, name, out, err);
        if (r != RH_ENOTFOUND)
            return r;
    }
    /* not a file of the database: "UTC" or a POSIX rule such as "EST5EDT,M3.2.0,M11.1.0" */
    if (strcmp(name, "UTC") == 0 || strcmp(name, "Etc/UTC") == 0 || strcmp(name, "GMT") == 0)
        return utc_zone(out, err);
    struct posix_rule pr;
    if (posix_parse(name, &pr) != 0)
        return rh_err_set(err, RH_ENOTFOUND,
                          "'%s' is not a time zone: use a name of the tz database such as "
                          "Europe/London or America/Los_Angeles",
                          name);
    return (*out = fixed_zone(name, &pr)) ? 0 : rh_err_set(err, RH_ENOMEM, "out of memory");
}

int rh_tz_load(const char *name, struct rh_tz **out, struct rh_err *err)
{
    return rh_tz_load_from(RH_TZ_DIR, name, out, err);
}

int32_t rh_tz_offset_min(const struct rh_tz *tz, int64_t t)
{
    if (!tz)
        return 0;
    bool dst;
    int32_t off;
    if (tz->n_trans == 0 || t >= tz->trans[tz->n_trans - 1]) {
        if (tz->footer.valid)
            off = posix_offset(&tz->footer, t, &dst);
        else if (tz->n_trans)
            off = tz->type_off[tz->trans_ty[tz->n_trans - 1]];
        else
            off = tz->n_types ? tz->type_off[0] : 0;
    } else if (t < tz->trans[0]) {
        /* before the first transition: the first standard-time type (RFC 8536) */
        size_t k = 0;
        while (k < tz->n_types && tz->type_dst[k])
            k++;
        off = tz->type_off[k < tz->n_types ? k : 0];
    } else {
        size_t lo = 0, hi = tz->n_trans - 1; /* trans[lo] <= t < trans[hi] */
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (tz->trans[mid] <= t)
                lo = mid;
            else
                hi = mid;
        }
        off = tz->type_off[tz->trans_ty[lo]];
    }
    /* offsets of the past such as Paris's +0:09:21 are rounded to minutes */
    return (int32_t)(off >= 0 ? (off + 30) / 60 : -((-off + 30) / 60));
}

int32_t rh_tz_day(const struct rh_tz *tz, int64_t t)
{
    return rh_local_day(t, rh_tz_offset_min(tz, t));
}

int64_t rh_tz_noon(const struct rh_tz *tz, int32_t day)
{
    int64_t t = (int64_t)day * 86400 + 43200;
    return t - (int64_t)rh_tz_offset_min(tz, t) * 60;
}

bool rh_utc_offset_plausible(int32_t minutes)
{
    return minutes >= -14 * 60 && minutes <= 14 * 60 && minutes % 15 == 0;
}
