/* SPDX-License-Identifier: MIT */
/*
 * Inside the assessment engine: the knowledge base as read from the data
 * files, and the small rule language its conditions are written in.
 *
 * A rule expression is built from atoms named after intake keys
 * (location:groin, test_hop, age>50, duration_days>10, pain_now>pain_worst,
 * flag:stress_fracture_signs), joined with & (and), | (or), ! (not),
 * parentheses, "Nof(a, b, c)" (at least N of the list) and "@name", a named
 * term of data/terms.txt written once and expanded where it stands (at
 * load time: the evaluator never sees a term). Every atom is
 * three-valued: yes, no, or unknown when the runner did not answer; an
 * unanswered question never counts as "no". The grammar and the files are
 * described in docs/internals/assess.md.
 *
 * The knowledge base is one static struct filled once (pthread_once) from
 * the compiled-in files and read-only afterwards.
 */
#ifndef RH_ASSESS_INT_H
#define RH_ASSESS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "assess/intake_int.h"
#include "runhip/assess.h"

/* session 31 (b41dev): 16384 -> 24576 and 128 -> 256 terms: the session's
 * start held 16034 nodes and 125 terms, and the helpers' branches of one
 * session add more than the room that was left */
#define KB_MAX_NODES 24576 /* first and next are int16_t: at most 32767 */
#define KB_MAX_RULES 1024
#define KB_MAX_FLAGS RH_ASSESS_MAX_FLAGS
#define KB_MAX_CONDS RH_ASSESS_MAX_CONDITIONS
#define KB_ID 40
#define KB_NAME 120
#define KB_TEXT 480
#define KB_SOURCE 80
#define KB_MAX_TERMS 256 /* session 24 (b28dev, b27ret): 96 refused the file; session 31: 128 */
#define KB_MAX_SEEN 16 /* seen = lines of one red flag */
/* the answers of one seen = line ("signs:limp & age<=16"), its nul
 * included; a longer line is refused when the rules are loaded */
#define KB_SEEN_ANSWER 48
#define KB_TERM_EXPR 1024

enum rh__tri { TRI_UNKNOWN = -1, TRI_NO = 0, TRI_YES = 1 };

/* Atom fields: 0 .. rh__n_ifields-1 are the intake keys, in the order of
 * the one key table (rh__ifields, src/assess/intake_fields.c), so a rule
 * atom is named, typed and read through that table; then the derived
 * values and the fired red flags. */
enum rh__field {
    FLD_FLAG = RH__MAX_IFIELDS, /* flag:id */
    FLD_CHECKLIST,              /* derived: checklist warnings (interval while unanswered) */
    FLD_ANSWERED,               /* derived: number of answered intake keys */
    FLD_NOTE,                   /* note:WORD, a fact only a diary note tells (rh_intake.note_facts) */
    FLD__COUNT
};
_Static_assert(FLD__COUNT <= 127, "atom fields are stored in int8_t/uint8_t");

/* NODE_ANSWERED (?key): yes when the question was answered, else no */
enum rh__node_kind { NODE_ATOM, NODE_NOT, NODE_AND, NODE_OR, NODE_COUNT, NODE_ANSWERED };
enum rh__op { OP_IS, OP_GT, OP_GE, OP_LT, OP_LE, OP_EQ };

struct rh__node {
    uint8_t kind;  /* enum rh__node_kind */
    uint8_t field; /* atom: enum rh__field */
    uint8_t op;    /* atom: enum rh__op */
    int8_t rhs;    /* atom: compare with this field (-1: with num) */
    int16_t word;  /* atom OP_IS: word index (-1 for a bare yes/no key) */
    int16_t first; /* first child (-1) */
    int16_t next;  /* next sibling (-1) */
    /* the root of a named term's copy (@name): the term's index, under
     * which its value is kept for the rest of an assessment (rh__ctx.memo);
     * -1 for any other node */
    int16_t term;
    double num;    /* atom: number; NODE_COUNT: N */
};

_Static_assert(KB_MAX_NODES <= INT16_MAX, "node links are int16_t");
_Static_assert(KB_MAX_RULES <= INT16_MAX, "rh__kb.by_kind holds int16_t");
_Static_assert(KB_MAX_TERMS <= INT16_MAX, "rh__node.term is int16_t");

