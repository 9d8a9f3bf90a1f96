/* SPDX-License-Identifier: MIT */
/*
 * The streaming XML reader under the GPX and TCX decoders. It drives expat
 * with namespace processing (names arrive as "uri<0x01>local"), keeps a
 * stack of small element ids, buffers text only for the elements a format
 * handler reads (and only up to RH_XML_TEXT_MAX bytes), and routes expat's
 * allocations through rh_malloc with a per-document cap, so a hostile
 * document can neither eat memory nor crash the import. Also here: the
 * buffer entry points, the format sniffer and the fast number and time
 * parsers both handlers use.
 */
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include "xml/xml_int.h"
#include "util/banned.h"

/* ---- expat memory: through rh_malloc, counted per reader ----------------- */

/* Every block carries its size and its account, so realloc/free can keep
 * the count even when the reader moves between threads; the account for
 * new blocks is the one whose expat call is running on this thread. */
struct mem_hdr {
    alignas(max_align_t) size_t size;
    struct rh__xml_mem *owner;
};
static _Thread_local struct rh__xml_mem *mem_current;

static void *mem_malloc(size_t n)
{
    struct rh__xml_mem *r = mem_current;
    if (r && (n > RH_XML_MEM_MAX || r->used + n > RH_XML_MEM_MAX)) {
        r->capped = true;
        return NULL;
    }
    struct mem_hdr *h = rh_malloc(sizeof *h + n);
    if (!h) {
        if (r)
            r->failed = true;
        return NULL;
    }
    h->size = n;
    h->owner = r;
    if (r)
        r->used += n;
    return h + 1;
}

static void mem_free(void *p)
{
    if (!p)
        return;
    struct mem_hdr *h = (struct mem_hdr *)p - 1;
    if (h->owner)
        h->owner->used -= h->size;
    rh_free(h);
}

static void *mem_realloc(void *p, size_t n)
{
    if (!p)
        return mem_malloc(n);
    struct mem_hdr *h = (struct mem_hdr *)p - 1;
    struct rh__xml_mem *r = h->owner;
    size_t old = h->size;
    if (r && n > old && (n > RH_XML_MEM_MAX || r->used - old + n > RH_XML_MEM_MAX)) {
        r->capped = true;
        return NULL;
    }
    struct mem_hdr *nh = rh_realloc(h, sizeof *nh + n);
    if (!nh) {
        if (r)
            r->failed = true;
        return NULL;
    }
    nh->size = n;
    if (r)
        r->used = r->used - old + n;
    return nh + 1;
}

static const XML_Memory_Handling_Suite mem_suite = {mem_malloc, mem_realloc, mem_free};

struct rh__xml_mem *rh__xml_mem_enter(struct rh__xml_mem *m)
{
    struct rh__xml_mem *saved = mem_current;
    mem_current = m;
    return saved;
}

XML_Parser rh__xml_parser_new(struct rh__xml_mem *m, const char *ns_sep)
{
    struct rh__xml_mem *saved = rh__xml_mem_enter(m);
    XML_Parser p = XML_ParserCreate_MM(NULL, &mem_suite, ns_sep);
    rh__xml_mem_enter(saved);
    if (p)
        XML_SetUnknownEncodingHandler(p, rh__xml_unknown_encoding, NULL);
    return p;
}

/* ---- namespaces ------------------------------------------------------------ */

static const struct {
    const char *uri;
    size_t len;
    enum rh__xml_ns ns;
} known_ns[] = {
#define NS(u, id) {u, sizeof u - 1, id}
    NS("http://www.topografix.com/GPX/1/1", RH__NS_GPX11),
    NS("http://www.topografix.com/GPX/1/0", RH__NS_GPX10),
    NS("http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2", RH__NS_TCX),
    NS("http://www.garmin.com/xmlschemas/TrackPointExtension/v1", RH__NS_TPX1),
    NS("http://www.garmin.com/xmlschemas/TrackPointExtension/v2", RH__NS_TPX2),
    NS("http://www.garmin.com/xmlschemas/ActivityExtension/v2", RH__NS_AX2),
    NS("http://www.suunto.com/schemas/sml", RH__NS_SML),
#undef NS
};

