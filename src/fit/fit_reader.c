/* SPDX-License-Identifier: MIT */
/*
 * The FIT message iterator: walks a buffer holding one or more FIT files
 * back to back (chained), checks each file header and CRC, keeps the 16
 * local message definitions (in either byte order, with developer fields),
 * expands compressed-timestamp record headers and hands out one data message
 * at a time as a view into the buffer. Nothing is allocated.
 *
 * Layouts follow the public FIT protocol document: a 12- or 14-byte file
 * header (size, protocol, profile, data size, ".FIT", optional header CRC),
 * data records, a 2-byte CRC over header and data. A record header is either
 * normal (bit 7 clear: bit 6 definition, bit 5 developer fields follow,
 * bits 0-3 local type) or compressed-timestamp (bit 7 set: bits 5-6 local
 * type, bits 0-4 seconds offset).
 */
#include <stdio.h>
#include <string.h>

#include "fit/fit_int.h"
#include "text/file_words.h"
#include "util/banned.h"

const uint8_t rh__fit_base_size[17] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)rh__fit_load(p, 4, false);
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)rh__fit_load(p, 2, false);
}

/* detail after r->warn_detail ("; " between them), cut at a character
 * boundary when it does not fit */
static void add_detail(struct rh_fit_reader *r, const char *detail)
{
    if (!detail || !*detail)
        return;
    size_t k = strlen(r->warn_detail), room = sizeof r->warn_detail - 1 - k;
    if (k) {
        if (room < 2)
            return;
        memcpy(r->warn_detail + k, "; ", 2);
        k += 2;
        room -= 2;
    }
    size_t n = rh_utf8_cut(detail, room);
    memcpy(r->warn_detail + k, detail, n);
    r->warn_detail[k + n] = '\0';
}

/* Keeps the first warning: what happened (a runner's words), whether the
 * walk stops there (cut) and its detail for a bug report, both
 * data/wording.txt [file_words]; except that a CRC mismatch, the root
 * cause, replaces a format problem found before the CRC was known, and
 * that damage which stops the walk replaces a warning that kept the whole
 * recording (a header or a chained file's CRC mismatch): "all of the
 * recording was read" would no longer be true, and a cut file must say
 * RH_ETRUNC (its import is replaced by a whole copy). The earlier
 * warning's detail stays, first. */
static void warn(struct rh_fit_reader *r, int code, size_t off, bool cut, const char *what,
                 const char *detail)
{
    if (r->warn.code && cut && !r->warn_cut) {
        r->warn.code = code;
        r->warn.offset = (long)off;
        r->warn_cut = true;
        snprintf(r->warn.msg, sizeof r->warn.msg, "%s", what);
        add_detail(r, detail);
        return;
    }
    if (r->warn.code && !(code == RH_ECRC && r->warn.code == RH_EFORMAT))
        return;
    if (r->warn.code && r->warn_cut) {
        /* damage that stopped the walk is still what the runner is told
         * (what was kept); the mismatch is its detail */
        r->warn.code = code;
        r->warn.offset = (long)off;
        add_detail(r, detail);
        return;
    }
    r->warn.code = code;
    r->warn.line = -1;
    r->warn.offset = (long)off;
    r->warn_cut = cut;
    snprintf(r->warn.msg, sizeof r->warn.msg, "%s", what);
    r->warn_detail[0] = '\0';
    add_detail(r, detail);
}

/* A text of [file_words] with no hole, or with one (name, value). */
static const char *say(char *buf, size_t cap, const char *key, const char *name,
                       const char *value)
{
    if (name)
        rh__file_say(buf, cap, key, name, value, (const char *)NULL);
    else
        rh__file_say(buf, cap, key, (const char *)NULL);
    return buf;
}

/* A detail whose hole is the byte offset at. */
static const char *at_byte(char *buf, size_t cap, const char *key, size_t at)
{
    char o[32];
    snprintf(o, sizeof o, "%zu", at);
    return say(buf, cap, key, "offset", o);
}

static void crc_finish(struct rh_fit_reader *r);

/* Ends the walk (after a warning), still checking the CRC of a complete
 * file so that damage is reported as such. */
static int stop(struct rh_fit_reader *r)
{
    if (r->in_file && r->crc_check)
        crc_finish(r);
    r->pos = r->len;
    r->in_file = false;
    return 0;
}