enum rh__rule_kind {
    RULE_FEATURE,   /* condition: weight when the expression is yes */
    RULE_ESCALATE,  /* condition: disposition at least level */
    RULE_RUN_IF,    /* condition: running at least level */
    RULE_TRIGGER,   /* red flag: fires when yes */
    RULE_FLAG_ESC,  /* red flag: its minimum disposition rises to level */
    RULE_PAIN,      /* pain type group feature (owner = group) */
    RULE_DISP,      /* general disposition rule */
    RULE_RUN,       /* general running rule */
    RULE_ADVICE,    /* general advice */
    RULE_HOP_UNSAFE, /* A2 */
    RULE_UNRANKED,  /* too few answers to rank the causes */
    RULE_CARE_PELVIC, /* [care] pelvic: the booking is a pelvic-health physiotherapist's */
    RULE_CARE_POSTNATAL, /* [care] postnatal: the booking asks for the pelvic-health check too */
    RULE_KEEP,       /* a dangerous cause kept in the top three (owner = condition) */
    RULE_USUAL_IF,   /* condition: its usual disposition is level when yes (first that holds) */
    RULE_NAME,       /* the name a cause is shown by when raised for this reason (owner = condition) */
    RULE_HELD_TEST,  /* a self-test held back once a same-day red flag is certain (expr: its key) */
    RULE_CLEAR,      /* what a professional's clearance must have covered (review 10 #3) */
    RULE_FLAG_ADVICE, /* red flag: advice that follows its own when yes (session 11, rev11c) */
    RULE_HELD_IF,     /* the held self-tests are held also when yes, below today (session 12) */
    RULE_USUAL_RUN_IF, /* condition: its usual running advice is level when yes (first that holds; session 13) */
    RULE_FLAG_UNLESS,  /* red flag: when yes, none of its triggers fires (an exception they share; session 14) */
    RULE_CITE_IF,      /* a source cited only when yes for this runner (cite: its key; session 18) */
    RULE_FLAG_RUN,     /* red flag: its running minimum is level when yes, if lower (first that holds; session 31) */
    RULE_UNRANKED_RUN, /* unranked: a cause's reduce is level when yes (first; session 33) */
    RULE_RUNNER_UP_CARE, /* ranked: a runner-up's usual care one above level counts at level when yes (session 34) */
    RULE__COUNT
};

/* The words that open the reason of a dangerous cause kept in the top
 * three (RULE_KEEP), shown first among that condition's reasons. */
#define RH__KEEP_PREFIX "listed here because it must be ruled out first, even if other causes fit better: "
/* A level taken from a cause when the answers cannot rank the causes
 * (rh_assessment.unranked). */
#define RH__UNRANKED_CARE "your answers are too few to tell the cause, so this is the care of one that is not ruled out: "

struct rh__rule {
    uint8_t kind;
    int16_t owner; /* condition, flag or pain group index; -1 general */
    int16_t expr;  /* root node */
    int level;     /* disposition or running level */
    double weight;
    char reason[KB_TEXT];
    char source[KB_SOURCE];
    char cite[KB_ID]; /* RULE_CITE_IF: the source key it is about */
    /* RULE_HOP_UNSAFE: the loading self-tests the line holds, intake keys
     * separated by spaces ("test_hop test_single_leg_stand", session 22) */
    char tests[KB_ID * 2];
    /* RULE_KEEP from a "lead" line (session 30, walk30): the cause kept is
     * also ranked above every cause no keep or lead line holds for */
    bool lead;
    /* RULE_TRIGGER with a "trigger_running" line under it (session 31,
     * branch n29ret): the running minimum of the flag when only triggers
     * with their own running fired (enum rh_running), and its source */
    bool own_run;
    int run;
    char run_source[KB_SOURCE];
};

struct rh__cond {
    char id[KB_ID];
    char name[KB_NAME];
    char clinical_name[KB_NAME]; /* for a clinician (the hand-off report); "": name */
    char region[KB_NAME];
    char pain_type[KB_ID];
    double prior;
    int disposition; /* enum rh_disposition */
    int running;     /* enum rh_running */
    char recovery[KB_TEXT];
    char flags[KB_TEXT]; /* red-flag ids it implies */
    char advice[KB_TEXT];
    /* session 26 (asm26): its advice worded for the running advice in force
     * ("advice_run = LEVEL ... | text"): one decision of how much to run,
     * the advice phrased from it; "": advice */
    char advice_run[RH_RUNNING__COUNT][KB_TEXT];
    char disp_source[KB_SOURCE]; /* source of the usual disposition */
    char run_source[KB_SOURCE];  /* source of the usual running advice */
    char running_why[KB_TEXT];   /* why that running advice, in plain words */
    char run_why_source[KB_SOURCE];
};