enum rh__xml_ns rh__xml_ns_of(const char *name, const char **local)
{
    const char *sep = strchr(name, RH__XML_NS_SEP);
    if (!sep) {
        *local = name;
        return RH__NS_NONE;
    }
    *local = sep + 1;
    size_t n = (size_t)(sep - name);
    for (size_t i = 0; i < sizeof known_ns / sizeof known_ns[0]; i++)
        if (known_ns[i].len == n && memcmp(known_ns[i].uri, name, n) == 0)
            return known_ns[i].ns;
    return RH__NS_OTHER;
}

int rh__xml_fail(struct rh_xml_reader *r, int code, const char *fmt, ...)
{
    if (!r->fail) {
        va_list ap;
        char msg[400];
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        r->fail = code;
        rh_err_setl(&r->ferr, code, (long)XML_GetCurrentLineNumber(r->p), "%s", msg);
    }
    XML_StopParser(r->p, XML_FALSE);
    return code;
}

/* ---- the XML formats: one entry per root element --------------------------- */

/* Each XML activity format: its root element (local name and the namespaces
 * it may be in; RH__NS_NONE ends the list and is itself accepted), how to
 * name it in an error, and its handlers. A new XML format is one entry here
 * plus its handlers. */
struct rh__xml_format {
    enum rh_format fmt;
    const char *root;
    enum rh__xml_ns ns[3];
    const char *what;
    int (*start)(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                 const char **atts);
    void (*end)(struct rh_xml_reader *r, int id, int parent, const char *text);
    int (*finish)(struct rh_xml_reader *r, bool truncated, struct rh_err *err);
};

static const struct rh__xml_format xml_formats[] = {
    {RH_FMT_GPX, "gpx", {RH__NS_GPX10, RH__NS_GPX11, RH__NS_NONE}, "GPX",
     rh__gpx_start, rh__gpx_end, rh__gpx_finish},
    {RH_FMT_TCX, "TrainingCenterDatabase", {RH__NS_TCX, RH__NS_NONE, RH__NS_NONE},
     "TCX", rh__tcx_start, rh__tcx_end, rh__tcx_finish},
    {RH_FMT_SML, "sml", {RH__NS_SML, RH__NS_NONE, RH__NS_NONE}, "Suunto (SML)",
     rh__sml_start, rh__sml_end, rh__sml_finish},
};
#define N_XML_FORMATS (sizeof xml_formats / sizeof xml_formats[0])

/* The format whose root element this is (NULL if none). */
static const struct rh__xml_format *root_format(enum rh__xml_ns ns, const char *local)
{
    for (size_t i = 0; i < N_XML_FORMATS; i++) {
        const struct rh__xml_format *f = &xml_formats[i];
        if (strcmp(local, f->root) != 0)
            continue;
        for (size_t k = 0; k < 3; k++) {
            if (f->ns[k] == ns)
                return f;
            if (f->ns[k] == RH__NS_NONE)
                break;
        }
    }
    return NULL;
}

static const struct rh__xml_format *format_of(enum rh_format fmt)
{
    for (size_t i = 0; i < N_XML_FORMATS; i++)
        if (xml_formats[i].fmt == fmt)
            return &xml_formats[i];
    return NULL;
}

static bool known_root_ns(enum rh__xml_ns ns)
{
    for (size_t i = 0; i < N_XML_FORMATS; i++)
        for (size_t k = 0; k < 3; k++)
            if (xml_formats[i].ns[k] == ns)
                return true;
    return false;
}

/* ---- numbers and times ------------------------------------------------------ */

static const double pow10_tab[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool rh__xml_num(const char *s, double *out)
{
    while (is_blank(*s))
        s++;
    bool neg = false;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    uint64_t m = 0;
    int nd = 0, e10 = 0;
    bool any = false;
    for (; is_digit(*s); s++) {
        any = true;
        if (nd < 19) {
            m = m * 10 + (uint64_t)(*s - '0');
            nd += m != 0;
        } else {
            e10++;
        }
    }
    if (*s == '.') {
        for (s++; is_digit(*s); s++) {
            any = true;
            if (nd < 19) {
                m = m * 10 + (uint64_t)(*s - '0');
                nd += m != 0;
                e10--;
            }
        }
    }
    if (!any)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        bool eneg = false;
        if (*s == '-' || *s == '+')
            eneg = *s++ == '-';
        if (!is_digit(*s))
            return false;
        int e = 0;
        for (; is_digit(*s); s++)
            if (e < 10000)
                e = e * 10 + (*s - '0');
        e10 += eneg ? -e : e;
    }
    while (is_blank(*s))
        s++;
    if (*s)
        return false;
    double v = (double)m;
    if (m != 0 && e10 != 0) {
        if (e10 < 0 && e10 >= -22)
            v /= pow10_tab[-e10];
        else if (e10 > 0 && e10 <= 22)
            v *= pow10_tab[e10];
        else
            v *= pow(10.0, e10);
    }
    if (!isfinite(v))
        return false;
    *out = neg ? -v : v;
    return true;
}

