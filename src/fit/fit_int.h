/* SPDX-License-Identifier: MIT */
/*
 * fit_int.h: the FIT profile subset runhip reads, as one table, shared by the
 * reader (which maps each defined field to a slot once per definition) and
 * the activity decoder (which reads values by slot).
 *
 * Source of every number below: the public FIT profile, Profile.xlsx of the
 * Garmin FIT SDK ("Messages" sheet: message numbers from the mesg_num type,
 * field definition numbers, scale, offset and units; "Types" sheet for the
 * enums in fit_profile.c). The FIT protocol document gives the record and
 * definition layouts used in fit_reader.c.
 */
#ifndef RUNHIP_FIT_INT_H
#define RUNHIP_FIT_INT_H

#include <string.h>

#include "runhip/fit.h"

/* Global message numbers (Profile.xlsx, Types sheet, mesg_num). */
enum {
    RH__FIT_MESG_FILE_ID = 0,
    RH__FIT_MESG_SPORT = 12,
    RH__FIT_MESG_SESSION = 18,
    RH__FIT_MESG_LAP = 19,
    RH__FIT_MESG_RECORD = 20,
    RH__FIT_MESG_EVENT = 21,
    RH__FIT_MESG_DEVICE_INFO = 23,
    RH__FIT_MESG_ACTIVITY = 34,
    RH__FIT_MESG_FIELD_DESCRIPTION = 206,
    RH__FIT_MESG_DEVELOPER_DATA_ID = 207,
};

#define RH__FIT_FIELD_TIMESTAMP 253 /* every message: date_time, seconds */

/* The table: slot name, message number, field number, scale, offset.
 * value = raw / scale - offset (Profile.xlsx convention). Semicircles are
 * turned into degrees by the scale 2^31 / 180. Rows of one message are
 * contiguous. String fields (product_name, field_name, sport name) are read
 * by number, not by slot. */