void rh_fit_reader_init(struct rh_fit_reader *r, const void *buf, size_t len)
{
    r->buf = buf;
    r->len = buf ? len : 0;
    r->pos = r->file_start = r->data_end = 0;
    r->in_file = false;
    r->crc_check = false;
    r->crc = 0;
    r->crc_pos = 0;
    r->n_files = 0;
    r->last_ts = 0;
    r->have_ts = false;
    r->n_field_descriptions = r->n_developer_data_ids = 0;
    r->n_devdesc = 0;
    rh_err_clear(&r->warn);
    r->warn.code = 0;
    r->warn_cut = false;
    r->warn_detail[0] = '\0';
    for (int i = 0; i < 16; i++)
        r->defs[i].defined = false;
}

bool rh_fit_sniff(const void *buf, size_t len)
{
    const uint8_t *p = buf;
    return p && len >= 12 && (p[0] == 12 || p[0] == 14) && memcmp(p + 8, ".FIT", 4) == 0;
}

/* Reads the file header at r->pos. 1: in a file now; 0: end; <0: error
 * (only for the first header). */
static int open_file(struct rh_fit_reader *r, struct rh_err *err)
{
    const uint8_t *p = r->buf + r->pos;
    size_t left = r->len - r->pos;
    if (!rh_fit_sniff(p, left)) {
        if (r->n_files == 0) {
            if (left == 0)
                return rh__file_err(err, RH_EEMPTY, "empty", (const char *)NULL);
            if (left >= 2 && p[0] == 0x1F && p[1] == 0x8B)
                return rh__file_err(err, RH_EFORMAT, "fit_gzip", (const char *)NULL);
            if (left < 12) {
                char b[32];
                snprintf(b, sizeof b, "%zu", left);
                return rh__file_err(err, RH_EFORMAT, "fit_too_short", "bytes", b,
                                    (const char *)NULL);
            }
            return rh__file_err(err, RH_EFORMAT, "fit_not_fit", (const char *)NULL);
        }
        /* padding after the last chained file is common; anything else is noted */
        size_t i = 0;
        while (i < left && p[i] == 0)
            i++;
        if (i < left) {
            char b[32], w[sizeof r->warn.msg];
            snprintf(b, sizeof b, "%zu", left);
            warn(r, RH_EFORMAT, r->pos, false, say(w, sizeof w, "fit_trailing", "bytes", b),
                 NULL);
        }
        return stop(r);
    }
    unsigned hs = p[0];
    if (left < hs) {
        if (r->n_files == 0) {
            char b[32];
            snprintf(b, sizeof b, "%zu", left);
            return rh__file_err(err, RH_ETRUNC, "fit_header_short", "bytes", b,
                                (const char *)NULL);
        }
        char w[sizeof r->warn.msg];
        warn(r, RH_ETRUNC, r->pos, true, say(w, sizeof w, "fit_part_cut", NULL, NULL), NULL);
        return stop(r);
    }
    if (hs == 14) {
        uint16_t want = le16(p + 12);
        if (want != 0 && want != rh_fit_crc16(0, p, 12)) {
            char w[sizeof r->warn.msg], d[sizeof r->warn_detail];
            warn(r, RH_ECRC, r->pos, false, say(w, sizeof w, "fit_header_damaged", NULL, NULL),
                 at_byte(d, sizeof d, "fit_detail_header_check", r->pos + 12));
        }
    }
    uint32_t data_size = le32(p + 4);
    r->file_start = r->pos;
    size_t data_start = r->pos + hs;
    if (data_size == 0 && r->len - data_start > 2 && !rh_fit_sniff(p + hs, r->len - data_start)) {
        /* a header never finalised (the device stopped before writing the
         * size): the data runs to the end of the buffer */
        r->data_end = r->len;
        char w[sizeof r->warn.msg], d[sizeof r->warn_detail];
        warn(r, RH_ETRUNC, r->pos, true, say(w, sizeof w, "fit_unfinished", NULL, NULL),
             say(d, sizeof d, "fit_detail_size0", NULL, NULL));
        r->in_file = true;
        r->crc_check = false;
    } else if ((size_t)data_size + 2 > r->len - data_start) {
        r->data_end = data_size > r->len - data_start ? r->len : data_start + data_size;
        char w[sizeof r->warn.msg], d[sizeof r->warn_detail], an[32], pr[32];
        snprintf(an, sizeof an, "%u", data_size);
        snprintf(pr, sizeof pr, "%zu", r->len - data_start);
        rh__file_say(d, sizeof d, "fit_detail_cut", "announced", an, "present", pr,
                     (const char *)NULL);
        warn(r, RH_ETRUNC, r->len, true, say(w, sizeof w, "fit_cut", NULL, NULL), d);
        r->in_file = true; /* decode what is there; no CRC to check */
        r->crc_check = false;
    } else {
        r->data_end = data_start + data_size;
        /* the file CRC is computed in chunks just ahead of the decoding
         * (see crc_ahead), so each byte is read from memory once */
        r->crc_check = true;
        r->crc = rh_fit_crc16(0, p, hs);
        r->crc_pos = data_start;
        r->in_file = true;
    }
    r->n_files++;
    r->pos = data_start;
    for (int i = 0; i < 16; i++)
        r->defs[i].defined = false;
    return 1;
}