/* n digits at *p -> *v; false if any is not a digit. */
static bool take_digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (!is_digit(c))
            return false;
        x = x * 10 + (c - '0');
    }
    *p += n;
    *v = x;
    return true;
}

bool rh__xml_time(const char *s, double *out)
{
    return rh__xml_time_zoned(s, out, NULL);
}

bool rh__xml_time_zoned(const char *s, double *out, int *off_min)
{
    int y, mo, d, h, mi, se;
    while (is_blank(*s))
        s++;
    const char *p = s;
    if (!take_digits(&p, 4, &y) || *p++ != '-' || !take_digits(&p, 2, &mo) || *p++ != '-' ||
        !take_digits(&p, 2, &d) || (*p != 'T' && *p != 't' && *p != ' '))
        return false;
    p++;
    if (!take_digits(&p, 2, &h) || *p++ != ':' || !take_digits(&p, 2, &mi) || *p++ != ':' ||
        !take_digits(&p, 2, &se))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || se > 60)
        return false;
    double frac = 0;
    if (*p == '.' || *p == ',') {
        p++;
        if (!is_digit(*p))
            return false;
        double scale = 0.1;
        for (; is_digit(*p); p++) {
            frac += (*p - '0') * scale;
            scale *= 0.1;
        }
    }
    int off = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
        if (!take_digits(&p, 2, &oh))
            return false;
        if (*p == ':')
            p++;
        if (is_digit(*p) && !take_digits(&p, 2, &om))
            return false;
        if (oh > 23 || om > 59)
            return false;
        off = sign * (oh * 3600 + om * 60);
    }
    while (is_blank(*p))
        p++;
    if (*p)
        return false;
    int64_t t = (int64_t)rh_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off;
    *out = (double)t + frac;
    if (off_min)
        *off_min = off / 60; /* 0 for Z, a bare time or +00:00 */
    return true;
}

bool rh__xml_wants_text(int id)
{
    switch (id) {
    case G_NAME:
    case G_TYPE:
    case G_ELE:
    case G_TIME:
    case G_X_HR:
    case G_X_CAD:
    case G_X_TEMP:
    case G_TPX_HR:
    case G_TPX_CAD:
    case G_TPX_TEMP:
    case T_ID:
    case T_CREATOR_NAME:
    case T_LAP_TIME:
    case T_LAP_DIST:
    case T_VALUE:
    case T_LX_RUNCAD:
    case T_TP_TIME:
    case T_LAT:
    case T_LON:
    case T_ALT:
    case T_TP_DIST:
    case T_TP_CAD:
    case T_TPX_RUNCAD:
    case T_TPX_SPEED:
    case T_TPX_WATTS:
    case S_H_DURATION:
    case S_H_DISTANCE:
    case S_H_ACTTYPE:
    case S_H_DATETIME:
    case S_AVG:
    case S_MAX:
    case S_DEV_NAME:
    case S_SM_HR:
    case S_SM_CAD:
    case S_SM_TEMP:
    case S_SM_DIST:
    case S_SM_SPEED:
    case S_SM_LAT:
    case S_SM_LON:
    case S_SM_ALT:
    case S_SM_UTC:
    case S_SM_TYPE:
        return true;
    default:
        return false;
    }
}

/* ---- expat handlers ---------------------------------------------------------- */