struct rh__flag {
    char id[KB_ID];
    char name[KB_NAME];
    int disposition;
    int running;
    char advice[KB_TEXT];
    char disp_source[KB_SOURCE]; /* source of the minimum disposition */
    char run_source[KB_SOURCE];  /* source of the minimum running advice */
    /* review 9 #5 (rev9c): the runner's heading of the flag. title: what
     * the flag is in plain words when no answer below names it; seen[]:
     * the heading when answer ("signs:night_sweats", "age") is among those
     * that fired it ("Sweating at night"), first in file order. */
    char title[KB_NAME];
    char title_source[KB_SOURCE];
    /* session 12 (branch flaginfo): the flag raised below its disposition
     * by a lower trigger (a minor fall, a past cancer with mechanical
     * pain): at[level], from "low = LEVEL | RUNNING | advice | source",
     * is its running minimum and its advice at that level, in place of the
     * flag's own (which are for its full level); a level with no low line
     * keeps the flag's own (erring safe) */
    struct {
        bool set;
        int running;
        char advice[KB_TEXT];
        char source[KB_SOURCE];
    } low[RH_DISP__COUNT];
    /* session 19 (fix19c): the flag raised above its disposition by an
     * escalation (a recurring lock: a doctor within days): from "high =
     * LEVEL | advice | source", its advice at LEVEL and above, in place of
     * the flag's own (which names the care of its own level) */
    struct {
        bool set;
        char advice[KB_TEXT];
        char source[KB_SOURCE];
    } high[RH_DISP__COUNT];
    int n_seen;
    struct {
        char answer[KB_SEEN_ANSWER];
        char title[KB_NAME];
    } seen[KB_MAX_SEEN];
    /* loader: the longest reason one trigger can write, and the longest
     * escalation to each level (only an escalation above the level reached
     * so far is added, so at most one per level), against the flag's
     * reason buffer */
    size_t why_trigger_max, why_raised[RH_DISP__COUNT];
};

/* A named term (data/terms.txt): an expression written once and expanded
 * wherever "@name" stands in a rule's expression, as if it were written
 * there in parentheses; "@name" in a rule's reason is replaced by the
 * term's meaning. Only the loader reads these. */
struct rh__term {
    char name[KB_ID];
    char expr[KB_TERM_EXPR];
    char meaning[KB_TEXT]; /* plain words; "@name" in a reason stands for it */
    long line;     /* in data/terms.txt */
    bool used;     /* referred to by a rule (directly or through a term) */
    bool busy;     /* being expanded: a second visit is a cycle */
};

struct rh__kb {
    int n_nodes, n_rules, n_conds, n_flags, n_terms;
    struct rh__node nodes[KB_MAX_NODES];
    struct rh__rule rules[KB_MAX_RULES];
    struct rh__cond conds[KB_MAX_CONDS];
    struct rh__flag flags[KB_MAX_FLAGS];
    struct rh__term terms[KB_MAX_TERMS];
    /* The rules by kind, built once by rh__kb_read (session 24, perf24: the
     * engine looked for the few rules of one kind among them all, call
     * after call): the rules of kind K are rules[by_kind[i]] for i from
     * kind_at[K] to kind_at[K + 1] - 1, in file order. */
    int16_t by_kind[KB_MAX_RULES];
    int kind_at[RULE__COUNT + 1];
    double pain_threshold;  /* a group "scores" at or above this */
    double pain_mixed_ratio; /* second group within this share of the first: mixed */
    double pain_top_weight;  /* the leading condition's kind adds this times its score */
    double pain_other_score; /* a leading "other" cause at this score: pain type unclear */
    double pain_other_named; /* ... unless the answers reach this for one kind (0: never) */
    double pain_alone_min;   /* below the threshold, one kind alone at this sum, the leading
                              * cause's, names the pain (0: never; session 33) */
    double ref_disp_ratio;   /* runner-up conditions within this share add their defaults */
    int runner_up_escalation_from; /* a runner-up's escalations from this level on apply */
    double temperature;      /* softmax temperature of the condition scores */
    /* Noisy answers ([settings] dilute.<list>): when more than dilute[f]
     * words of the list field f are ticked, a condition feature that rests
     * on one of them counts dilute[f]/ticked of its weight (0: never). */
    double dilute[RH__MAX_IFIELDS];
    /* The explanation that could be longest against its buffer, found by
     * the loader: a line or a red flag's reason whose reason, source and
     * answers could pass its buffer is not refused (that would fail every
     * assessment) but cut at a word when it happens (rh__text_fit); the
     * compiled-in base is tested to have none (need 0). */
    struct {
        size_t need, cap; /* bytes it could need, bytes its buffer has */
        const char *file;
        long line;
    } too_long;
};

