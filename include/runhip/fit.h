/* SPDX-License-Identifier: MIT */
/*
 * runhip/fit.h: the FIT decoder (Garmin's Flexible and Interoperable Data
 * Transfer format), written for runhip from the public FIT protocol and
 * profile.
 *
 * Two levels:
 *  - rh_fit_decode() turns a whole file into a struct rh_activity;
 *  - struct rh_fit_reader + rh_fit_next() walk the data messages one at a
 *    time (for tests, the fuzzer and tools). The reader never allocates: it
 *    keeps the 16 local definitions inside itself and hands out views into
 *    the caller's buffer.
 *
 * Ownership: buffers are borrowed for the duration of a call (for the
 * reader: as long as the reader is used); the activity is caller-owned
 * (rh_activity_init before, rh_activity_release after). A struct rh_fit_msg
 * points into the reader and the buffer and is valid until the next
 * rh_fit_next() on the same reader.
 */
#ifndef RUNHIP_FIT_H
#define RUNHIP_FIT_H

#include "runhip/activity.h"

/* Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
#define RH_FIT_EPOCH 631065600

/* Decodes a whole FIT file (chained files included) from buf into a.
 * Returns 0 when at least the file header was valid and what decoded cleanly
 * is in a; problems that still leave usable data are reported in *warn (may
 * be NULL; code 0 when there was none): RH_ECRC (header or file CRC
 * mismatch), RH_ETRUNC (the file ends inside its data) or RH_EFORMAT
 * (decoding stopped at an impossible record, e.g. data for a local message
 * that was never defined). Only the first warning is kept, with its byte
 * offset, except that damage which ends the walk (RH_ETRUNC, RH_EFORMAT)
 * replaces a CRC mismatch found before it, and a file CRC mismatch
 * replaces a format problem (the earlier detail is kept). Returns a negative RH_E* with *err filled when nothing usable was
 * found (empty file, not a FIT file, gzip data named .fit, no message). */
int rh_fit_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err);

/* One session of a multisport FIT (a triathlon's swim, ride and run), as
 * the session message sums it. Transitions are not legs. */
struct rh_fit_leg {
    enum rh_sport sport;
    char sub_sport[32];
    bool has_start;
    int64_t start_utc;
    double elapsed_s, timer_s, dist_m, ascent_m; /* RH_NONE when absent */
    double avg_hr, max_hr, cad_spm, temp_c, power_w;
};
#define RH_FIT_LEGS_MAX 16
struct rh_fit_legs {
    int n;      /* legs kept (at most RH_FIT_LEGS_MAX) */
    bool mixed; /* their sports differ: the file is several outings */
};

/* As rh_fit_decode; legs (may be NULL) also gets the sessions that are not
 * transitions, in file order, into leg[RH_FIT_LEGS_MAX]. */
int rh_fit_decode_legs(const void *buf, size_t len, struct rh_activity *a,
                       struct rh_fit_legs *legs, struct rh_fit_leg *leg, struct rh_err *warn,
                       struct rh_err *err);

/* One leg of a multisport file (as rh_fit_decode_legs gave it) into a: its
 * session's summary, the file's device and offset, and the records of its
 * own time (from its start to start + elapsed, the device's distance counted
 * from its first record) for its splits, track, GPS flag and whatever its
 * session does not say (a run leg's cadence from its own records). Same
 * contract as rh_fit_decode. */
int rh_fit_decode_leg(const void *buf, size_t len, const struct rh_fit_leg *leg,
                      struct rh_activity *a, struct rh_err *warn, struct rh_err *err);

/* True if buf starts like a FIT file (header size 12 or 14, ".FIT"). */
bool rh_fit_sniff(const void *buf, size_t len);

/* The FIT CRC-16 (polynomial 0xA001, reflected, start 0) of p[0..n),
 * continued from crc. */
uint16_t rh_fit_crc16(uint16_t crc, const void *p, size_t n);

/* ---- the message iterator ------------------------------------------- */

#define RH_FIT_MAX_FIELDS 255 /* per definition, profile and developer each */
#define RH_FIT_NO_SLOT 0xFF

/* One field of a definition. data offset is relative to the message. */
struct rh_fit_field {
    uint8_t num;  /* field definition number */
    uint8_t size; /* bytes */
    uint8_t type; /* FIT base type byte (e.g. 0x84 uint16); developer fields take
                   * it from their field_description (byte, 0x0D, if none) */
    uint8_t dev;  /* developer data index, RH_FIT_NO_SLOT for profile fields */
    uint8_t slot; /* index in the profile table (internal), or RH_FIT_NO_SLOT */
    uint8_t kind; /* internal: base type number + 1 when readable as a number, else 0 */
    uint16_t off; /* byte offset inside the message data */
};

