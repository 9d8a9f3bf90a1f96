/* SPDX-License-Identifier: MIT */
/*
 * Shared inside src/xml/: the reader state both formats use, the element
 * ids the GPX and TCX handlers give to the elements they care about, and
 * the small parsers for numbers and times. The reader (xml_reader.c) owns
 * expat and the element stack; xml_gpx.c and xml_tcx.c only classify
 * elements and act on their text and their end.
 */
#ifndef RUNHIP_XML_INT_H
#define RUNHIP_XML_INT_H

#include <expat.h>

#include "runhip/xml.h"
#include "text/file_words.h"

#define RH__XML_NS_SEP '\x01' /* cannot occur in a well-formed name or URI */
#define RH__XML_DEPTH 64      /* ids kept for this many levels; deeper is "other" */

/* Namespaces the readers know. */
enum rh__xml_ns {
    RH__NS_NONE = 0, /* no namespace */
    RH__NS_OTHER,
    RH__NS_GPX10,
    RH__NS_GPX11,
    RH__NS_TCX,  /* TrainingCenterDatabase/v2 */
    RH__NS_TPX1, /* Garmin TrackPointExtension/v1 (GPX) */
    RH__NS_TPX2, /* Garmin TrackPointExtension/v2 (GPX) */
    RH__NS_AX2,  /* Garmin ActivityExtension/v2 (TCX LX and TPX) */
    RH__NS_SML,  /* Suunto SML */
};

/* Element ids; E_OTHER (0) is everything not read, and its children are
 * never looked at. */
enum rh__xml_id {
    E_OTHER = 0,
    /* GPX */
    G_GPX,
    G_METADATA,
    G_NAME,
    G_TRK,
    G_TYPE,
    G_TRKSEG,
    G_TRKPT,
    G_ELE,
    G_TIME,
    G_EXT,     /* an extension container inside a trkpt (searched below) */
    G_X_HR,    /* plain hr/heartrate of any namespace */
    G_X_CAD,   /* plain cad/cadence of any namespace */
    G_X_TEMP,  /* plain atemp/temp of any namespace */
    G_TPX_HR,  /* Garmin TrackPointExtension v1/v2 */
    G_TPX_CAD,
    G_TPX_TEMP,
    /* TCX */
    T_ROOT,
    T_ACTIVITIES,
    T_MULTI,     /* MultiSportSession */
    T_MULTI_SUB, /* FirstSport / NextSport */
    T_ACTIVITY,
    T_ID,
    T_CREATOR,
    T_CREATOR_NAME,
    T_LAP,
    T_LAP_TIME,
    T_LAP_DIST,
    T_LAP_AVGHR,
    T_LAP_MAXHR,
    T_VALUE, /* the Value of whatever HeartRateBpm is its parent */
    T_LAP_EXT,
    T_LX,
    T_LX_RUNCAD,
    T_TRACK,
    T_TP,
    T_TP_TIME,
    T_POS,
    T_LAT,
    T_LON,
    T_ALT,
    T_TP_DIST,
    T_TP_HR,
    T_TP_CAD,
    T_TP_EXT,
    T_TPX,
    T_TPX_RUNCAD,
    T_TPX_SPEED,
    T_TPX_WATTS,
    T_COURSES,
    /* SML */
    S_ROOT,
    S_LOG,
    S_HEADER,
    S_H_DURATION,
    S_H_DISTANCE,
    S_H_ACTTYPE,
    S_H_DATETIME,
    S_H_HR,
    S_H_CAD,
    S_AVG,
    S_MAX,
    S_DEVICE,
    S_DEV_NAME,
    S_SAMPLES,
    S_SAMPLE,
    S_SM_HR,
    S_SM_CAD,
    S_SM_TEMP,
    S_SM_DIST,
    S_SM_SPEED,
    S_SM_LAT,
    S_SM_LON,
    S_SM_ALT,
    S_SM_UTC,
    S_SM_TYPE,
    E__COUNT
};

struct rh__xml_format;

/* The memory account of one expat parser (capped at RH_XML_MEM_MAX). */
struct rh__xml_mem {
    size_t used;         /* bytes expat holds now */
    bool capped, failed; /* an allocation was refused / failed */
};
/* Makes the account for expat calls on this thread m (NULL: uncapped);
 * returns the previous one, to be restored after the call. */
struct rh__xml_mem *rh__xml_mem_enter(struct rh__xml_mem *m);
/* An expat parser whose memory goes through rh_malloc counted against m,
 * that knows windows-1252; ns_sep NULL for no namespace processing. */
XML_Parser rh__xml_parser_new(struct rh__xml_mem *m, const char *ns_sep);
int XMLCALL rh__xml_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info);