/* Ends text (a buffer of cap bytes into which len bytes were meant to be
 * written, as snprintf returns) at a whole word with " ..." when it did
 * not fit, so that a cut never splits a word or a UTF-8 character;
 * returns the length kept. A negative len empties it. */
size_t rh__text_fit(char *text, size_t cap, int len);

/* The compiled-in files (assess_data.c). */
extern const char rh__kb_conditions[], rh__kb_conditions_end[];
extern const char rh__kb_red_flags[], rh__kb_red_flags_end[];
extern const char rh__kb_rules[], rh__kb_rules_end[];
extern const char rh__kb_terms[], rh__kb_terms_end[];

/* Reads the four files into kb (which the caller owns and zeroes first):
 * the named terms first (every term must be used by a rule of the other
 * three). 0 or RH_EFORMAT/RH_ESYNTAX with err naming the file and line. */
int rh__kb_read(struct rh__kb *kb, const char *terms, size_t terms_len, const char *conditions,
                size_t conditions_len,
                const char *red_flags, size_t red_flags_len, const char *rules, size_t rules_len,
                struct rh_err *err);
/* The compiled-in knowledge base, read on first use; NULL (and err set) if
 * it does not parse. Static storage; never freed. */
const struct rh__kb *rh__kb_get(struct rh_err *err);

/* Parses one expression into kb's node pool; returns the root index or a
 * negative error with err->msg set. */
int rh__expr_parse(struct rh__kb *kb, const char *text, struct rh_err *err);

/* Evaluation context: the intake, derived values and the fired flags. */
struct rh__ctx {
    const struct rh_intake *in;
    const struct rh__kb *kb;
    int checklist_warn, checklist_unknown;
    int answered;
    signed char flag[KB_MAX_FLAGS]; /* enum rh__tri once flags are known */
    const struct rh__pending *pending; /* questions still to come, or NULL */
    /* The value of each named term, kept once evaluated (MEMO_UNSET
     * before; session 24, perf24: one term stands in many rules); NULL:
     * none kept. A term reads no red flag (the loader refuses flag: in a
     * term), only the intake, pending and the derived values, which must
     * not change after the first evaluation; the flags may. */
    signed char *memo;
    /* ux28: the assessment's raised flags (after eval_flags), so that a
     * reason naming a flag names what was seen of it ("red flag ID#MASK",
     * rh__flag_seen_mask), not its whole heading; NULL: none */
    const struct rh_assessment *out;
    /* session 32: per flag (kb order), the running_if line (RULE_FLAG_RUN)
     * that lowered its running minimum in eval_flags, for decide() to say
     * its reason without finding it again; NULL: none lowered it */
    const struct rh__rule *run_if[KB_MAX_FLAGS];
};
#define MEMO_UNSET 2
/* The seen lines (data/red_flags.txt seen =) of flag id that its why
 * names, as rh_assess_flag_title picks them (bit i: seen[i]); 0: none. */
unsigned rh__flag_seen_mask(const char *id, const char *why);

/* Share (0..1] of a yes feature's positive weight that counts when the
 * list answers it rests on are ticked beyond the dilute settings. */
double rh__expr_dilution(const struct rh__ctx *c, int node);

/* Value of an expression (enum rh__tri). */
int rh__expr_eval(const struct rh__ctx *c, int node);
/* Appends a readable list of the answers that made a yes expression true
 * ("location=groin, worse_with=walking") to out (size n). */
void rh__expr_explain(const struct rh__ctx *c, int node, char *out, size_t n);
/* Calls cb(key) for the intake key of every unknown atom under node. */
void rh__expr_unknown_keys(const struct rh__ctx *c, int node, void (*cb)(void *, const char *),
                           void *arg);

/* Pain-type group of a condition's pain_type word: 0 muscle (muscle,
 * tendon, bursa, band), 1 joint (joint, bone), 2 nerve, -1 other, -2 unknown. */
int rh__pain_group(const char *kind);
/* The words for a pain_type ("tendon pain"); band: the iliotibial band. */
const char *rh__pain_words(const char *kind);

/* Names for levels (also used by the public name functions). */
extern const char *const rh__disposition_names[RH_DISP__COUNT];
extern const char *const rh__running_names[RH_RUNNING__COUNT];

#endif