static void XMLCALL on_text(void *ud, const XML_Char *s, int len);

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct rh_xml_reader *r = ud;
    const char *local;
    int parent = r->depth <= RH__XML_DEPTH ? r->stack[r->depth] : E_OTHER;
    r->depth++;
    if (r->depth > RH__XML_DEPTH)
        return; /* too deep to matter; still balanced by on_end */
    int id = E_OTHER;
    if (r->depth == 1) {
        enum rh__xml_ns ns = rh__xml_ns_of(name, &local);
        const struct rh__xml_format *f = root_format(ns, local);
        if (f && (r->want == RH_FMT_NONE || r->want == f->fmt)) {
            r->xf = f;
            r->fmt = f->fmt;
            r->a->format = r->fmt;
            id = f->start(r, E_OTHER, ns, local, atts);
        } else {
            const struct rh__xml_format *w = format_of(r->want);
            char msg[sizeof r->ferr.msg];
            rh__file_say(msg, sizeof msg, known_root_ns(ns) ? "xml_root" : "xml_root_other",
                         "want", w ? w->what : "GPX, TCX or Suunto (SML)", "root", local,
                         (const char *)NULL);
            rh__xml_fail(r, RH_EFORMAT, "%s", msg);
            return;
        }
    } else if (parent != E_OTHER) {
        enum rh__xml_ns ns = rh__xml_ns_of(name, &local);
        id = r->xf->start(r, parent, ns, local, atts);
    }
    r->stack[r->depth] = (uint8_t)id;
    if (id != E_OTHER && rh__xml_wants_text(id)) {
        /* expat calls no handler at all for text nobody reads */
        r->capturing = true;
        r->tlen = 0;
        XML_SetCharacterDataHandler(r->p, on_text);
    }
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    struct rh_xml_reader *r = ud;
    if (!r->capturing || len <= 0)
        return;
    if (r->tlen + (size_t)len > RH_XML_TEXT_MAX) {
        char msg[sizeof r->ferr.msg], b[32];
        snprintf(b, sizeof b, "%d", RH_XML_TEXT_MAX);
        rh__file_say(msg, sizeof msg, "xml_text_long", "bytes", b, (const char *)NULL);
        rh__xml_fail(r, RH_ELIMIT, "%s", msg);
        r->capturing = false;
        XML_SetCharacterDataHandler(r->p, NULL);
        return;
    }
    memcpy(r->text + r->tlen, s, (size_t)len);
    r->tlen += (size_t)len;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct rh_xml_reader *r = ud;
    (void)name;
    if (r->depth <= RH__XML_DEPTH && r->depth >= 1) {
        int id = r->stack[r->depth];
        if (id != E_OTHER) {
            const char *text = "";
            if (r->capturing) {
                /* trim */
                size_t b = 0, e = r->tlen;
                while (b < e && is_blank(r->text[b]))
                    b++;
                while (e > b && is_blank(r->text[e - 1]))
                    e--;
                r->text[e] = '\0';
                text = r->text + b;
                r->capturing = false;
                XML_SetCharacterDataHandler(r->p, NULL);
            }
            int parent = r->stack[r->depth - 1];
            r->xf->end(r, id, parent, text);
        }
    }
    r->depth--;
}

/* ---- windows-1252 ---------------------------------------------------------- */

/* Expat knows UTF-8, UTF-16, ISO-8859-1 and US-ASCII; some Windows tools
 * declare windows-1252, which differs from Latin-1 only in 0x80-0x9F.
 * Unassigned bytes there map to the C1 control of the same number, as
 * Windows itself does. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static bool name_is(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

int XMLCALL rh__xml_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    (void)data;
    if (!name_is(name, "windows-1252") && !name_is(name, "cp1252"))
        return XML_STATUS_ERROR;
    for (int i = 0; i < 256; i++)
        info->map[i] = i >= 0x80 && i < 0xA0 ? cp1252_high[i - 0x80] : i;
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

/* ---- public reader ----------------------------------------------------------- */

int rh_xml_reader_new(struct rh_xml_reader **out, enum rh_format fmt, struct rh_activity *a)
{
    if (!out || !a || (fmt != RH_FMT_NONE && !format_of(fmt)))
        return RH_EINVAL;
    *out = NULL;
    struct rh_xml_reader *r = rh_calloc(1, sizeof *r);
    if (!r)
        return RH_ENOMEM;
    r->want = fmt;
    r->a = a;
    r->start_t = r->id_t = RH_NONE;
    r->hr_max = RH_NONE;
    r->part_want = -1;
    r->unit = -1;
    rh_err_clear(&r->ferr);
    rh_point_clear(&r->pt);
    struct rh__xml_mem *saved = rh__xml_mem_enter(&r->m);
    r->p = XML_ParserCreate_MM(NULL, &mem_suite, "\x01");
    rh__xml_mem_enter(saved);
    if (!r->p) {
        rh_free(r);
        return RH_ENOMEM;
    }
    XML_SetUserData(r->p, r);
    XML_SetElementHandler(r->p, on_start, on_end);
    XML_SetUnknownEncodingHandler(r->p, rh__xml_unknown_encoding, NULL);
    rh_act_builder_init(&r->b, a);
    *out = r;
    return 0;
}