#define RH__FIT_SEMI (2147483648.0 / 180.0)
#define RH__FIT_PROFILE(X)                                                                         \
    /* file_id (0) */                                                                              \
    X(FILE_TYPE, 0, 0, 1, 0)                                                                       \
    X(FILE_MANUFACTURER, 0, 1, 1, 0)                                                               \
    X(FILE_PRODUCT, 0, 2, 1, 0)                                                                    \
    X(FILE_TIME_CREATED, 0, 4, 1, 0)                                                               \
    /* sport (12) */                                                                               \
    X(SPORT_SPORT, 12, 0, 1, 0)                                                                    \
    X(SPORT_SUB_SPORT, 12, 1, 1, 0)                                                                \
    /* session (18) */                                                                             \
    X(SES_START_TIME, 18, 2, 1, 0)                                                                 \
    X(SES_SPORT, 18, 5, 1, 0)                                                                      \
    X(SES_SUB_SPORT, 18, 6, 1, 0)                                                                  \
    X(SES_TOTAL_ELAPSED_TIME, 18, 7, 1000, 0)                                                      \
    X(SES_TOTAL_TIMER_TIME, 18, 8, 1000, 0)                                                        \
    X(SES_TOTAL_DISTANCE, 18, 9, 100, 0)                                                           \
    X(SES_AVG_SPEED, 18, 14, 1000, 0)                                                              \
    X(SES_AVG_HEART_RATE, 18, 16, 1, 0)                                                            \
    X(SES_MAX_HEART_RATE, 18, 17, 1, 0)                                                            \
    X(SES_AVG_CADENCE, 18, 18, 1, 0)                                                               \
    X(SES_AVG_POWER, 18, 20, 1, 0)                                                                 \
    X(SES_TOTAL_ASCENT, 18, 22, 1, 0)                                                              \
    X(SES_AVG_FRACTIONAL_CADENCE, 18, 92, 128, 0)                                                  \
    X(SES_AVG_TEMPERATURE, 18, 57, 1, 0)                                                           \
    X(SES_ENHANCED_AVG_SPEED, 18, 124, 1000, 0)                                                    \
    /* lap (19) */                                                                                 \
    X(LAP_START_TIME, 19, 2, 1, 0)                                                                 \
    X(LAP_TOTAL_ELAPSED_TIME, 19, 7, 1000, 0)                                                      \
    X(LAP_TOTAL_TIMER_TIME, 19, 8, 1000, 0)                                                        \
    X(LAP_TOTAL_DISTANCE, 19, 9, 100, 0)                                                           \
    X(LAP_AVG_HEART_RATE, 19, 15, 1, 0)                                                            \
    X(LAP_MAX_HEART_RATE, 19, 16, 1, 0)                                                            \
    X(LAP_AVG_CADENCE, 19, 17, 1, 0)                                                               \
    X(LAP_TOTAL_ASCENT, 19, 21, 1, 0)                                                              \
    X(LAP_AVG_FRACTIONAL_CADENCE, 19, 80, 128, 0)                                                  \
    /* record (20) */                                                                              \
    X(REC_POSITION_LAT, 20, 0, RH__FIT_SEMI, 0)                                                    \
    X(REC_POSITION_LONG, 20, 1, RH__FIT_SEMI, 0)                                                   \
    X(REC_ALTITUDE, 20, 2, 5, 500)                                                                 \
    X(REC_HEART_RATE, 20, 3, 1, 0)                                                                 \
    X(REC_CADENCE, 20, 4, 1, 0)                                                                    \
    X(REC_DISTANCE, 20, 5, 100, 0)                                                                 \
    X(REC_SPEED, 20, 6, 1000, 0)                                                                   \
    X(REC_POWER, 20, 7, 1, 0)                                                                      \
    X(REC_TEMPERATURE, 20, 13, 1, 0)                                                               \
    X(REC_FRACTIONAL_CADENCE, 20, 53, 128, 0)                                                      \
    X(REC_ENHANCED_SPEED, 20, 73, 1000, 0)                                                         \
    X(REC_ENHANCED_ALTITUDE, 20, 78, 5, 500)                                                       \
    /* event (21) */                                                                               \
    X(EVT_EVENT, 21, 0, 1, 0)                                                                      \
    X(EVT_EVENT_TYPE, 21, 1, 1, 0)                                                                 \
    /* device_info (23) */                                                                         \
    X(DEV_DEVICE_INDEX, 23, 0, 1, 0)                                                               \
    X(DEV_MANUFACTURER, 23, 2, 1, 0)                                                               \
    X(DEV_PRODUCT, 23, 4, 1, 0)                                                                    \
    /* activity (34) */                                                                            \
    X(ACT_TOTAL_TIMER_TIME, 34, 0, 1000, 0)                                                        \
    X(ACT_NUM_SESSIONS, 34, 1, 1, 0)                                                               \
    X(ACT_LOCAL_TIMESTAMP, 34, 5, 1, 0)                                                            \
    /* field_description (206) */                                                                  \
    X(FD_DEVELOPER_DATA_INDEX, 206, 0, 1, 0)                                                       \
    X(FD_FIELD_DEFINITION_NUMBER, 206, 1, 1, 0)                                                    \
    X(FD_FIT_BASE_TYPE_ID, 206, 2, 1, 0)                                                           \
    /* developer_data_id (207) */                                                                  \
    X(DDI_DEVELOPER_DATA_INDEX, 207, 3, 1, 0)

enum rh__fit_slot {
#define RH__FIT_SLOT_ENUM(name, mesg, num, scale, offset) RH__FIT_##name,
    RH__FIT_PROFILE(RH__FIT_SLOT_ENUM)
#undef RH__FIT_SLOT_ENUM
        RH__FIT_NSLOTS
};

/* Field numbers of strings read directly. */
#define RH__FIT_FILE_PRODUCT_NAME 8
#define RH__FIT_FD_FIELD_NAME 3
#define RH__FIT_RECORD_COMPRESSED_SPEED_DISTANCE 8

struct rh__fit_slot_info {
    uint16_t mesg;
    uint8_t num;
    double scale, offset;
    double inv_scale; /* 1 / scale */
};
extern const struct rh__fit_slot_info rh__fit_slots[RH__FIT_NSLOTS];

/* Slot of (mesg, num), or RH_FIT_NO_SLOT. */
uint8_t rh__fit_slot_find(uint16_t mesg, uint8_t num);
/* [*lo, *hi) slots of mesg (empty range when none). */
void rh__fit_slot_range(uint16_t mesg, uint8_t *lo, uint8_t *hi);

/* Bytes of one element of each base type (low 5 bits of the type byte). */
extern const uint8_t rh__fit_base_size[17];