/* Parses a definition message at r->pos (the record header byte). */
static int read_definition(struct rh_fit_reader *r, uint8_t hdr)
{
    size_t at = r->pos;
    const uint8_t *p = r->buf + at + 1;
    size_t left = r->data_end - at - 1;
    char w[sizeof r->warn.msg], dt[sizeof r->warn_detail];
    if (left < 5) {
        warn(r, RH_ETRUNC, at, true, say(w, sizeof w, "fit_cut", NULL, NULL),
             at_byte(dt, sizeof dt, "fit_detail_def_short", at));
        return stop(r);
    }
    if (p[1] > 1) {
        char o[32], v[16];
        snprintf(o, sizeof o, "%zu", at);
        snprintf(v, sizeof v, "%u", p[1]);
        rh__file_say(dt, sizeof dt, "fit_detail_byte_order", "offset", o, "value", v,
                     (const char *)NULL);
        warn(r, RH_EFORMAT, at, true, say(w, sizeof w, "fit_damaged", NULL, NULL), dt);
        return stop(r);
    }
    struct rh_fit_def *d = &r->defs[hdr & 0x0F];
    bool be = p[1] == 1;
    unsigned nf = p[4];
    size_t need = 5 + 3 * (size_t)nf;
    unsigned nd = 0;
    if (left < need + ((hdr & 0x20) ? 1 : 0)) {
        warn(r, RH_ETRUNC, at, true, say(w, sizeof w, "fit_cut", NULL, NULL),
             at_byte(dt, sizeof dt, "fit_detail_def_short", at));
        return stop(r);
    }
    if (hdr & 0x20) {
        nd = p[need];
        need += 1 + 3 * (size_t)nd;
        if (left < need) {
            warn(r, RH_ETRUNC, at, true, say(w, sizeof w, "fit_cut", NULL, NULL),
                 at_byte(dt, sizeof dt, "fit_detail_def_short", at));
            return stop(r);
        }
    }
    d->defined = false;
    d->big_endian = be;
    d->global = (uint16_t)rh__fit_load(p + 2, 2, be);
    d->ts_off = -1;
    rh__fit_slot_range(d->global, &d->slot_lo, &d->slot_hi);
    d->n_slotted = 0;
    uint32_t off = 0;
    const uint8_t *q = p + 5;
    for (unsigned i = 0; i < nf; i++, q += 3) {
        struct rh_fit_field *f = &d->fields[i];
        f->num = q[0];
        f->size = q[1];
        f->type = q[2];
        f->dev = RH_FIT_NO_SLOT;
        f->off = (uint16_t)off;
        f->slot = d->slot_lo < d->slot_hi ? rh__fit_slot_find(d->global, f->num) : RH_FIT_NO_SLOT;
        f->kind = rh__fit_kind(f->type, f->size);
        if (f->slot != RH_FIT_NO_SLOT && d->n_slotted < sizeof d->slotted / sizeof *d->slotted)
            d->slotted[d->n_slotted++] = (uint16_t)i;
        if (f->num == RH__FIT_FIELD_TIMESTAMP && f->size == 4 && d->ts_off < 0)
            d->ts_off = (int32_t)off;
        off += f->size;
    }
    if (nd)
        q++;
    for (unsigned i = 0; i < nd; i++, q += 3) {
        struct rh_fit_field *f = &d->fields[nf + i];
        f->num = q[0];
        f->size = q[1];
        f->dev = q[2];
        f->type = 0x0D; /* read as bytes unless a field_description says more */
        for (size_t k = 0; k < r->n_devdesc; k++)
            if (r->devdesc[k].dev_index == f->dev && r->devdesc[k].field_num == f->num) {
                f->type = r->devdesc[k].base_type;
                break;
            }
        f->kind = rh__fit_kind(f->type, f->size);
        f->off = (uint16_t)off;
        f->slot = RH_FIT_NO_SLOT;
        off += f->size;
    }
    if (off > 0xFFFF) {
        char o[32], b[16];
        snprintf(o, sizeof o, "%zu", at);
        snprintf(b, sizeof b, "%u", (unsigned)off);
        rh__file_say(dt, sizeof dt, "fit_detail_def_size", "offset", o, "bytes", b,
                     (const char *)NULL);
        warn(r, RH_EFORMAT, at, true, say(w, sizeof w, "fit_damaged", NULL, NULL), dt);
        return stop(r);
    }
    d->size = (uint16_t)off;
    d->n_fields = (uint16_t)(nf + nd);
    /* the message's slots that no listed field fills (reset per message) */
    d->n_unset = 0;
    for (unsigned s = d->slot_lo; s < d->slot_hi && d->n_unset < sizeof d->unset; s++) {
        bool filled = false;
        for (unsigned k = 0; k < d->n_slotted && !filled; k++)
            filled = d->fields[d->slotted[k]].slot == s;
        if (!filled)
            d->unset[d->n_unset++] = (uint8_t)s;
    }
    d->defined = true;
    r->pos = at + 1 + need;
    return 1;
}