void rh_xml_reader_free(struct rh_xml_reader *r)
{
    if (!r)
        return;
    struct rh__xml_mem *saved = rh__xml_mem_enter(&r->m);
    XML_ParserFree(r->p);
    rh__xml_mem_enter(saved);
    rh_act_builder_release(&r->b);
    rh_free(r);
}

/* Error of a failed XML_Parse call into err. */
static int parse_error(struct rh_xml_reader *r, struct rh_err *err)
{
    if (r->fail) {
        if (err)
            *err = r->ferr;
        return r->fail;
    }
    enum XML_Error code = XML_GetErrorCode(r->p);
    long line = (long)XML_GetCurrentLineNumber(r->p);
    /* a refused allocation can surface as another error (e.g. "unbound
     * prefix" when a namespace binding could not be stored) */
    if (r->m.capped) {
        r->fail = RH_ELIMIT;
        char mb[32];
        snprintf(mb, sizeof mb, "%u", RH_XML_MEM_MAX >> 20);
        return rh__file_errl(err, RH_ELIMIT, line, "too_large", "mb", mb, (const char *)NULL);
    }
    if (r->m.failed || code == XML_ERROR_NO_MEMORY) {
        r->fail = RH_ENOMEM;
        return rh_err_setl(err, RH_ENOMEM, line, "out of memory while parsing XML");
    }
    r->fail = RH_ESYNTAX;
    return rh__xml_damaged(err, line, XML_ErrorString(code),
                           (long)XML_GetCurrentColumnNumber(r->p) + 1);
}

#define FEED_CHUNK (1u << 18)

int rh_xml_reader_feed(struct rh_xml_reader *r, const void *buf, size_t len, struct rh_err *err)
{
    if (!r || (!buf && len))
        return rh_err_set(err, RH_EINVAL, "no reader or no buffer");
    if (r->fail || r->done)
        return rh_err_set(err, r->fail ? r->fail : RH_EINVAL, "reader already stopped");
    const char *p = buf;
    struct rh__xml_mem *saved = rh__xml_mem_enter(&r->m);
    int rc = 0;
    while (len) {
        int n = len > FEED_CHUNK ? (int)FEED_CHUNK : (int)len;
        r->fed_any = true;
        if (XML_Parse(r->p, p, n, XML_FALSE) != XML_STATUS_OK) {
            rc = parse_error(r, err);
            break;
        }
        p += n;
        len -= (size_t)n;
    }
    rh__xml_mem_enter(saved);
    return rc;
}

/* How far into the recording the file was read: from the first time of
 * its outings to the last, else the activity's elapsed time; RH_NONE. */
static double read_span(const struct rh_xml_reader *r)
{
    int nu = r->n_units < RH_XML_UNITS_MAX ? r->n_units : RH_XML_UNITS_MAX;
    double first = RH_NONE, last = RH_NONE;
    for (int u = 0; u < nu; u++) {
        if (rh_has(r->unit_first[u]) && (!rh_has(first) || r->unit_first[u] < first))
            first = r->unit_first[u];
        if (rh_has(r->unit_last[u]) && (!rh_has(last) || r->unit_last[u] > last))
            last = r->unit_last[u];
    }
    if (rh_has(first) && rh_has(last))
        return last - first;
    if (rh_has(r->a->total_elapsed_s) && r->a->total_elapsed_s > 0)
        return r->a->total_elapsed_s;
    return RH_NONE;
}

int rh__xml_damaged(struct rh_err *err, long line, const char *why, long column)
{
    char l[32], c[32], d[300];
    snprintf(l, sizeof l, "%ld", line);
    snprintf(c, sizeof c, "%ld", column);
    rh__file_say(d, sizeof d, "xml_detail_damaged", "why", why, "line", l, "column", c,
                 (const char *)NULL);
    rh__file_errl(err, RH_ESYNTAX, line, "xml_damaged", (const char *)NULL);
    if (err)
        rh__file_with_detail(err->msg, sizeof err->msg, err->msg, d);
    return RH_ESYNTAX;
}