struct rh_fit_def {
    bool defined;
    bool big_endian;
    uint16_t global;   /* global message number */
    uint16_t size;     /* bytes of one data message */
    uint16_t n_fields; /* profile + developer fields */
    int32_t ts_off;    /* offset of field 253 (uint32 timestamp), -1 if none */
    uint8_t slot_lo, slot_hi; /* profile slots of this message: [lo, hi) */
    uint8_t n_slotted;        /* fields with a slot, listed in slotted[] */
    uint8_t n_unset;          /* slots of the message no field fills */
    uint16_t slotted[32];
    uint8_t unset[32];
    struct rh_fit_field fields[2 * RH_FIT_MAX_FIELDS];
};

/* A developer field description (message field_description) as kept. */
struct rh_fit_devdesc {
    uint8_t dev_index, field_num, base_type;
    char name[24];
};

#define RH_FIT_MAX_DEVDESC 64

struct rh_fit_reader {
    const uint8_t *buf;
    size_t len;
    size_t pos;        /* next byte to read */
    size_t file_start; /* start of the current (chained) FIT file */
    size_t data_end;   /* end of its data records */
    bool in_file;
    bool crc_check;     /* the current file's CRC is being computed */
    uint16_t crc;       /* running CRC of the current file up to crc_pos */
    size_t crc_pos;
    int n_files;        /* FIT headers read */
    uint32_t last_ts;   /* last full timestamp, for compressed headers */
    bool have_ts;
    long n_field_descriptions, n_developer_data_ids;
    size_t n_devdesc; /* kept in devdesc (the first RH_FIT_MAX_DEVDESC) */
    struct rh_fit_devdesc devdesc[RH_FIT_MAX_DEVDESC];
    struct rh_err warn; /* first warning (code 0 if none): what happened, in a runner's words */
    bool warn_cut;      /* the walk stopped there: what was recorded before it is kept */
    char warn_detail[200]; /* the warning's detail for a bug report ("" if none) */
    struct rh_fit_def defs[16];
};

/* One data message: a view into the buffer, valid until the next call. */
struct rh_fit_msg {
    uint16_t global;
    uint8_t local;
    bool big_endian;
    bool has_timestamp;
    bool compressed; /* came with a compressed-timestamp header */
    uint32_t timestamp; /* FIT seconds (add RH_FIT_EPOCH for Unix) */
    size_t offset;      /* of the record header in the buffer */
    const uint8_t *data;
    uint16_t size;
    uint16_t n_fields;
    const struct rh_fit_field *fields;
    const struct rh_fit_def *def;
};

/* Starts reading buf[0..len) (borrowed). Never fails. */
void rh_fit_reader_init(struct rh_fit_reader *r, const void *buf, size_t len);

/* Reads up to the next data message (definitions, headers and CRCs are
 * handled inside). Returns 1 with *m filled, 0 at the end of the input, or a
 * negative RH_E* with *err filled when the input is not FIT at all (the
 * first header is bad). Trouble after a good header ends the walk with 0 and
 * a warning in r->warn (RH_ETRUNC, RH_EFORMAT), like rh_fit_decode's *warn.
 * A CRC mismatch (RH_ECRC) does not end the walk; the file CRC is known once
 * the walk has passed the end of that file's data. */
int rh_fit_next(struct rh_fit_reader *r, struct rh_fit_msg *m, struct rh_err *err);

/* The first profile field numbered num in m, or NULL. */
const struct rh_fit_field *rh_fit_msg_field(const struct rh_fit_msg *m, uint8_t num);

/* The raw value of f's first element as a double (signed types sign
 * extended, floats as floats), or RH_NONE when it holds the base type's
 * invalid value (0xFF.., 0x7F.., 0 for the z types), is a string or byte
 * array, or its size does not fit the base type. */
double rh_fit_field_raw(const struct rh_fit_msg *m, const struct rh_fit_field *f);

/* Copies a string field into out (NUL terminated, at most cap-1 bytes).
 * Returns the length, 0 if absent or not a string. */
size_t rh_fit_field_str(const struct rh_fit_msg *m, const struct rh_fit_field *f, char *out,
                        size_t cap);

/* Names from the FIT profile: static snake_case words, or NULL when the
 * number is not in runhip's table. */
const char *rh_fit_sport_name(unsigned sport);
const char *rh_fit_sub_sport_name(unsigned sub_sport);
const char *rh_fit_manufacturer_name(unsigned manufacturer);
/* Garmin product names (manufacturer garmin, dynastream, dynastream_oem). */
const char *rh_fit_garmin_product_name(unsigned product);

#endif