/* Keeps what field_description and developer_data_id messages say. */
static void keep_developer(struct rh_fit_reader *r, const struct rh_fit_msg *m)
{
    if (m->global == RH__FIT_MESG_DEVELOPER_DATA_ID) {
        r->n_developer_data_ids++;
        return;
    }
    r->n_field_descriptions++;
    if (r->n_devdesc >= RH_FIT_MAX_DEVDESC)
        return;
    struct rh_fit_devdesc *dd = &r->devdesc[r->n_devdesc];
    double idx = RH_NONE, num = RH_NONE, bt = RH_NONE;
    dd->name[0] = '\0';
    for (unsigned i = 0; i < m->n_fields; i++) {
        const struct rh_fit_field *f = &m->fields[i];
        if (f->dev != RH_FIT_NO_SLOT)
            continue;
        if (f->slot == RH__FIT_FD_DEVELOPER_DATA_INDEX)
            idx = rh__fit_raw(m->data, f, m->big_endian);
        else if (f->slot == RH__FIT_FD_FIELD_DEFINITION_NUMBER)
            num = rh__fit_raw(m->data, f, m->big_endian);
        else if (f->slot == RH__FIT_FD_FIT_BASE_TYPE_ID)
            bt = rh__fit_raw(m->data, f, m->big_endian);
        else if (f->num == RH__FIT_FD_FIELD_NAME)
            rh_fit_field_str(m, f, dd->name, sizeof dd->name);
    }
    if (!(idx >= 0 && idx <= 255 && num >= 0 && num <= 255))
        return;
    if (!(bt >= 0 && bt <= 255))
        bt = 0x0D;
    dd->dev_index = (uint8_t)idx;
    dd->field_num = (uint8_t)num;
    dd->base_type = (uint8_t)bt;
    r->n_devdesc++;
}

#define CRC_CHUNK 4096

/* Extends the running file CRC to at least CRC_CHUNK bytes past r->pos. */
static void crc_ahead(struct rh_fit_reader *r)
{
    size_t until = r->pos + CRC_CHUNK < r->data_end ? r->pos + CRC_CHUNK : r->data_end;
    if (r->crc_pos < until) {
        r->crc = rh_fit_crc16(r->crc, r->buf + r->crc_pos, until - r->crc_pos);
        r->crc_pos = until;
    }
}

/* At the end of a complete file's data: compares the CRC. */
static void crc_finish(struct rh_fit_reader *r)
{
    r->pos = r->data_end;
    crc_ahead(r);
    r->crc_check = false;
    if (r->crc != le16(r->buf + r->data_end)) {
        char w[sizeof r->warn.msg], d[sizeof r->warn_detail];
        warn(r, RH_ECRC, r->data_end, false, say(w, sizeof w, "fit_check", NULL, NULL),
             at_byte(d, sizeof d, "fit_detail_check", r->data_end));
    }
}