int rh_xml_reader_finish(struct rh_xml_reader *r, struct rh_err *warn, struct rh_err *err)
{
    rh_err_clear(warn);
    if (!r)
        return rh_err_set(err, RH_EINVAL, "no reader");
    if (r->fail || r->done)
        return rh_err_set(err, r->fail ? r->fail : RH_EINVAL, "reader already stopped");
    r->done = true;
    struct rh__xml_mem *saved = rh__xml_mem_enter(&r->m);
    enum XML_Status st = XML_Parse(r->p, "", 0, XML_TRUE);
    rh__xml_mem_enter(saved);
    bool truncated = false;
    struct rh_err terr;
    rh_err_clear(&terr);
    char line[32], detail[200];
    if (st != XML_STATUS_OK) {
        enum XML_Error code = XML_GetErrorCode(r->p);
        bool mem = r->m.capped || r->m.failed;
        bool eof_error = !r->fail && !mem && (code == XML_ERROR_NO_ELEMENTS ||
                                      code == XML_ERROR_UNCLOSED_TOKEN ||
                                      code == XML_ERROR_PARTIAL_CHAR ||
                                      code == XML_ERROR_UNCLOSED_CDATA_SECTION);
        if (!eof_error || r->fmt == RH_FMT_NONE) {
            if (r->fmt == RH_FMT_NONE && !r->fail && !mem)
                return rh__file_err(err, r->fed_any ? RH_EFORMAT : RH_EEMPTY,
                                    r->fed_any ? "xml_not_xml" : "empty", (const char *)NULL);
            return parse_error(r, err);
        }
        truncated = true;
        /* expat's reason ("no element found") says no more than the line */
        terr.code = RH_ETRUNC;
        terr.line = (long)XML_GetCurrentLineNumber(r->p);
        snprintf(line, sizeof line, "%ld", terr.line);
        rh__file_say(detail, sizeof detail, "xml_detail_cut", "line", line, (const char *)NULL);
    }
    int rc = r->xf->finish(r, truncated, err);
    if (rc)
        return rc;
    if (truncated) {
        if (r->n_points == 0) {
            rh__file_errl(err, RH_ETRUNC, terr.line, "xml_cut_nothing", (const char *)NULL);
            if (err)
                rh__file_with_detail(err->msg, sizeof err->msg, err->msg, detail);
            return RH_ETRUNC;
        }
        if (warn) {
            /* what was kept: up to the last time read in the file (every
             * outing of it says the same, said once), else the activity's */
            *warn = terr;
            rh__file_say(warn->msg, sizeof warn->msg, "xml_cut", (const char *)NULL);
            rh__file_warn_cut(warn, read_span(r), detail);
        }
    }
    return 0;
}

/* ---- outings ------------------------------------------------------------------- */

bool rh__xml_unit_begin(struct rh_xml_reader *r)
{
    int u = r->n_units < RH_XML_UNITS_MAX ? r->n_units : RH_XML_UNITS_MAX - 1;
    if (r->n_units < RH_XML_UNITS_MAX) {
        r->unit_sport[u] = -1;
        r->unit_n[u] = 0;
        r->unit_first[u] = r->unit_last[u] = RH_NONE;
    }
    r->n_units++;
    r->unit = u;
    if (r->part_want < 0 || !r->parts)
        return true;
    int part = u < r->parts->n_units ? r->parts->of_unit[u] : r->parts->n - 1;
    return part == r->part_want;
}

void rh__xml_unit_sport(struct rh_xml_reader *r, enum rh_sport s)
{
    if (r->unit >= 0 && r->unit_sport[r->unit] < 0)
        r->unit_sport[r->unit] = (int16_t)s;
}

void rh__xml_unit_time(struct rh_xml_reader *r, double t)
{
    if (r->unit < 0)
        return;
    int u = r->unit;
    r->unit_n[u]++;
    if (!rh_has(t))
        return;
    if (!rh_has(r->unit_first[u]) || t < r->unit_first[u])
        r->unit_first[u] = t;
    if (!rh_has(r->unit_last[u]) || t > r->unit_last[u])
        r->unit_last[u] = t;
}