struct rh_xml_reader {
    XML_Parser p;
    const struct rh__xml_format *xf; /* the format found at the root */
    enum rh_format want; /* asked for (NONE: either) */
    enum rh_format fmt;  /* found at the root */
    struct rh_activity *a;
    struct rh_act_builder b;
    struct rh__xml_mem m;
    int depth;
    uint8_t stack[RH__XML_DEPTH + 1]; /* stack[depth] = id of the open element */
    /* text of the element being read */
    bool capturing;
    size_t tlen;
    char text[RH_XML_TEXT_MAX + 1];
    /* first failure raised inside a handler (then the parser is stopped) */
    int fail;
    struct rh_err ferr;
    bool fed_any;
    bool done;
    long n_points;
    struct rh_point pt;
    /* outings (rh_xml_decode_part): units (trk, Activity) in document order */
    struct rh_xml_parts *parts; /* filled (want < 0) or read (want >= 0) */
    int part_want;
    int n_units, unit; /* units begun; the open one (-1 none) */
    int16_t unit_sport[RH_XML_UNITS_MAX]; /* -1: not said */
    uint32_t unit_n[RH_XML_UNITS_MAX];   /* points and laps */
    double unit_first[RH_XML_UNITS_MAX], unit_last[RH_XML_UNITS_MAX];
    /* GPX */
    enum rh__xml_ns root_ns;
    bool pt_hr_tpx, pt_cad_tpx, pt_temp_tpx;
    bool have_type, name_from_trk;
    int n_trk;
    /* TCX */
    bool seen_course, seen_activity;
    int n_activity;
    double start_t, id_t;
    double lap_time, lap_dist, lap_avghr, lap_maxhr, lap_runcad;
    double sum_time, sum_dist, hr_w, hr_wt, hr_max, cad_w, cad_wt;
    bool have_time, have_dist;
    int n_laps;
    double tp_runcad, tp_cad;
    enum rh_sport first_sport;
    bool mixed_sport;
    /* SML */
    double sml_local_t;                /* header DateTime read as UTC */
    double sml_first_utc, sml_last_utc; /* samples' UTC (only those marked Z) */
    double sml_duration, sml_distance, sml_hr_avg, sml_hr_max, sml_cad_avg;
    bool sml_periodic;
    long sml_n_periodic;
};

/* Namespace of an expat name "uri<SEP>local"; *local is set to the local
 * part. */
enum rh__xml_ns rh__xml_ns_of(const char *name, const char **local);
/* err set to RH_ESYNTAX at line: the file is damaged there (a runner's
 * words, [file_words] xml_damaged), with the parser's reason why and the
 * column as its detail; returns RH_ESYNTAX. */
int rh__xml_damaged(struct rh_err *err, long line, const char *why, long column);
/* Raises a failure from inside a handler and stops the parser. Returns code. */
int rh__xml_fail(struct rh_xml_reader *r, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Decimal number ("-12.5", "1e3", surrounding blanks allowed) -> *out.
 * false (and *out untouched) for anything else. */
bool rh__xml_num(const char *s, double *out);
/* ISO 8601 UTC time with fraction and zone -> seconds since 1970.
 * false for anything else. */
bool rh__xml_time(const char *s, double *out);
/* As rh__xml_time; *off_min (when not NULL) gets the time's own offset east
 * of UTC in minutes ("2012-10-24T18:29:40-05:00" gives -300), 0 for Z, no
 * zone or +00:00. */
bool rh__xml_time_zoned(const char *s, double *out, int *off_min);
/* The first non-zero offset a GPX or TCX time carries is the activity's UTC
 * offset (its local day), unless one is set already: a file written in local
 * time with its zone says where the runner was (Z and +00:00 say nothing). */
void rh__xml_time_offset(struct rh_activity *a, int off_min);
/* cli.md sport for a GPX trk/type word (case-insensitive). */
enum rh_sport rh__gpx_sport(const char *word);

/* A unit (trk, Activity) begins: true when it is to be read (it belongs
 * to the outing asked for, or every outing is). */
bool rh__xml_unit_begin(struct rh_xml_reader *r);
/* The open unit's sport (as said by the file), and a point or lap of it at
 * time t (RH_NONE: no time). */
void rh__xml_unit_sport(struct rh_xml_reader *r, enum rh_sport s);
void rh__xml_unit_time(struct rh_xml_reader *r, double t);

/* Format handlers: classify a child of parent (return its id), and act on
 * the end of an element whose text (trimmed, NUL-terminated) is given. */
int rh__gpx_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts);
void rh__gpx_end(struct rh_xml_reader *r, int id, int parent, const char *text);
int rh__gpx_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err);
int rh__tcx_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts);
void rh__tcx_end(struct rh_xml_reader *r, int id, int parent, const char *text);
int rh__tcx_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err);
int rh__sml_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts);
void rh__sml_end(struct rh_xml_reader *r, int id, int parent, const char *text);
int rh__sml_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err);
/* True for ids whose text the handlers read. */
bool rh__xml_wants_text(int id);

#endif