/* Loads an n-byte unsigned integer (n = 1, 2, 4, 8) in either byte order. */
static inline uint64_t rh__fit_load(const uint8_t *p, unsigned n, bool be)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    switch (n) {
    case 1:
        return p[0];
    case 2: {
        uint16_t v;
        memcpy(&v, p, 2);
        return be ? __builtin_bswap16(v) : v;
    }
    case 4: {
        uint32_t v;
        memcpy(&v, p, 4);
        return be ? __builtin_bswap32(v) : v;
    }
    default: {
        uint64_t v;
        memcpy(&v, p, 8);
        return be ? __builtin_bswap64(v) : v;
    }
    }
#else
    uint64_t v = 0;
    if (be)
        for (unsigned i = 0; i < n; i++)
            v = v << 8 | p[i];
    else
        for (unsigned i = n; i-- > 0;)
            v = v << 8 | p[i];
    return v;
#endif
}

/* The kind of a field (struct rh_fit_field.kind): base type number + 1 when
 * the field holds whole elements of a numeric base type, else 0. */
static inline uint8_t rh__fit_kind(uint8_t type, uint8_t size)
{
    unsigned bt = type & 0x1F;
    if (bt > 16 || bt == 7 || bt == 13)
        return 0;
    unsigned sz = rh__fit_base_size[bt];
    return size >= sz && size % sz == 0 ? (uint8_t)(bt + 1) : 0;
}

/* The value of f's first element, NaN when invalid (see rh_fit_field_raw). */
static inline double rh__fit_raw(const uint8_t *data, const struct rh_fit_field *f, bool be)
{
    const uint8_t *p = data + f->off;
    switch (f->kind) {
    case 1: /* enum */
    case 3: /* uint8 */
        return p[0] == 0xFF ? RH_NONE : (double)p[0];
    case 2: /* sint8 */
        return p[0] == 0x7F ? RH_NONE : (double)(int8_t)p[0];
    case 4: { /* sint16 */
        uint64_t u = rh__fit_load(p, 2, be);
        return u == 0x7FFF ? RH_NONE : (double)(int16_t)u;
    }
    case 5: { /* uint16 */
        uint64_t u = rh__fit_load(p, 2, be);
        return u == 0xFFFF ? RH_NONE : (double)u;
    }
    case 6: { /* sint32 */
        uint64_t u = rh__fit_load(p, 4, be);
        return u == 0x7FFFFFFF ? RH_NONE : (double)(int32_t)u;
    }
    case 7: { /* uint32 */
        uint64_t u = rh__fit_load(p, 4, be);
        return u == 0xFFFFFFFF ? RH_NONE : (double)u;
    }
    case 9: { /* float32 */
        uint32_t w = (uint32_t)rh__fit_load(p, 4, be);
        float x;
        memcpy(&x, &w, sizeof x);
        return w == 0xFFFFFFFF || !isfinite(x) ? RH_NONE : (double)x;
    }
    case 10: { /* float64 */
        uint64_t u = rh__fit_load(p, 8, be);
        double x;
        memcpy(&x, &u, sizeof x);
        return u == UINT64_MAX || !isfinite(x) ? RH_NONE : x;
    }
    case 11: /* uint8z */
        return p[0] == 0 ? RH_NONE : (double)p[0];
    case 12: { /* uint16z */
        uint64_t u = rh__fit_load(p, 2, be);
        return u == 0 ? RH_NONE : (double)u;
    }
    case 13: { /* uint32z */
        uint64_t u = rh__fit_load(p, 4, be);
        return u == 0 ? RH_NONE : (double)u;
    }
    case 15: { /* sint64 */
        uint64_t u = rh__fit_load(p, 8, be);
        return u == 0x7FFFFFFFFFFFFFFFull ? RH_NONE : (double)(int64_t)u;
    }
    case 16: { /* uint64 */
        uint64_t u = rh__fit_load(p, 8, be);
        return u == UINT64_MAX ? RH_NONE : (double)u;
    }
    case 17: { /* uint64z */
        uint64_t u = rh__fit_load(p, 8, be);
        return u == 0 ? RH_NONE : (double)u;
    }
    default: /* string, byte, unknown type or a size that does not fit */
        return RH_NONE;
    }
}

#endif