/* The outings of the units read (RH_OUTING_GAP_S in runhip/xml.h). */
static void find_parts(const struct rh_xml_reader *r, struct rh_xml_parts *p)
{
    int nu = r->n_units < RH_XML_UNITS_MAX ? r->n_units : RH_XML_UNITS_MAX;
    int part = 0, prev_sport = -1;
    bool any = false;
    double prev_last = RH_NONE;
    p->n_units = nu;
    for (int u = 0; u < nu; u++) {
        if (r->unit_n[u] == 0) { /* nothing in it: it keeps the outing */
            p->of_unit[u] = (uint16_t)part;
            continue;
        }
        int s = r->unit_sport[u];
        double first = r->unit_first[u];
        if (any && part + 1 < RH_XML_OUTINGS_MAX &&
            ((s >= 0 && prev_sport >= 0 && s != prev_sport) ||
             (rh_has(first) && rh_has(prev_last) && first - prev_last > RH_OUTING_GAP_S)))
            part++;
        p->of_unit[u] = (uint16_t)part;
        any = true;
        if (s >= 0)
            prev_sport = s;
        if (rh_has(r->unit_last[u]) && (!rh_has(prev_last) || r->unit_last[u] > prev_last))
            prev_last = r->unit_last[u];
    }
    p->n = part + 1;
}

/* ---- whole buffers ------------------------------------------------------------- */

int rh_xml_decode_part(enum rh_format fmt, const void *buf, size_t len,
                       struct rh_xml_parts *parts, int want, struct rh_activity *a,
                       struct rh_err *warn, struct rh_err *err)
{
    struct rh_xml_reader *r;
    rh_err_clear(warn);
    rh_err_clear(err);
    int rc = rh_xml_reader_new(&r, fmt, a);
    if (rc)
        return rh_err_set(err, rc, "cannot start the XML reader: %s", rh_strerror(rc));
    r->parts = parts;
    r->part_want = parts && want >= 0 ? want : -1;
    rc = rh_xml_reader_feed(r, buf, len, err);
    if (!rc)
        rc = rh_xml_reader_finish(r, warn, err);
    if (!rc && parts && want < 0)
        find_parts(r, parts);
    rh_xml_reader_free(r);
    return rc;
}

static int decode(enum rh_format fmt, const void *buf, size_t len, struct rh_activity *a,
                  struct rh_err *warn, struct rh_err *err)
{
    return rh_xml_decode_part(fmt, buf, len, NULL, -1, a, warn, err);
}

int rh_gpx_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err)
{
    return decode(RH_FMT_GPX, buf, len, a, warn, err);
}

int rh_tcx_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err)
{
    return decode(RH_FMT_TCX, buf, len, a, warn, err);
}

int rh_sml_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err)
{
    return decode(RH_FMT_SML, buf, len, a, warn, err);
}

/* ---- sniffing ---------------------------------------------------------------------- */

struct sniff {
    XML_Parser p;
    enum rh_format f;
};

static void XMLCALL sniff_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct sniff *st = ud;
    const char *local;
    enum rh__xml_ns ns = rh__xml_ns_of(name, &local);
    (void)atts;
    const struct rh__xml_format *f = root_format(ns, local);
    if (f)
        st->f = f->fmt;
    else if (strcmp(local, "HealthData") == 0 && ns == RH__NS_NONE)
        st->f = RH_FMT_APPLE;
    XML_StopParser(st->p, XML_FALSE);
}

enum rh_format rh_xml_sniff(const void *buf, size_t len)
{
    struct sniff st = {NULL, RH_FMT_NONE};
    if (!buf || !len)
        return RH_FMT_NONE;
    struct rh__xml_mem *saved = rh__xml_mem_enter(NULL); /* at most 4 KB of input: no cap needed */
    st.p = XML_ParserCreate_MM(NULL, &mem_suite, "\x01");
    if (st.p) {
        XML_SetUserData(st.p, &st);
        XML_SetStartElementHandler(st.p, sniff_start);
        XML_SetUnknownEncodingHandler(st.p, rh__xml_unknown_encoding, NULL);
        XML_Parse(st.p, buf, len > 4096 ? 4096 : (int)len, XML_FALSE);
        XML_ParserFree(st.p);
    }
    rh__xml_mem_enter(saved);
    return st.f;
}

void rh__xml_time_offset(struct rh_activity *a, int off_min)
{
    if (a->has_offset || off_min == 0 || !rh_utc_offset_plausible(off_min))
        return;
    a->has_offset = true;
    a->utc_offset_min = off_min;
}