int rh_fit_next(struct rh_fit_reader *r, struct rh_fit_msg *m, struct rh_err *err)
{
    for (;;) {
        if (!r->in_file) {
            if (r->pos >= r->len) {
                if (r->n_files == 0)
                    return rh__file_err(err, RH_EEMPTY, "empty", (const char *)NULL);
                return 0;
            }
            int rc = open_file(r, err);
            if (rc <= 0)
                return rc;
            continue;
        }
        if (r->pos >= r->data_end) {
            r->in_file = false;
            if (r->data_end + 2 > r->len)
                return stop(r); /* truncated file: already warned */
            if (r->crc_check)
                crc_finish(r);
            r->pos = r->data_end + 2;
            continue;
        }
        if (r->crc_check && r->crc_pos < r->pos + CRC_CHUNK / 2)
            crc_ahead(r);
        size_t at = r->pos;
        uint8_t hdr = r->buf[at];
        unsigned local;
        bool compressed = (hdr & 0x80) != 0;
        if (compressed) {
            local = (hdr >> 5) & 3;
        } else if (hdr & 0x40) {
            if (read_definition(r, hdr) <= 0)
                return 0;
            continue;
        } else {
            local = hdr & 0x0F;
        }
        const struct rh_fit_def *d = &r->defs[local];
        if (!d->defined) {
            char w[sizeof r->warn.msg], dt[sizeof r->warn_detail], o[32], t[16];
            snprintf(o, sizeof o, "%zu", at);
            snprintf(t, sizeof t, "%u", local);
            rh__file_say(dt, sizeof dt, "fit_detail_undefined", "offset", o, "type", t,
                         (const char *)NULL);
            warn(r, RH_EFORMAT, at, true, say(w, sizeof w, "fit_damaged", NULL, NULL), dt);
            return stop(r);
        }
        if ((size_t)d->size + 1 > r->data_end - at) {
            char w[sizeof r->warn.msg], dt[sizeof r->warn_detail];
            warn(r, RH_ETRUNC, at, true, say(w, sizeof w, "fit_cut", NULL, NULL),
                 at_byte(dt, sizeof dt, "fit_detail_data_short", at));
            return stop(r);
        }
        m->global = d->global;
        m->local = (uint8_t)local;
        m->big_endian = d->big_endian;
        m->compressed = compressed;
        m->offset = at;
        m->data = r->buf + at + 1;
        m->size = d->size;
        m->n_fields = d->n_fields;
        m->fields = d->fields;
        m->def = d;
        m->has_timestamp = false;
        if (d->ts_off >= 0) {
            uint32_t ts = (uint32_t)rh__fit_load(m->data + d->ts_off, 4, d->big_endian);
            if (ts != 0xFFFFFFFF) {
                r->last_ts = ts;
                r->have_ts = true;
                m->has_timestamp = true;
            }
        }
        if (compressed && !m->has_timestamp && r->have_ts) {
            uint32_t off5 = hdr & 0x1F;
            uint32_t ts = (r->last_ts & ~0x1Fu) + off5;
            if (off5 < (r->last_ts & 0x1F))
                ts += 0x20;
            r->last_ts = ts;
            m->has_timestamp = true;
        }
        m->timestamp = m->has_timestamp ? r->last_ts : 0;
        r->pos = at + 1 + d->size;
        if (m->global == RH__FIT_MESG_FIELD_DESCRIPTION ||
            m->global == RH__FIT_MESG_DEVELOPER_DATA_ID)
            keep_developer(r, m);
        return 1;
    }
}

const struct rh_fit_field *rh_fit_msg_field(const struct rh_fit_msg *m, uint8_t num)
{
    for (unsigned i = 0; i < m->n_fields; i++)
        if (m->fields[i].num == num && m->fields[i].dev == RH_FIT_NO_SLOT)
            return &m->fields[i];
    return NULL;
}

double rh_fit_field_raw(const struct rh_fit_msg *m, const struct rh_fit_field *f)
{
    return f ? rh__fit_raw(m->data, f, m->big_endian) : RH_NONE;
}

size_t rh_fit_field_str(const struct rh_fit_msg *m, const struct rh_fit_field *f, char *out,
                        size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    if (!f || (f->type & 0x1F) != 7)
        return 0;
    const uint8_t *p = m->data + f->off;
    size_t n = 0;
    while (n < f->size && p[n] && n + 1 < cap) {
        out[n] = (char)p[n];
        n++;
    }
    out[n] = '\0';
    return n;
}
