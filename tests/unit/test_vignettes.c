/* SPDX-License-Identifier: MIT */
/*
 * The vignette suites: every .txt file of a set is an intake (text syntax of
 * intake.md) with its expected answer in "# key: value" header lines (format
 * in tests/vignettes/README.md). Each case is assessed and scored; every set
 * reports top-1 and top-3 accuracy, red-flag sensitivity, safe triage,
 * danger recall (cases marked "dangerous: yes" keep their expected cause in
 * the top three), over-triage (any, and two or more levels), and the
 * agreement of the running advice and of the pain type where the case states
 * them. The safety bars (red-flag sensitivity, safe triage, danger recall
 * 100%) hold on every set. The main set and tests/vignettes/blind/ also keep
 * their top-3 bars; the frozen blind set tests/vignettes/blind2/ prints its
 * figures against the targets of issue 11 without failing on the non-safety
 * ones. The frozen test halves (blind4 and blind5, split once by
 * tools/split_blind.py) are scored in aggregate only: no line names one of
 * their cases (nobody tunes on them, tests/vignettes/README.md). The test
 * halves of blind2, blind6, blind7 and blind8 were retired to development
 * material in session 8, those of blind9 and blind10 in session 9, that of
 * blind11 in session 10, that of blind12 in session 11, that of blind13
 * in session 13, those of blind14 and blind15 in session 14, those of
 * blind16 and blind17 in session 15, the whole of blind18 in session 16,
 * the whole of blind19 in session 17, the whole of blind20 and of blind21
 * in session 18, the whole of blind22 in session 19;
 * they name their cases.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/assess.h"
#include "runhip/intake.h"

/* session 29 (ret33): was 256, and a folder with more .txt files lost the
 * ones readdir gave last without a word (the engine's own set reached 260
 * with vignettes 400-405); more than this now fails the suite */
#define MAX_CASES 1024

struct expect {
    char top[64];
    char alt[512];
    char flags[512];
    char disp[64];
    char running[128];
    char pain[128];
    char dangerous[16];
};

static void header_value(const char *text, const char *key, char *out, size_t n)
{
    out[0] = '\0';
    size_t kl = strlen(key);
    for (const char *p = text; p && *p;) {
        if (p[0] == '#' && p[1] == ' ' && strncmp(p + 2, key, kl) == 0 && p[2 + kl] == ':') {
            const char *v = p + 3 + kl;
            while (*v == ' ')
                v++;
            const char *e = strchr(v, '\n');
            size_t len = e ? (size_t)(e - v) : strlen(v);
            if (len >= n)
                len = n - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            return;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
}

/* Is id one of the words of list (separated by commas, spaces, '/', '|',
 * parentheses: "reduce (or cross_train_only)" lists two)? */
static int word_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* blind10's authors were asked for the running words continue, reduce,
 * cross_train and stop and the pain words muscle, joint, nerve, bone and
 * other (the lead's instructions, not intake.md's result words). Each is
 * read as the result word it means: cross_train is cross_train_only, and
 * bone and other are read the way the knowledge base groups a condition's
 * kind of pain into the result (rh__pain_group: bone pain is reported as
 * joint pain, other as unclear). Earlier sets used the result words. */
static const struct {
    const char *author, *result;
} word_alias[] = {{"cross_train", "cross_train_only"}, {"bone", "joint"}, {"other", "unclear"}};

static int alias_of(const char *w, size_t n, const char *id)
{
    for (size_t i = 0; i < sizeof word_alias / sizeof word_alias[0]; i++)
        if (strlen(word_alias[i].author) == n && strncmp(w, word_alias[i].author, n) == 0)
            return strcmp(word_alias[i].result, id) == 0;
    return 0;
}

static int in_list(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        while (*p && !word_char((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && word_char((unsigned char)*e))
            e++;
        if (e > p && (size_t)(e - p) == n && strncmp(p, id, n) == 0)
            return 1;
        if (e > p && alias_of(p, (size_t)(e - p), id))
            return 1;
        p = e;
    }
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Figures of one set. */
struct figures {
    int n, top1, top3, flags_needed, flags_found, safe, over, over2;
    int benign_n, alarm; /* issue 11's false alarm, see score_set() */
    int danger_n, danger_top3, run_n, run_ok, pain_n, pain_ok;
};

/* blind7 test half: the level of its first run (README), red flags
 * since round 8 (19/21, then 20/21). Retired to development material in
 * session 8 (safety8): every bar at 100% since (unsafe 2 -> 0, danger
 * 1 -> 0, flags 1 -> 0). */
#define B7_UNSAFE 0
#define B7_DANGER 0
#define B7_FLAG 0
/* blind7 dev half: two required flags missed at its first run, closed by
 * clinical rules in round 8 (the bar is 100%, as on every set). */
#define B7_DEV_FLAG 0
/* blind8 halves: the level of their first run (README), before any tuning;
 * every required red flag fires since round 8 (rules written before
 * blind8 was seen: dev 23/24 -> 24/24, test 18/19 -> 19/19). */
#define B8_DEV_UNSAFE 0 /* round 8: 3 -> 0 */
#define B8_DEV_DANGER 0 /* round 8e: Perthes disease kept among the causes */
#define B8_DEV_FLAG 0
/* round 8: 57/60 -> 58/60 safe; session 7 (b9dev): 59/60. The one left
 * (1202, a femoral-neck stress fracture the author sends the same day) is
 * judged in tests/vignettes/README.md, session 8: other authors put the same
 * picture at a doctor within days. */
#define B8_UNSAFE 1
#define B8_DANGER 0
#define B8_FLAG 0
/* blind9 halves: the level of their first run (README), written in
 * session 7 while no engineer could read either half. */
#define B9_DEV_UNSAFE 0 /* session 7 (b9dev): 57/60 -> 60/60 safe */
#define B9_DEV_DANGER 0
#define B9_DEV_FLAG 0
/* session 9 (retire9): the test half retired; 57/60 -> 59/60 safe. The one
 * left (1330) is judged in tests/vignettes/README.md, session 9. */
#define B9_UNSAFE 1
#define B9_DANGER 0
#define B9_FLAG 0
/* blind10 halves: the level of their first run (README), written in
 * session 8 by three new authors, before anyone read a case. */
#define B10_DEV_UNSAFE 0 /* session 8 (b10dev): 57/60 -> 60/60 safe */
#define B10_DEV_DANGER 0
#define B10_DEV_FLAG 0
/* session 9 (retire9): the test half retired; 57/60 -> 58/60 safe. The two
 * left (1512, 1516) are judged in tests/vignettes/README.md, session 9.
 * Session 20 (b23ret): 58/60 -> 59/60 (1512, a sprint strain told with
 * neither its age nor its severity: data/conditions.txt hip_flexor_strain,
 * Jarvinen05, Serner20); 1516 is left. */
#define B10_UNSAFE 1
#define B10_DANGER 0
#define B10_FLAG 0
/* blind11 halves: the level of their first run (README), written in
 * session 9 by three new authors, before anyone read a case. */
#define B11_DEV_UNSAFE 0 /* session 9 (b11dev): 59/60 -> 60/60 safe */
#define B11_DEV_DANGER 0 /* session 9 (b11dev): 16/18 -> 18/18 */
#define B11_DEV_FLAG 0
/* session 10 (asmt10): the test half retired at its first-run level
 * (59/60 safe, 21/21 danger, 33/33 flags); 59/60 -> 60/60 safe (1644, a
 * growing hurdler's sit-bone pain on runs, now at a physiotherapist). */
#define B11_UNSAFE 0
#define B11_DANGER 0
#define B11_FLAG 0
/* blind12 halves: the level of their first run (README), written in
 * session 10 by three new authors, before anyone read a case. */
#define B12_DEV_UNSAFE 0 /* session 10 (b12dev): 59/60 -> 60/60 safe */
#define B12_DEV_DANGER 0 /* session 10 (b12dev): 19/20 -> 20/20 */
#define B12_DEV_FLAG 0
/* session 11 (asmt11): the test half retired at its last frozen level
 * (59/60 safe, 25/25 danger, 26/26 flags; blind12/README.md); 59/60 ->
 * 60/60 safe (1833, a runner with missed periods, under-eating and a rise
 * in load whose front-of-hip pain hops painlessly: a doctor within days). */
#define B12_UNSAFE 0
#define B12_DANGER 0
#define B12_FLAG 0
/* blind13 halves: the level of their first run (README), written in
 * session 11 by three new authors, before anyone read a case. */
#define B13_DEV_UNSAFE 0 /* session 11 (b13dev): 57/60 -> 60/60 safe */
#define B13_DEV_DANGER 0 /* session 11 (b13dev): 16/18 -> 18/18 */
#define B13_DEV_FLAG 0
/* session 13 (b13ret): the test half retired at its last frozen level
 * (60/60 safe, 22/23 danger, 34/34 flags; blind13/README.md); 22/23 ->
 * 23/23 danger (1863, inflammatory back pain: axial spondyloarthritis kept
 * among the three likeliest, data/terms.txt inflammatory_back_pain). */
#define B13_UNSAFE 0
#define B13_DANGER 0
#define B13_FLAG 0
/* blind14 halves: the level of their first run (README), written in
 * session 12 by three new authors, before anyone read a case. */
#define B14_DEV_UNSAFE 0 /* session 12 (b14dev): 59/60 -> 60/60 safe */
#define B14_DEV_DANGER 0 /* session 12 (b14dev): 21/22 -> 22/22 */
/* session 12 (b14dev): 28/30 kept; the two flags asked for (a fall that
 * hops and walks painlessly at 33, a cancer 12 years ago with mechanical
 * outer-hip pain) are judged debatable in tests/vignettes/README.md:
 * nine and seven cases of other sets with such answers ask for none */
/* session 12 (flaginfo): both raised as information below a doctor's
 * visit (data/red_flags.txt low =): 28/30 -> 30/30 */
#define B14_DEV_FLAG 0
/* session 14 (b14ret): the test half retired at its last frozen level
 * (60/60 safe, 25/25 danger, 24/24 flags; blind14/README.md), kept there. */
#define B14_UNSAFE 0
#define B14_DANGER 0
#define B14_FLAG 0
/* blind15 halves: the level of their first run (README), written in
 * session 13 by two new authors, before anyone read a case. */
#define B15_DEV_UNSAFE 0
#define B15_DEV_DANGER 0
#define B15_DEV_FLAG 0
/* session 14 (b15ret): the test half retired at its last frozen level
 * (50/50 safe, 15/15 danger, 24/25 flags; blind15/README.md); 24/25 ->
 * 25/25 flags (3049, a trapped hernia's pain severe within a day with no
 * injury: data/red_flags.txt worsening_fast, a first bout's sudden rise). */
#define B15_UNSAFE 0
#define B15_DANGER 0
#define B15_FLAG 0
/* blind16 halves: the level of their first run (README), written in
 * session 14 by two new authors, before anyone read a case. */
/* session 14 (b16dev): the four unsafe dev cases met by general rules
 * (tests/vignettes/blind16/README.md, "Development half"): 4 -> 0 */
#define B16_DEV_UNSAFE 0
#define B16_DEV_DANGER 0
#define B16_DEV_FLAG 0
/* session 15 (b16ret): the test half retired at its last frozen level
 * (48/50 safe, 16/16 danger, 21/21 flags; blind16/README.md); 48/50 ->
 * 49/50 safe (4031, the band's pain stopping runs with weak hip abductors:
 * data/conditions.txt itb_syndrome, Fredericson00). */
/* session 30 (ret34): 49/50 -> 50/50 safe (4035, a sparse side snap at
 * worst 3/10: data/conditions.txt snapping_hip, a snap at worst 3/10 or
 * more is a change of training) */
#define B16_UNSAFE 0
#define B16_DANGER 0
#define B16_FLAG 0
/* blind17 halves: the level of their first run (README), written in
 * session 15 by two new authors, before anyone read a case. */
#define B17_DEV_UNSAFE 1
#define B17_DEV_DANGER 0
#define B17_DEV_FLAG 0
/* session 15 (b17ret): the test half retired at its last frozen level
 * (48/50 safe, 17/17 danger, 21/22 flags; blind17/README.md). */
/* 21/22 -> 22/22 flags (4220, the hamstring tendons torn off the sit bone:
 * data/red_flags.txt trauma, Ahmad13, Cohen07). */
/* 48/50 -> 49/50 safe (4268, a tightness with new speed work, how much
 * it hurts not told: data/conditions.txt tfl_tightness, Nielsen14). */
#define B17_UNSAFE 1
#define B17_DANGER 0
#define B17_FLAG 0
/* blind18: the level of its first run (README), 60 cases written in
 * session 15 by two new authors, kept whole and frozen; session 16
 * (b18ret): retired at that level (59/60 safe, 20/20 danger, 28/28 flags;
 * blind18/README.md); 59/60 -> 60/60 safe (4315, a tightness late in
 * runs, how much it hurts not told: data/conditions.txt tfl_tightness,
 * BakerFredericson16). */
#define B18_UNSAFE 0
#define B18_DANGER 0
#define B18_FLAG 0
/* blind19: the level of its first run (README), 80 cases written in
 * session 16 by two new authors, kept whole and frozen; session 17
 * (b19ret): retired at that level (79/80 safe, 26/26 danger, 33/33 flags;
 * blind19/README.md); 79/80 -> 80/80 safe (4367, a sharp lock on
 * turning: data/red_flags.txt joint_locking, Groh09, Warwick16). */
#define B19_UNSAFE 0
#define B19_DANGER 0
#define B19_FLAG 0
/* blind20: the level of its first run (README), 80 cases written in
 * session 17 by two new authors, kept whole and frozen; session 18
 * (b20ret): retired at that level (80/80 safe, 26/26 danger, 30/30 flags;
 * blind20/README.md). */
#define B20_UNSAFE 0
#define B20_DANGER 0
#define B20_FLAG 0
/* blind21: the level of its first run (README), 80 cases written in
 * session 18 by two new authors, kept whole and frozen; session 18
 * (b21ret): retired at that level (79/80 safe, 26/26 danger, 33/33 flags;
 * blind21/README.md); 79/80 -> 80/80 safe (4597, two months of mild
 * recurring front-hip tightness with one side weaker: data/assess_rules.txt,
 * Fredericson00, Mucha17). */
#define B21_UNSAFE 0
#define B21_DANGER 0
#define B21_FLAG 0
/* blind22: the level of its first run (README), 80 cases written in
 * session 18 by two new authors, kept whole and frozen; session 19
 * (b22ret): retired at that level (79/80 safe, 26/26 danger, 31/31 flags;
 * blind22/README.md); 79/80 -> 80/80 safe (4633, a hip locking with a
 * sharp groin pain for two months: data/red_flags.txt joint_locking,
 * Groh09, Warwick16). */
#define B22_UNSAFE 0
#define B22_DANGER 0
#define B22_FLAG 0
/* blind23: the level of its first run (README), 80 cases written in
 * session 19 by two new authors, kept whole and frozen; session 20
 * (b23ret): retired at that level (79/80 safe, 25/25 danger, 34/34 flags;
 * blind23/README.md); 79/80 -> 80/80 safe (4716, a sprint strain at the
 * front of the hip told with neither when it happened nor how bad it is:
 * data/conditions.txt hip_flexor_strain, Jarvinen05, Serner20). */
#define B23_UNSAFE 0
#define B23_DANGER 0
#define B23_FLAG 0
/* blind25: the level of its first run (README), 80 cases written in
 * session 21 by two new authors, kept whole and frozen: one case below the
 * safe-triage bar on the first run (it could not be opened; reported, never
 * hidden); session 22 (b25ret): retired at that level (79/80 safe, 26/26
 * danger, 33/33 flags; blind25/README.md). */
#define B25_UNSAFE 1
#define B25_DANGER 0
#define B25_FLAG 0
/* blind26: the level of its first run (README), 120 cases written in
 * session 22 by three new authors, split once into dev and test halves:
 * three test-half cases below the safe-triage bar on the first run (they
 * cannot be opened; reported, never hidden); two dev-half cases, which are
 * read and tuned on (session 22, b26dev: both safe, the dev bar 0; the
 * test half's three unchanged). Session 23 (b26ret): the test half retired
 * and read; 4947 and 4978 made safe by rule, 4946 left (a desk worker's
 * tight front of the hip told in five answers, a change of training by
 * its author, self care by 27 other forms of the same answers): 3 -> 1. */
#define B26_UNSAFE 1
#define B26_DANGER 0
#define B26_FLAG 0
#define B26D_UNSAFE 0
#define B26D_DANGER 0
#define B26D_FLAG 0
/* blind27: the level of its first run (README), 120 cases written in
 * session 23 by three new authors, split once into dev and test halves
 * (first run on main 5f0790c9's engine, the end of session 22): two
 * test-half cases below the safe-triage bar and one dangerous cause out of
 * the top three in each half (the test half's cannot be opened; reported,
 * never hidden). Session 23 (b27dev): the dev half's dangerous cause is in
 * the top three (5070, the iliac artery at effort), its bar 0. Session
 * 24 (sets28): the test half retired at this level (main 06479a15: 58/60
 * safe, 20/21 danger, 29/29 flags), read and tuned on since. Session 24
 * (b27ret): 5094 (sudden low back to groin pain that nothing eases, no
 * score told: a kidney stone) made safe and its cause put first by rule,
 * 5149 left (a desk worker's tight front of the hip eased by warming up,
 * five answers, a change of training by its author, self care by a dozen
 * other authors' forms of the same answers, as blind26 test 4946): unsafe
 * 2 -> 1, danger 1 -> 0. */
#define B27_UNSAFE 1
#define B27_DANGER 0
#define B27_FLAG 0
#define B27D_UNSAFE 0
#define B27D_DANGER 0
#define B27D_FLAG 0
/* blind28: the level of its first run (README), 120 cases written in
 * session 24 by three new authors, split once into dev and test halves
 * (first run on main 06479a15's engine, the end of session 23, before
 * anything of session 24): every case safe, every dangerous cause in the
 * top three and every required flag raised in both halves, the bar 0.
 * Session 25 (ret28): the test half retired at this level (main 385a5e74:
 * 60/60 safe, 24/24 danger, 25/25 flags), read and tuned on since, cases
 * named; its bars and the dev half's stay 0, the tightest there is. */
#define B28_UNSAFE 0
#define B28_DANGER 0
#define B28_FLAG 0
#define B28D_UNSAFE 0
#define B28D_DANGER 0
#define B28D_FLAG 0
/* blind29: the level of its first run (README), 120 cases written in
 * session 25 by three new authors, split once into dev and test halves
 * (first run on main 385a5e74's engine, the end of session 24, before
 * anything of session 25): every dangerous cause in the top three and
 * every required flag raised in both halves; one case of the development
 * half and two of the frozen test half below their author's level.
 * Session 25 (b29dev): the development half's one (5388, a desk worker's
 * tight front of the hip for a month, self care by the engine, a change
 * of training by its author) left: five other authors gave the same
 * answers self care (blind2 dev 101 and test 001, blind6 test 605, blind7
 * test 1029, blind20 test 4464; test_assess test_session18_b21ret_weak_side).
 * Session 25 (r29test): the test half retired at this level (integ
 * 6f394bbf: 58/60 safe, 20/20 danger, 26/26 flags), read and tuned on
 * since, cases named. Its two unsafe cases left, each against many other
 * authors' level on the same answers (tests/vignettes/README.md, "Session
 * 25, branch r29test"): 5347 (a student's tight hip flexor from sitting:
 * self care by the authors of 25 cases with the same answers, a change of
 * training only by its own and blind27 test 5149's) and 5375 (sit-bone
 * pain on sitting and hills under 50, the length not told: a change of
 * training by 13 cases' authors, a physiotherapist only by its own and
 * blind10 test 1516's). */
#define B29_UNSAFE 2
#define B29_DANGER 0
#define B29_FLAG 0
#define B29D_UNSAFE 1
#define B29D_DANGER 0
#define B29D_FLAG 0
/* blind30: the level of its first run (README), 120 cases written in
 * session 25 by three new authors while the session's tuning went on, split
 * once into dev and test halves and first run on the session's final
 * engine (nobody had seen a case): the frozen half
 * with every case safe but one required flag missed and one dangerous
 * cause out of the top three; the development half with one case below its
 * author's level (5509, a desk worker's tight front of the hip at a step
 * rate of 158: safe since the low step rate's rule, session 25). Retired
 * at the start of session 26 and read: the dangerous cause out of the top
 * three (5456, a 16-year-old girl short of energy, groin pain after runs,
 * hop painless) is in since the teenager's bone-stress feature; its
 * required flag stays missed: five other authors' same answers with a
 * painless hop ask none (a doctor within days is given). */
#define B30_UNSAFE 0
#define B30_DANGER 0
#define B30_FLAG 1
#define B30D_UNSAFE 0
#define B30D_DANGER 0
#define B30D_FLAG 0
/* blind31: the level of its first run (README), 120 cases written at the
 * start of session 26 by three new authors, split once into dev and test
 * halves and first run on main 9629b1cd's engine (the end of session 25),
 * before anything of session 26 was merged: the frozen half with
 * every flag and dangerous cause but two cases below their author's level;
 * the development half with four, and one dangerous cause out of the top
 * three. Session 26 (b31dev): the development half's sudden pain at rest
 * with no injury (5612, 5639) seen the same day with the organ first, and
 * a tight hip flexor since new speed work (5528) a change of training:
 * unsafe 4 -> 1 (5593 left: a desk worker's tight hip flexor on a short
 * form, self care in 24 of the 26 other cases with those answers), danger
 * 1 -> 0
 * (tests/vignettes/blind31/README.md). Session 27: the test half retired
 * at the start and read: the teenager's six weeks of back pain on twisting
 * and one-leg standing (5572) a doctor within days for the scan of a
 * possible spondylolysis: unsafe 2 -> 1 (5607 left: a desk worker's tight
 * hip flexor, self care in 9 of the 15 open cases with those answers;
 * tests/vignettes/README.md "Session 27: blind31 test retired"). */
#define B31_UNSAFE 1
#define B31_DANGER 0
#define B31_FLAG 0
#define B31D_UNSAFE 1
#define B31D_DANGER 0
#define B31D_FLAG 0
/* blind32: the level of its one run (README), 120 cases written during
 * session 26 by three new authors while the session's tuning went on, split
 * once into dev and test halves and first run on the session's final
 * engine (nobody had seen a case): every required flag and
 * dangerous cause, two cases of the frozen half and three of the
 * development half below their author's level. Session 28 (ret32): the
 * test half retired at that level and read; its two unsafe cases left,
 * each against most authors of the same answers (tests/vignettes/README.md,
 * "Session 28, branch ret32"): 5687 (a teenager's tight front-side hip on
 * hills: self care by 189 open cases' authors of the tight-muscle forms, a
 * change of training by 13) and 5698 (a sprint strain three days old, no
 * pain figure: a change of training by 3 of its 4 identical forms'
 * authors); blind34 dev 5932 likewise (a tight hip flexor from sitting).
 * Session 30 (ret34): 5698 is a physiotherapist now (data/conditions.txt
 * hip_flexor_strain: a painful resisted knee lift with nothing of how bad
 * told, as the groin strain's painful squeeze), B32_UNSAFE 2 -> 1; the
 * development half's 5734 (a dancer's snap at worst 3/10) a change of
 * training, B32D_UNSAFE 2 -> 1. */
#define B32_UNSAFE 1
#define B32_DANGER 0
#define B32_FLAG 0
#define B32D_UNSAFE 1
#define B32D_DANGER 0
#define B32D_FLAG 0
/* blind33: the level of its first run (README), 120 cases written at the
 * start of session 27 by three new authors, split once into dev and test
 * halves and first run on main 6dc024d4's engine (the end of session 26),
 * before anything of session 27 was merged: every required flag and
 * dangerous cause on both halves, two cases of the frozen half and one of
 * the development half below their author's level
 * (tests/vignettes/blind33/README.md). Session 27, b33dev: the development
 * half's one (5773, more distance with pain on runs, how long not told) is
 * a change of training now (data/terms.txt b33_distance_jump_on_runs):
 * B33D_UNSAFE 1 -> 0. Session 29, ret33: the test half retired and read;
 * 5863 (a kick yesterday, 5/10 at rest) is a physiotherapist now
 * (data/terms.txt strain_needs_grading): B33_UNSAFE 2 -> 1. The one left,
 * 5826 (a desk worker's tight hip flexor of six weeks, a change of
 * training by its author), is the split of session 28's table (self care
 * by most authors of the same answers). */
#define B33_UNSAFE 1
#define B33_DANGER 0
#define B33_FLAG 0
#define B33D_UNSAFE 0
#define B33D_DANGER 0
#define B33D_FLAG 0
/* blind34: the level of its one run (README), 120 cases written during
 * session 27 by three new authors while the session's tuning went on, split
 * once into dev and test halves and first run on the session's final
 * engine (nobody had seen a case): every required flag and dangerous
 * cause on both halves, one case of each half below its author's level
 * (tests/vignettes/blind34/README.md). Session 30 (ret34): the test half
 * retired and read; its one case below its author's level (5984, a sprint
 * strain four days old, resisted knee lift painful, nothing of how bad) is
 * a physiotherapist now: B34_UNSAFE 1 -> 0. The development half's one
 * (5932, a teenager's tight hip flexor from sitting) stays: most open
 * authors of the same answers ask self care. */
#define B34_UNSAFE 0
#define B34_DANGER 0
#define B34_FLAG 0
#define B34D_UNSAFE 1
#define B34D_DANGER 0
#define B34D_FLAG 0
/* blind35: the level of its first run (README), 120 cases written at the
 * start of session 28 by three new authors, split once into dev and test
 * halves and first run on main 5b69dd00's engine (the end of session 27),
 * before anything of session 28 was merged: every required flag and
 * dangerous cause on both halves, three cases of the frozen half and two of
 * the development half below their author's level
 * (tests/vignettes/blind35/README.md). Session 31 (ret35, tests/vignettes/
 * README.md "Session 31, branch ret35"): the test half retired and read;
 * its three are safe now, B35_UNSAFE 3 -> 0: 6081 (a painful hop, a limp,
 * 5/10 now and two RED-S signs: a doctor today, data/red_flags.txt), 6073
 * (a snap with an ache: a change of training) and 6100 (a kick's groin
 * pain with a painful squeeze after three weeks: a physiotherapist;
 * data/conditions.txt). */
#define B35_UNSAFE 0
#define B35_DANGER 0
#define B35_FLAG 0
#define B35D_UNSAFE 2
#define B35D_DANGER 0
#define B35D_FLAG 0
/* blind36: the level of its one run (README), 120 cases written during
 * session 28 by three new authors while the session's tuning went on, split
 * once into dev and test halves and first run on the session's final
 * engine (nobody had seen a case): every required flag on both halves;
 * the frozen half with one case below its author's level and one
 * dangerous cause out of the top three, the development half with
 * none. */
/* session 32 (branch b42d): the test half, retired at the session's
 * start and read, has no case below its author's level and every
 * dangerous cause in the top three (6237, a kidney stone's colic with its
 * start untold) */
#define B36_UNSAFE 0
#define B36_DANGER 0
#define B36_FLAG 0
#define B36D_UNSAFE 0
#define B36D_DANGER 0
#define B36D_FLAG 0
/* blind37: the level of its first run (README), 120 cases written at
 * session 29's start by three new authors, split once into dev and test
 * halves and first run on main d6cb8bd1 (the end of session 28), before
 * anything of session 29 was merged. Session 31 (b40dev): the frozen
 * half's one case below its author's level is at it now (FIGURE lines
 * only): B37_UNSAFE 1 -> 0. Session 33 (b43d): the half retired and
 * read; its one missed flag (6353, night pain with a limp in an arthritic
 * hip at 67) is raised: B37_FLAG 1 -> 0. */
#define B37_UNSAFE 0
#define B37_DANGER 0
#define B37_FLAG 0
/* session 29 (ret37d): the development half's one case below its
 * author's level (6331, a tight hip flexor at 5/10 on runs) is at it:
 * none now */
#define B37D_UNSAFE 0
#define B37D_DANGER 0
#define B37D_FLAG 0
/* blind38: the level of its one run (README), 120 cases written during
 * session 29 by three new authors while the session's tuning went on, split
 * once into dev and test halves and first run on the session's final
 * engine (nobody had seen a case). Session 30 (ret34): the development
 * half's one case below its author's level (6409, a dancer's front snap at
 * worst 3/10) is a change of training now: B38D_UNSAFE 1 -> 0. */
#define B38_UNSAFE 0
#define B38_DANGER 0
#define B38_FLAG 0
#define B38D_UNSAFE 0
#define B38D_DANGER 0
#define B38D_FLAG 0
/* blind39: the level of its first run (README), 120 cases written at the
 * start of session 30 by three new authors, split once into dev and test
 * halves and first run on the session's start engine (main 9d9a5229,
 * before anything of session 30 was merged): every required flag and
 * dangerous cause on both halves; two cases of the test half and one of
 * the dev half below their authors' level. Session 30 (b39dev): the dev
 * half's one case below its author's level (6524, a tight TFL on a new
 * cambered road, how much it hurts not told) is at it: 60/60 safe.
 * Session 31 (b40dev): one of the frozen half's two cases below their
 * authors' level is at it now (FIGURE lines only): B39_UNSAFE 2 -> 1. */
#define B39_UNSAFE 1
#define B39_DANGER 0
#define B39_FLAG 0
#define B39D_UNSAFE 0
#define B39D_DANGER 0
#define B39D_FLAG 0
/* blind40: the level of its one run (README), 120 cases written at the
 * start of session 30 by three new authors and kept unseen while the
 * session's tuning went on, split once into dev and test halves and run
 * once on the session's final engine (nobody had seen a case): every
 * required flag and dangerous cause on both halves; two cases of the test
 * half and three of the dev half below their authors' level. Session 31
 * (b40dev): two of the dev half's three are at it (6654, a woman's
 * months of groin pain that no hip test brings on; 6676, a snap at 2/10
 * on runs); 6680 (a tight hip flexor eased by warming up and stretching,
 * self care for most open authors) is left: B40D_UNSAFE 3 -> 1. */
#define B40_UNSAFE 2
#define B40_DANGER 0
#define B40_FLAG 0
#define B40D_UNSAFE 1
#define B40D_DANGER 0
#define B40D_FLAG 0
/* blind41: the level of its first run (README), 120 cases written at the
 * start of session 31 by three new authors, split once into dev and test
 * halves and first run on main d77bae36's engine (the end of session 30),
 * before anything of session 31 was merged: every required flag and
 * dangerous cause on both halves, one case of the frozen half and four of
 * the development half below their author's level
 * (tests/vignettes/blind41/README.md). Session 31, branch b41dev: the
 * development half read, 4 -> 1 unsafe (6745, a tight hip flexor from
 * sitting that authors of the same answers call self care). On the merged
 * engine of session 31 the frozen half has no case below its author's
 * level (FIGURE line only): B41_UNSAFE 1 -> 0. */
#define B41_UNSAFE 0
#define B41_DANGER 0
#define B41_FLAG 0
#define B41D_UNSAFE 1
#define B41D_DANGER 0
#define B41D_FLAG 0
/* blind42: the level of its one run (README), 120 cases written at the
 * start of session 31 by three new authors and kept unseen while the
 * session's tuning went on, split once into dev and test halves and run
 * ONCE on the session's final engine: every required flag and dangerous
 * cause on both halves, no case of the frozen half and four of the
 * development half below their author's level
 * (tests/vignettes/blind42/README.md). */
#define B42_UNSAFE 0
#define B42_DANGER 0
#define B42_FLAG 0
/* session 32 (branch b42d): the development half read; one case stays
 * below its author's level (6840, a 16-year-old's femoral neck within
 * days: five open authors of the same answers ask within days,
 * tests/vignettes/README.md "Session 32, branch b42d") */
#define B42D_UNSAFE 1
#define B42D_DANGER 0
#define B42D_FLAG 0
/* blind43: 120 cases written at the start of session 32 by three new
 * authors and kept unseen while the session's tuning went on, split once
 * into dev and test halves and run ONCE on the session's final engine:
 * the frozen half misses one required flag and has two cases below their
 * author's level; the development half one unsafe case and one dangerous
 * cause out of the top three (tests/vignettes/blind43/README.md). The bars
 * are that level: upper bounds, tightened, never loosened. Session 33
 * (b43d): the development half's unsafe case and dangerous cause out of
 * the top three (7002, a twisted ovary told as severe pain at rest since
 * intervals) are met: B43D_UNSAFE 1 -> 0, B43D_DANGER 1 -> 0. */
#define B43_UNSAFE 2
#define B43_DANGER 0
#define B43_FLAG 1
#define B43D_UNSAFE 0
#define B43D_DANGER 0
#define B43D_FLAG 0
/* blind44: 120 cases written at session 33's start by three new authors,
 * kept unseen while the session's branches were written and merged, split
 * once and run ONCE on the session's final engine (integ, every branch
 * merged): every required flag and dangerous cause in the top three on
 * both halves, one case below its author's level on each
 * (tests/vignettes/blind44/README.md). The bars are that level. Session 34
 * (b44d): the development half's unsafe case (7117, a tight front and side
 * of the hip since new shoes and a treadmill at once) is met:
 * B44D_UNSAFE 1 -> 0. */
#define B44_UNSAFE 1
#define B44_DANGER 0
#define B44_FLAG 0
#define B44D_UNSAFE 0
#define B44D_DANGER 0
#define B44D_FLAG 0
/* blind45: the level of its one run (README), 120 cases written at the
 * start of session 34 by three new authors and kept unseen while the
 * session's tuning went on, split once into dev and test halves and run
 * once on the session's final engine (nobody had seen a case): every
 * required flag and dangerous cause on both halves; one case of the test
 * half and two of the dev half below their authors' level. */
#define B45_UNSAFE 1
#define B45_DANGER 0
#define B45_FLAG 0
#define B45D_UNSAFE 2
#define B45D_DANGER 0
#define B45D_FLAG 0

/* blind24: the level of its first run (README), 80 cases written in
 * session 20 by two new authors, kept whole and frozen; session 21
 * (b24ret): retired at that level (80/80 safe, 26/26 danger, 33/33 flags;
 * blind24/README.md). */
#define B24_UNSAFE 0
#define B24_DANGER 0
#define B24_FLAG 0

struct suite {
    const char *dir;
    const char *name;
    int min_cases; /* 0: the set may be absent (not landed yet) */
    int top3_bar;  /* fail below this top-3 percentage (0: none) */
    int coverage;  /* every condition the expected top of two cases */
    int quiet;     /* never name a case (the frozen test half) */
    int targets;   /* print the figures against the issue 11 targets */
    /* The frozen test half only: how many cases may stay below the safety
     * bars (unsafe triage, a dangerous cause out of the top three). Its
     * cases cannot be looked at, so a miss there cannot be debugged without
     * breaking the freeze; the build fails if it ever gets worse than the
     * level recorded in tests/vignettes/README.md, and the figure is
     * printed against the 100% bar on every run. */
    int allow_unsafe, allow_danger_miss;
    int allow_flag_miss; /* the same, for a required red flag not fired */
};

static double pct(int a, int b)
{
    return b ? 100.0 * a / b : 100.0;
}

/* Assesses every .txt case of s->dir into *fg; prints per-case misses
 * unless s->quiet. Returns the number of cases (-1: no such folder). */
static int score_set(const struct suite *s, struct figures *fg)
{
    memset(fg, 0, sizeof *fg);
    DIR *d = opendir(s->dir);
    if (!d)
        return -1;
    char *names[MAX_CASES];
    int n = 0;
    struct dirent *de;
    int too_many = 0;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
            if (n < MAX_CASES)
                names[n++] = strdup(de->d_name);
            else
                too_many++;
        }
    }
    closedir(d);
    if (too_many)
        fprintf(stderr, "%s: %d cases beyond MAX_CASES (%d) not read\n", s->dir, too_many,
                MAX_CASES);
    CHECK(too_many == 0);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    int covered[RH_ASSESS_MAX_CONDITIONS] = {0};
    for (int i = 0; i < n; i++) {
        const char *label = s->quiet ? "(a test-half case)" : names[i];
        char path[512];
        snprintf(path, sizeof path, "%s/%s", s->dir, names[i]);
        size_t len;
        char *text = test_slurp(path, &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        struct expect ex;
        header_value(text, "top", ex.top, sizeof ex.top);
        header_value(text, "alternatives", ex.alt, sizeof ex.alt);
        header_value(text, "red_flags", ex.flags, sizeof ex.flags);
        header_value(text, "disposition", ex.disp, sizeof ex.disp);
        header_value(text, "running", ex.running, sizeof ex.running);
        header_value(text, "pain_type", ex.pain, sizeof ex.pain);
        header_value(text, "dangerous", ex.dangerous, sizeof ex.dangerous);
        struct rh_intake in;
        struct rh_err err;
        rh_err_clear(&err);
        int rc = rh_intake_parse(text, len, &in, &err);
        if (rc) {
            fprintf(stderr, "%s:%ld: %s\n", s->quiet ? label : path, err.line,
                    s->quiet ? "does not parse" : err.msg);
            CHECK_INT(rc, 0);
            free(text);
            continue;
        }
        struct rh_assessment a;
        CHECK_INT(rh_assess(&in, &a, &err), 0);
        enum rh_disposition least = RH_DISP_SELF_CARE;
        int disp_ok = rh_disposition_parse(ex.disp, &least) == 0;
        CHECK(disp_ok);
        CHECK(ex.top[0] != '\0');
        for (int k = 0; k < rh_assess_condition_count(); k++)
            if (strcmp(rh_assess_condition_id(k), ex.top) == 0)
                covered[k]++;
        fg->n++;
        int hit1 = strcmp(a.conditions[0].id, ex.top) == 0 || in_list(ex.alt, a.conditions[0].id);
        int hit3 = 0;
        for (int k = 0; k < 3; k++)
            hit3 |= strcmp(a.conditions[k].id, ex.top) == 0;
        fg->top1 += hit1;
        fg->top3 += hit3;
        int dangerous = strncmp(ex.dangerous, "yes", 3) == 0;
        fg->danger_n += dangerous;
        fg->danger_top3 += dangerous && hit3;
        /* red flags: every required one must fire */
        int missed_flag = 0;
        for (int f = 0; f < rh_assess_flag_count(); f++) {
            const char *id = rh_assess_flag_id(f);
            if (!in_list(ex.flags, id))
                continue;
            fg->flags_needed++;
            int got = 0;
            for (int k = 0; k < a.n_flags; k++)
                got |= strcmp(a.flags[k].id, id) == 0;
            fg->flags_found += got;
            if (!got) {
                missed_flag = 1;
                fprintf(stderr, "%s: red flag %s missed\n", label, s->quiet ? "(one)" : id);
            }
        }
        int is_safe = a.disposition >= least;
        fg->safe += is_safe;
        fg->over += a.disposition > least;
        fg->over2 += a.disposition >= least + 2;
        /* Issue 11's own measure of crying wolf: "a flag or a doctor visit
         * where a physio or self-care was right". Counted over the cases
         * whose right disposition is at most a physiotherapist. */
        int benign = least <= RH_DISP_SEE_PHYSIO;
        int alarm = benign && (a.disposition >= RH_DISP_SEE_DOCTOR_SOON || a.n_flags > 0);
        fg->benign_n += benign;
        fg->alarm += alarm;
        int run_bad = 0, pain_bad = 0;
        if (ex.running[0]) {
            fg->run_n++;
            run_bad = !in_list(ex.running, rh_running_name(a.running));
            fg->run_ok += !run_bad;
        }
        if (ex.pain[0]) {
            fg->pain_n++;
            pain_bad = !in_list(ex.pain, rh_pain_type_name(a.pain_type));
            fg->pain_ok += !pain_bad;
        }
        if (s->quiet) {
            if (!is_safe || missed_flag || (dangerous && !hit3))
                fprintf(stderr, "a test-half case fails a safety bar\n");
        } else if (!hit3 || !is_safe || missed_flag || (dangerous && !hit3)) {
            fprintf(stderr,
                    "%s: expected %s/%s, got %s (%.2f), %s (%.2f), %s (%.2f); disposition %s\n",
                    names[i], ex.top, ex.disp, a.conditions[0].id, a.conditions[0].score,
                    a.conditions[1].id, a.conditions[1].score, a.conditions[2].id,
                    a.conditions[2].score, rh_disposition_name(a.disposition));
        } else {
            if (!hit1)
                fprintf(stderr, "%s: top-1 miss: expected %s, got %s (%.2f)\n", names[i], ex.top,
                        a.conditions[0].id, a.conditions[0].score);
            if (a.disposition > least)
                fprintf(stderr, "%s: over-triage: %s for %s%s\n", names[i],
                        rh_disposition_name(a.disposition), ex.disp,
                        alarm ? " (false alarm: a flag or a doctor)" : "");
            else if (alarm)
                fprintf(stderr, "%s: false alarm: a red flag (%s) for %s\n", names[i],
                        a.flags[0].id, ex.disp);
        }
        if (!s->quiet && run_bad)
            fprintf(stderr, "%s: running %s, expected %s\n", names[i], rh_running_name(a.running),
                    ex.running);
        if (!s->quiet && pain_bad)
            fprintf(stderr, "%s: pain type %s, expected %s\n", names[i],
                    rh_pain_type_name(a.pain_type), ex.pain);
        free(text);
    }
    for (int k = 0; s->coverage && k < rh_assess_condition_count(); k++) {
        if (covered[k] < 2)
            fprintf(stderr, "condition %s is the expected top of only %d vignettes\n",
                    rh_assess_condition_id(k), covered[k]);
        CHECK(covered[k] >= 2);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    return n;
}

static void print_line(const char *what, int a, int b, double target, int higher_is_better,
                       int show_target)
{
    printf("FIGURE   %-46s %3d/%-3d = %5.1f%%", what, a, b, pct(a, b));
    if (show_target && b > 0) {
        double v = pct(a, b);
        int met = higher_is_better ? v >= target : v <= target;
        printf("   target %s %.0f%%: %s", higher_is_better ? ">=" : "<=", target,
               met ? "met" : "NOT met");
    }
    printf("\n");
}

/* Scores a set, prints its figures and checks its bars. */
static void run_suite(const struct suite *s)
{
    struct figures f;
    int n = score_set(s, &f);
    if (n < 0) {
        printf("FIGURE vignettes %s (%s): no such folder\n", s->name, s->dir);
        CHECK(s->min_cases == 0);
        return;
    }
    CHECK(n >= s->min_cases);
    int t = s->targets;
    printf("FIGURE vignettes %s (%s): %d cases\n", s->name, s->dir, f.n);
    print_line("top-1 (expected or acceptable alternative)", f.top1, f.n, 75, 1, t);
    print_line("top-3 (expected condition in the top 3)", f.top3, f.n, 95, 1, t);
    print_line("red-flag sensitivity (bar 100%)", f.flags_found, f.flags_needed, 100, 1, t);
    print_line("safe triage (bar 100%)", f.safe, f.n, 100, 1, t);
    print_line("danger recall: its cause in top 3 (bar 100%)", f.danger_top3, f.danger_n, 100, 1,
               t);
    print_line("over-triage (above the expected disposition)", f.over, f.n, 15, 0, t);
    print_line("over-triage by two or more levels", f.over2, f.n, 0, 0, 0);
    print_line("false alarm: flag or doctor, physio was right", f.alarm, f.benign_n, 15, 0, t);
    if (f.run_n)
        print_line("running advice agrees (where stated)", f.run_ok, f.run_n, 80, 1, t);
    else
        printf("FIGURE   running advice agrees: no case states it\n");
    if (f.pain_n)
        print_line("pain type agrees (where stated)", f.pain_ok, f.pain_n, 75, 1, t);
    else
        printf("FIGURE   pain type agrees: no case states it\n");
    /* the safety bars, on every set */
    CHECK(f.flags_found >= f.flags_needed - s->allow_flag_miss);
    CHECK(f.safe >= f.n - s->allow_unsafe);
    CHECK(f.danger_top3 >= f.danger_n - s->allow_danger_miss);
    if (s->allow_unsafe || s->allow_danger_miss || s->allow_flag_miss)
        printf("FIGURE   (%s: the build fails beyond %d missed red flags, %d unsafe and %d "
               "dangerous causes out of the top 3, the level of the README; the bar stays "
               "100%%)\n",
               s->name, s->allow_flag_miss, s->allow_unsafe, s->allow_danger_miss);
    if (s->top3_bar)
        CHECK(f.top3 * 100 >= f.n * s->top3_bar);
}

static void test_vignette_suite(void)
{
    static const struct suite s = {"tests/vignettes", "main", 70, 90, 1, 0, 0, 0, 0, 0};
    run_suite(&s);
}

/* The blind set (tests/vignettes/blind/README.md): written without reading the
 * knowledge base; same safety bars, top-3 at least 80%. */
static void test_blind_suite(void)
{
    static const struct suite s = {"tests/vignettes/blind", "blind", 40, 80, 0, 0, 0, 0, 0, 0};
    run_suite(&s);
}

/* The frozen blind set of issue 11, development half: tuned on, cases named. */
static void test_blind2_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind2/dev", "blind2 dev", 50, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The blind set's test half: frozen (aggregate figures only) until session
 * 8, then retired to development material, cases named. Its top-3 reached
 * issue 11's 95% in session 8 (safety8) and is kept there. */
static void test_blind2_test(void)
{
    static const struct suite s = {"tests/vignettes/blind2/test", "blind2 test", 50, 95, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The third blind set of issue 11 (tests/vignettes/blind3/, 60 cases written
 * blind after blind2): development material, cases named, the same safety
 * bars as every set. */
static void test_blind3(void)
{
    static const struct suite s = {"tests/vignettes/blind3", "blind3", 50, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The fourth blind set (tests/vignettes/blind4/, 80 cases by a fourth
 * author, split once by tools/split_blind.py with seed 20261201): the
 * development half is tuned on, cases named. */
static void test_blind4_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind4/dev", "blind4 dev", 40, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The fourth blind set's test half: frozen like blind2's, aggregate figures
 * only; the build fails if its safety figures fall below the level recorded
 * in tests/vignettes/README.md (every bar at 100% since the dangerous causes
 * kept in the top three, round 6). */
static void test_blind4_test(void)
{
    static const struct suite s = {"tests/vignettes/blind4/test", "blind4 test", 40, 0, 0, 1, 1, 0, 0, 0};
    run_suite(&s);
}

/* The fifth blind set (tests/vignettes/blind5/, 60 cases by a fifth author
 * written on 2026-12-01, split once by tools/split_blind.py with seed
 * 20261202): the development half is tuned on, cases named. */
static void test_blind5_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind5/dev", "blind5 dev", 30, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The fifth blind set's test half: frozen, aggregate figures only, the
 * level of its first run recorded in tests/vignettes/README.md. */
static void test_blind5_test(void)
{
    static const struct suite s = {"tests/vignettes/blind5/test", "blind5 test", 30, 0, 0, 1, 1, 0, 0, 0};
    run_suite(&s);
}

/* The sixth blind set (tests/vignettes/blind6/, 100 cases by two authors
 * written on 2026-12-02 without access to the repository, split once by
 * tools/split_blind.py with seed 20261203): the development half is tuned
 * on, cases named. */
static void test_blind6_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind6/dev", "blind6 dev", 50, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* The sixth blind set's test half: frozen until session 8 (the level of its
 * first run recorded in tests/vignettes/README.md: one required red flag not
 * fired and one unsafe triage; every required flag fires since round 8),
 * then retired to development material, cases named. The one unsafe case
 * left (699, a femoral-neck stress fracture the author sends the same day)
 * is judged in tests/vignettes/README.md, session 8. */
static void test_blind6_test(void)
{
    static const struct suite s = {"tests/vignettes/blind6/test", "blind6 test", 50, 0, 0, 0, 1, 1, 0, 0};
    run_suite(&s);
}

/* The seventh blind set (tests/vignettes/blind7/, 120 cases by three
 * authors written on 2026-12-02 without access to the repository, split
 * once by tools/split_blind.py with seed 20261205): the development half
 * is tuned on, cases named. */
static void test_blind7_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind7/dev", "blind7 dev", 55, 0, 0, 0, 1, 0, 0, B7_DEV_FLAG};
    run_suite(&s);
}

/* The seventh blind set's test half: frozen until session 8 (the level of
 * its first run recorded in tests/vignettes/README.md), then retired to
 * development material, cases named. */
static void test_blind7_test(void)
{
    static const struct suite s = {"tests/vignettes/blind7/test", "blind7 test", 55, 0, 0, 0, 1, B7_UNSAFE, B7_DANGER, B7_FLAG};
    run_suite(&s);
}

/* The eighth blind set (tests/vignettes/blind8/, 120 cases by three
 * authors written on 2026-12-02 without access to the repository, split
 * once by tools/split_blind.py with seed 20261207): the development half
 * is tuned on, cases named. */
static void test_blind8_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind8/dev", "blind8 dev", 55, 0, 0, 0, 1,
                                   B8_DEV_UNSAFE, B8_DEV_DANGER, B8_DEV_FLAG};
    run_suite(&s);
}

/* The eighth blind set's test half: frozen until session 8 (the level of
 * its first run recorded in tests/vignettes/README.md), then retired to
 * development material, cases named. */
static void test_blind8_test(void)
{
    static const struct suite s = {"tests/vignettes/blind8/test", "blind8 test", 55, 0, 0, 0, 1, B8_UNSAFE, B8_DANGER, B8_FLAG};
    run_suite(&s);
}

/* The ninth blind set (tests/vignettes/blind9/, 120 cases by three
 * authors written on 2026-12-02 without access to the repository, split
 * once by tools/split_blind.py with seed 20261209). Nobody tuned on either
 * half in the session that wrote it, so both are reported as unseen; from
 * then on the development half may be tuned on and the test half stays
 * frozen (aggregate figures only). */
static void test_blind9_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind9/dev", "blind9 dev", 55, 0, 0, 0, 1,
                                   B9_DEV_UNSAFE, B9_DEV_DANGER, B9_DEV_FLAG};
    run_suite(&s);
}

/* The ninth blind set's test half: frozen (aggregate figures only) until
 * session 9, then retired to development material, cases named. */
static void test_blind9_test(void)
{
    static const struct suite s = {"tests/vignettes/blind9/test", "blind9 test", 55, 0, 0, 0, 1, B9_UNSAFE, B9_DANGER, B9_FLAG};
    run_suite(&s);
}

/* The tenth blind set (tests/vignettes/blind10/README.md: 120 cases by
 * three new authors written on 2026-12-02 in session 8, split once with
 * seed 20261212). The development half may be tuned on after its first
 * run; the test half stays frozen (aggregate figures only). */
static void test_blind10_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind10/dev", "blind10 dev", 55, 0, 0, 0, 1,
                                   B10_DEV_UNSAFE, B10_DEV_DANGER, B10_DEV_FLAG};
    run_suite(&s);
}

/* The tenth blind set's test half: frozen (aggregate figures only) until
 * session 9, then retired to development material, cases named. */
static void test_blind10_test(void)
{
    static const struct suite s = {"tests/vignettes/blind10/test", "blind10 test", 55, 0, 0, 0, 1,
                                   B10_UNSAFE, B10_DANGER, B10_FLAG};
    run_suite(&s);
}

/* The eleventh blind set (tests/vignettes/blind11/README.md: 120 cases by
 * three new authors written on 2026-12-02 in session 9, split once with
 * seed 20261222). The development half may be tuned on after its first
 * run; the test half stays frozen (aggregate figures only). */
static void test_blind11_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind11/dev", "blind11 dev", 55, 0, 0, 0, 1,
                                   B11_DEV_UNSAFE, B11_DEV_DANGER, B11_DEV_FLAG};
    run_suite(&s);
}

/* The eleventh blind set's test half: frozen (aggregate figures only) until
 * session 10, then retired to development material, cases named. */
static void test_blind11_test(void)
{
    static const struct suite s = {"tests/vignettes/blind11/test", "blind11 test", 55, 0, 0, 0, 1,
                                   B11_UNSAFE, B11_DANGER, B11_FLAG};
    run_suite(&s);
}

/* The twelfth blind set (tests/vignettes/blind12/README.md: 120 cases by
 * three new authors written on 2026-12-02 in session 10, split once with
 * seed 20261231). The development half may be tuned on after its first
 * run; the test half stays frozen (aggregate figures only). */
static void test_blind12_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind12/dev", "blind12 dev", 55, 0, 0, 0, 1,
                                   B12_DEV_UNSAFE, B12_DEV_DANGER, B12_DEV_FLAG};
    run_suite(&s);
}

/* The twelfth blind set's test half: frozen (aggregate figures only) until
 * session 11, then retired to development material, cases named. */
static void test_blind12_test(void)
{
    static const struct suite s = {"tests/vignettes/blind12/test", "blind12 test", 55, 0, 0, 0, 1,
                                   B12_UNSAFE, B12_DANGER, B12_FLAG};
    run_suite(&s);
}

/* The thirteenth blind set (tests/vignettes/blind13/README.md: 120 cases
 * by three new authors written on 2026-12-03 in session 11, split once with
 * seed 20261204). The development half may be tuned on after its first
 * run; the test half stays frozen (aggregate figures only). */
static void test_blind13_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind13/dev", "blind13 dev", 55, 0, 0, 0, 1,
                                   B13_DEV_UNSAFE, B13_DEV_DANGER, B13_DEV_FLAG};
    run_suite(&s);
}

/* The thirteenth blind set's test half: frozen (aggregate figures only) until
 * session 13, then retired to development material, cases named. */
static void test_blind13_test(void)
{
    static const struct suite s = {"tests/vignettes/blind13/test", "blind13 test", 55, 0, 0, 0, 1,
                                   B13_UNSAFE, B13_DANGER, B13_FLAG};
    run_suite(&s);
}

/* The fourteenth blind set (tests/vignettes/blind14/README.md: 120 cases
 * by three new authors written on 2026-12-03 in session 12, split once with
 * seed 20261205). The development half may be tuned on after its first
 * run; the test half stayed frozen (aggregate figures only) until session
 * 14, when it was retired. */
static void test_blind14_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind14/dev", "blind14 dev", 55, 0, 0, 0, 1,
                                   B14_DEV_UNSAFE, B14_DEV_DANGER, B14_DEV_FLAG};
    run_suite(&s);
}

/* The fourteenth blind set's test half: frozen (aggregate figures only) until
 * session 14, then retired to development material, cases named. */
static void test_blind14_test(void)
{
    static const struct suite s = {"tests/vignettes/blind14/test", "blind14 test", 55, 0, 0, 0, 1,
                                   B14_UNSAFE, B14_DANGER, B14_FLAG};
    run_suite(&s);
}

/* The fifteenth blind set (tests/vignettes/blind15/README.md: 100 cases
 * by two new authors written on 2026-12-03 in session 13, split once with
 * seed 20261213). The development half may be tuned on after its first
 * run; the test half stays frozen (aggregate figures only). */
static void test_blind15_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind15/dev", "blind15 dev", 45, 0, 0, 0, 1,
                                   B15_DEV_UNSAFE, B15_DEV_DANGER, B15_DEV_FLAG};
    run_suite(&s);
}

/* The fifteenth blind set's test half: frozen (aggregate figures only) until
 * session 14, then retired to development material, cases named. */
static void test_blind15_test(void)
{
    static const struct suite s = {"tests/vignettes/blind15/test", "blind15 test", 45, 0, 0, 0, 1,
                                   B15_UNSAFE, B15_DANGER, B15_FLAG};
    run_suite(&s);
}

/* The sixteenth blind set (tests/vignettes/blind16/README.md: 100 cases
 * by two new authors written on 2026-12-03 in session 14, split once with
 * seed 20261214). The development half may be tuned on after its first
 * run; the test half stayed frozen (aggregate figures only) until session
 * 15, when it was retired. */
static void test_blind16_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind16/dev", "blind16 dev", 45, 0, 0, 0, 1,
                                   B16_DEV_UNSAFE, B16_DEV_DANGER, B16_DEV_FLAG};
    run_suite(&s);
}

/* The sixteenth blind set's test half: frozen (aggregate figures only) until
 * session 15, then retired to development material, cases named. */
static void test_blind16_test(void)
{
    static const struct suite s = {"tests/vignettes/blind16/test", "blind16 test", 45, 0, 0, 0, 1,
                                   B16_UNSAFE, B16_DANGER, B16_FLAG};
    run_suite(&s);
}

/* The seventeenth blind set (tests/vignettes/blind17/README.md: 100 cases
 * by two new authors written on 2026-12-03 in session 15, split once with
 * seed 20261215). The development half may be tuned on after its first
 * run; the test half stayed frozen (aggregate figures only) until its
 * retirement in session 15 (b17ret). */
static void test_blind17_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind17/dev", "blind17 dev", 45, 0, 0, 0, 1,
                                   B17_DEV_UNSAFE, B17_DEV_DANGER, B17_DEV_FLAG};
    run_suite(&s);
}

/* The seventeenth blind set's test half: frozen (aggregate figures only) until
 * session 15, then retired to development material, cases named. */
static void test_blind17_test(void)
{
    static const struct suite s = {"tests/vignettes/blind17/test", "blind17 test", 45, 0, 0, 0, 1,
                                   B17_UNSAFE, B17_DANGER, B17_FLAG};
    run_suite(&s);
}

/* The eighteenth blind set (tests/vignettes/blind18/README.md: 60 cases
 * by two new authors written on 2026-12-03 in session 15, kept WHOLE as a
 * frozen test set, no development half): aggregate figures only until its
 * retirement in session 16 (b18ret), then development material, cases
 * named. */
static void test_blind18_test(void)
{
    static const struct suite s = {"tests/vignettes/blind18/test", "blind18 test", 55, 0, 0, 0, 1,
                                   B18_UNSAFE, B18_DANGER, B18_FLAG};
    run_suite(&s);
}

/* The nineteenth blind set (tests/vignettes/blind19/README.md: 80 cases
 * by two new authors written on 2026-12-03 in session 16, kept WHOLE as a
 * frozen test set, no development half): aggregate figures only until its
 * retirement in session 17 (b19ret), then development material, cases
 * named. */
static void test_blind19_test(void)
{
    static const struct suite s = {"tests/vignettes/blind19/test", "blind19 test", 75, 0, 0, 0, 1,
                                   B19_UNSAFE, B19_DANGER, B19_FLAG};
    run_suite(&s);
}

/* The twentieth blind set (tests/vignettes/blind20/README.md: 80 cases
 * by two new authors written on 2026-12-03 in session 17, kept WHOLE as a
 * frozen test set, no development half): aggregate figures only until its
 * retirement in session 18 (b20ret), then development material, cases
 * named. */
static void test_blind20_test(void)
{
    static const struct suite s = {"tests/vignettes/blind20/test", "blind20 test", 75, 0, 0, 0, 1,
                                   B20_UNSAFE, B20_DANGER, B20_FLAG};
    run_suite(&s);
}

/* The twenty-first blind set (tests/vignettes/blind21/README.md: 80 cases
 * by two new authors written on 2026-12-04 in session 18, kept WHOLE as a
 * frozen test set, no development half): aggregate figures only until its
 * retirement in session 18 (b21ret), then development material, cases
 * named. */
static void test_blind21_test(void)
{
    static const struct suite s = {"tests/vignettes/blind21/test", "blind21 test", 75, 0, 0, 0, 1,
                                   B21_UNSAFE, B21_DANGER, B21_FLAG};
    run_suite(&s);
}

/* The twenty-second blind set (tests/vignettes/blind22/README.md: 80
 * cases by two new authors written on 2026-12-04 in session 18, kept WHOLE
 * as a frozen test set, no development half): aggregate figures only until
 * its retirement in session 19 (b22ret), then development material, cases
 * named. */
static void test_blind22_test(void)
{
    static const struct suite s = {"tests/vignettes/blind22/test", "blind22 test", 75, 0, 0, 0, 1,
                                   B22_UNSAFE, B22_DANGER, B22_FLAG};
    run_suite(&s);
}

/* The twenty-third blind set (tests/vignettes/blind23/README.md: 80
 * cases by two new authors written on 2026-12-04 in session 19, kept WHOLE
 * as a frozen test set, no development half): aggregate figures only until
 * its retirement in session 20 (b23ret), then development material, cases
 * named. */
static void test_blind23_test(void)
{
    static const struct suite s = {"tests/vignettes/blind23/test", "blind23 test", 75, 0, 0, 0, 1,
                                   B23_UNSAFE, B23_DANGER, B23_FLAG};
    run_suite(&s);
}

/* The forty-fifth blind set (tests/vignettes/blind45/README.md: 120
 * cases by three new authors written at session 34's start,
 * split once (tools/split_blind.py, seed 20270110) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind45_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind45/dev", "blind45 dev", 58, 0, 0, 0, 1,
                                   B45D_UNSAFE, B45D_DANGER, B45D_FLAG};
    run_suite(&s);
}

static void test_blind45_test(void)
{
    static const struct suite s = {"tests/vignettes/blind45/test", "blind45 test", 58, 0, 0, 1, 1,
                                   B45_UNSAFE, B45_DANGER, B45_FLAG};
    run_suite(&s);
}

/* The forty-fourth blind set (tests/vignettes/blind44/README.md: 120
 * cases by three new authors written at session 33's start,
 * split once (tools/split_blind.py, seed 20270109) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind44_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind44/dev", "blind44 dev", 58, 0, 0, 0, 1,
                                   B44D_UNSAFE, B44D_DANGER, B44D_FLAG};
    run_suite(&s);
}

static void test_blind44_test(void)
{
    static const struct suite s = {"tests/vignettes/blind44/test", "blind44 test", 58, 0, 0, 1, 1,
                                   B44_UNSAFE, B44_DANGER, B44_FLAG};
    run_suite(&s);
}

/* The forty-third blind set (tests/vignettes/blind43/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of
 * session 32, split once (tools/split_blind.py, seed 20270108) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind43_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind43/dev", "blind43 dev", 58, 0, 0, 0, 1,
                                   B43D_UNSAFE, B43D_DANGER, B43D_FLAG};
    run_suite(&s);
}

static void test_blind43_test(void)
{
    static const struct suite s = {"tests/vignettes/blind43/test", "blind43 test", 58, 0, 0, 1, 1,
                                   B43_UNSAFE, B43_DANGER, B43_FLAG};
    run_suite(&s);
}

/* The forty-second blind set (tests/vignettes/blind42/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of
 * session 31 and kept unseen until the session's final engine, split once
 * (tools/split_blind.py, seed 20270107) into a development half and a
 * test half kept frozen: aggregate figures only). */
static void test_blind42_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind42/dev", "blind42 dev", 58, 0, 0, 0, 1,
                                   B42D_UNSAFE, B42D_DANGER, B42D_FLAG};
    run_suite(&s);
}

static void test_blind42_test(void)
{
    static const struct suite s = {"tests/vignettes/blind42/test", "blind42 test", 58, 0, 0, 1, 1,
                                   B42_UNSAFE, B42_DANGER, B42_FLAG};
    run_suite(&s);
}

/* The forty-first blind set (tests/vignettes/blind41/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of
 * session 31, split once (tools/split_blind.py, seed 20270106) into a
 * development half and a test half kept frozen: aggregate figures only). */
static void test_blind41_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind41/dev", "blind41 dev", 58, 0, 0, 0, 1,
                                   B41D_UNSAFE, B41D_DANGER, B41D_FLAG};
    run_suite(&s);
}

static void test_blind41_test(void)
{
    static const struct suite s = {"tests/vignettes/blind41/test", "blind41 test", 58, 0, 0, 1, 1,
                                   B41_UNSAFE, B41_DANGER, B41_FLAG};
    run_suite(&s);
}

/* The fortieth blind set (tests/vignettes/blind40/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 30,
 * split once (tools/split_blind.py, seed 20270105) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind40_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind40/dev", "blind40 dev", 58, 0, 0, 0, 1,
                                   B40D_UNSAFE, B40D_DANGER, B40D_FLAG};
    run_suite(&s);
}

static void test_blind40_test(void)
{
    static const struct suite s = {"tests/vignettes/blind40/test", "blind40 test", 58, 0, 0, 1, 1,
                                   B40_UNSAFE, B40_DANGER, B40_FLAG};
    run_suite(&s);
}

/* The thirty-ninth blind set (tests/vignettes/blind39/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 30,
 * split once (tools/split_blind.py, seed 20270104) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind39_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind39/dev", "blind39 dev", 58, 0, 0, 0, 1,
                                   B39D_UNSAFE, B39D_DANGER, B39D_FLAG};
    run_suite(&s);
}

static void test_blind39_test(void)
{
    /* session 34: RETIRED at the session's start (its last honest figures
     * in tests/vignettes/blind39/README.md): read and tuned on like a dev
     * half; its bars stay upper bounds */
    static const struct suite s = {"tests/vignettes/blind39/test", "blind39 test", 58, 0, 0, 0, 1,
                                   B39_UNSAFE, B39_DANGER, B39_FLAG};
    run_suite(&s);
}

/* The thirty-eighth blind set (tests/vignettes/blind38/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 29,
 * split once (tools/split_blind.py, seed 20270103) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind38_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind38/dev", "blind38 dev", 58, 0, 0, 0, 1,
                                   B38D_UNSAFE, B38D_DANGER, B38D_FLAG};
    run_suite(&s);
}

static void test_blind38_test(void)
{
    /* session 34: RETIRED at the session's start (its last honest figures
     * in tests/vignettes/blind38/README.md): read and tuned on like a dev
     * half; its bars stay upper bounds */
    static const struct suite s = {"tests/vignettes/blind38/test", "blind38 test", 58, 0, 0, 0, 1,
                                   B38_UNSAFE, B38_DANGER, B38_FLAG};
    run_suite(&s);
}

/* The thirty-seventh blind set (tests/vignettes/blind37/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 29,
 * split once (tools/split_blind.py, seed 20270102) into a development half
 * and a test half kept frozen: aggregate figures only). */
static void test_blind37_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind37/dev", "blind37 dev", 58, 0, 0, 0, 1,
                                   B37D_UNSAFE, B37D_DANGER, B37D_FLAG};
    run_suite(&s);
}

static void test_blind37_test(void)
{
    /* session 33: RETIRED at the session's start (its last honest figures
     * in tests/vignettes/blind37/README.md): read and tuned on like a dev
     * half; its bars stay upper bounds */
    static const struct suite s = {"tests/vignettes/blind37/test", "blind37 test", 58, 0, 0, 0, 1,
                                   B37_UNSAFE, B37_DANGER, B37_FLAG};
    run_suite(&s);
}

/* The thirty-sixth blind set (tests/vignettes/blind36/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 28,
 * split once (tools/split_blind.py, seed 20270101) into a development half
 * and a test half kept frozen until its retirement at the start of
 * session 32: read and tuned on since, cases named). */
static void test_blind36_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind36/dev", "blind36 dev", 58, 0, 0, 0, 1,
                                   B36D_UNSAFE, B36D_DANGER, B36D_FLAG};
    run_suite(&s);
}

static void test_blind36_test(void)
{
    static const struct suite s = {"tests/vignettes/blind36/test", "blind36 test", 58, 0, 0, 0, 1,
                                   B36_UNSAFE, B36_DANGER, B36_FLAG};
    run_suite(&s);
}

/* The thirty-fifth blind set (tests/vignettes/blind35/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of
 * session 28, split once (tools/split_blind.py, seed 20261231) into a
 * development half and a test half kept frozen until its retirement at the
 * start of session 31: read and tuned on since, cases named). */
static void test_blind35_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind35/dev", "blind35 dev", 58, 0, 0, 0, 1,
                                   B35D_UNSAFE, B35D_DANGER, B35D_FLAG};
    run_suite(&s);
}

static void test_blind35_test(void)
{
    static const struct suite s = {"tests/vignettes/blind35/test", "blind35 test", 58, 0, 0, 0, 1,
                                   B35_UNSAFE, B35_DANGER, B35_FLAG};
    run_suite(&s);
}

/* The thirty-fourth blind set (tests/vignettes/blind34/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 27, split
 * once (tools/split_blind.py, seed 20261230) into a development half and a
 * test half kept frozen until its retirement at the start of session 30:
 * read and tuned on since, cases named). */
static void test_blind34_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind34/dev", "blind34 dev", 58, 0, 0, 0, 1,
                                   B34D_UNSAFE, B34D_DANGER, B34D_FLAG};
    run_suite(&s);
}

static void test_blind34_test(void)
{
    static const struct suite s = {"tests/vignettes/blind34/test", "blind34 test", 58, 0, 0, 0, 1,
                                   B34_UNSAFE, B34_DANGER, B34_FLAG};
    run_suite(&s);
}

/* The thirty-third blind set (tests/vignettes/blind33/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of session
 * 27, split once (tools/split_blind.py, seed 20261229) into a development
 * half and a test half kept frozen until its retirement at the start of session 29:
 * read and tuned on since, cases named). */
static void test_blind33_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind33/dev", "blind33 dev", 58, 0, 0, 0, 1,
                                   B33D_UNSAFE, B33D_DANGER, B33D_FLAG};
    run_suite(&s);
}

static void test_blind33_test(void)
{
    static const struct suite s = {"tests/vignettes/blind33/test", "blind33 test", 58, 0, 0, 0, 1,
                                   B33_UNSAFE, B33_DANGER, B33_FLAG};
    run_suite(&s);
}

/* The thirty-second blind set (tests/vignettes/blind32/README.md: 120
 * cases by three new authors written on 2026-12-05 during session 26, split
 * once (tools/split_blind.py, seed 20261228) into a development half and a
 * test half kept frozen until its retirement at the start of session 28:
 * read and tuned on since, cases named). */
static void test_blind32_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind32/dev", "blind32 dev", 58, 0, 0, 0, 1,
                                   B32D_UNSAFE, B32D_DANGER, B32D_FLAG};
    run_suite(&s);
}

static void test_blind32_test(void)
{
    static const struct suite s = {"tests/vignettes/blind32/test", "blind32 test", 58, 0, 0, 0, 1,
                                   B32_UNSAFE, B32_DANGER, B32_FLAG};
    run_suite(&s);
}

/* The thirty-first blind set (tests/vignettes/blind31/README.md: 120
 * cases by three new authors written on 2026-12-05 at the start of session
 * 26, split once (tools/split_blind.py, seed 20261227) into a development
 * half and a test half kept frozen until its retirement at the start of
 * session 27: read and tuned on since, cases named). */
static void test_blind31_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind31/dev", "blind31 dev", 58, 0, 0, 0, 1,
                                   B31D_UNSAFE, B31D_DANGER, B31D_FLAG};
    run_suite(&s);
}

static void test_blind31_test(void)
{
    static const struct suite s = {"tests/vignettes/blind31/test", "blind31 test", 58, 0, 0, 0, 1,
                                   B31_UNSAFE, B31_DANGER, B31_FLAG};
    run_suite(&s);
}

/* The thirtieth blind set (tests/vignettes/blind30/README.md: 120 cases
 * by three new authors written on 2026-12-05 in session 25, split once
 * (tools/split_blind.py, seed 20261226) into a development half and a test
 * half kept frozen until its retirement at the start of session 26: read
 * and tuned on since, cases named). */
static void test_blind30_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind30/dev", "blind30 dev", 58, 0, 0, 0, 1,
                                   B30D_UNSAFE, B30D_DANGER, B30D_FLAG};
    run_suite(&s);
}

static void test_blind30_test(void)
{
    static const struct suite s = {"tests/vignettes/blind30/test", "blind30 test", 58, 0, 0, 0, 1,
                                   B30_UNSAFE, B30_DANGER, B30_FLAG};
    run_suite(&s);
}

/* The twenty-ninth blind set (tests/vignettes/blind29/README.md: 120
 * cases by three new authors written on 2026-12-05 in session 25, split
 * once (tools/split_blind.py, seed 20261225) into a development half and a
 * test half kept frozen until its retirement later in session 25: read
 * and tuned on since, cases named). */
static void test_blind29_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind29/dev", "blind29 dev", 58, 0, 0, 0, 1,
                                   B29D_UNSAFE, B29D_DANGER, B29D_FLAG};
    run_suite(&s);
}

static void test_blind29_test(void)
{
    static const struct suite s = {"tests/vignettes/blind29/test", "blind29 test", 58, 0, 0, 0, 1,
                                   B29_UNSAFE, B29_DANGER, B29_FLAG};
    run_suite(&s);
}

/* The twenty-eighth blind set (tests/vignettes/blind28/README.md: 120
 * cases by three new authors written on 2026-12-04 in session 24, split
 * once (tools/split_blind.py, seed 20261224) into a development half and a
 * test half kept frozen until its retirement in session 25: read and tuned
 * on since, cases named). */
static void test_blind28_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind28/dev", "blind28 dev", 58, 0, 0, 0, 1,
                                   B28D_UNSAFE, B28D_DANGER, B28D_FLAG};
    run_suite(&s);
}

static void test_blind28_test(void)
{
    static const struct suite s = {"tests/vignettes/blind28/test", "blind28 test", 58, 0, 0, 0, 1,
                                   B28_UNSAFE, B28_DANGER, B28_FLAG};
    run_suite(&s);
}

/* The twenty-seventh blind set (tests/vignettes/blind27/README.md: 120
 * cases by three new authors written on 2026-12-04 in session 23, split
 * once (tools/split_blind.py, seed 20261223) into a development half and a
 * test half kept frozen until its retirement in session 24: read and
 * tuned on since, cases named). */
static void test_blind27_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind27/dev", "blind27 dev", 58, 0, 0, 0, 1,
                                   B27D_UNSAFE, B27D_DANGER, B27D_FLAG};
    run_suite(&s);
}

static void test_blind27_test(void)
{
    static const struct suite s = {"tests/vignettes/blind27/test", "blind27 test", 58, 0, 0, 0, 1,
                                   B27_UNSAFE, B27_DANGER, B27_FLAG};
    run_suite(&s);
}

/* The twenty-sixth blind set (tests/vignettes/blind26/README.md: 120
 * cases by three new authors written on 2026-12-04 in session 22, split
 * once (tools/split_blind.py, seed 20261222) into a development half, tuned
 * on and named, and a test half kept frozen: aggregate figures only until
 * its retirement in session 23 (b26ret), then development material, cases
 * named). */
static void test_blind26_dev(void)
{
    static const struct suite s = {"tests/vignettes/blind26/dev", "blind26 dev", 58, 0, 0, 0, 1,
                                   B26D_UNSAFE, B26D_DANGER, B26D_FLAG};
    run_suite(&s);
}

static void test_blind26_test(void)
{
    static const struct suite s = {"tests/vignettes/blind26/test", "blind26 test", 58, 0, 0, 0, 1,
                                   B26_UNSAFE, B26_DANGER, B26_FLAG};
    run_suite(&s);
}

/* The twenty-fifth blind set (tests/vignettes/blind25/README.md: 80
 * cases by two new authors written on 2026-12-04 in session 21, kept WHOLE
 * as a frozen test set, no development half): aggregate figures only until
 * its retirement in session 22 (b25ret), then development material, cases
 * named. */
static void test_blind25_test(void)
{
    static const struct suite s = {"tests/vignettes/blind25/test", "blind25 test", 75, 0, 0, 0, 1,
                                   B25_UNSAFE, B25_DANGER, B25_FLAG};
    run_suite(&s);
}

/* The twenty-fourth blind set (tests/vignettes/blind24/README.md: 80
 * cases by two new authors written on 2026-12-04 in session 20, kept WHOLE
 * as a frozen test set, no development half): aggregate figures only until
 * its retirement in session 21 (b24ret), then development material, cases
 * named. */
static void test_blind24_test(void)
{
    static const struct suite s = {"tests/vignettes/blind24/test", "blind24 test", 75, 0, 0, 0, 1,
                                   B24_UNSAFE, B24_DANGER, B24_FLAG};
    run_suite(&s);
}

/* The red-flag sweep of issue 11 (tests/vignettes/flags/, written by an
 * engineer before running them): every red-flag pattern of the blind
 * authors' mix again, most in sparse form (3-6 answers) and in other
 * words of the intake vocabulary. Development material, cases named; the
 * same safety bars as every set. */
static void test_flags_suite(void)
{
    static const struct suite s = {"tests/vignettes/flags", "flags", 40, 0, 0, 0, 1, 0, 0, 0};
    run_suite(&s);
}

/* danger29 (tests/vignettes/danger29/README.md): 40 dangerous
 * presentations written from the literature by the engine's own engineer in
 * session 29 (branch danger29), half of them sparse, some noisy, at
 * atypical ages and sexes, with mis-ticks; the engine's own stress set,
 * tuned on (cases named). The safety bars at the level reached. */
#define D29_UNSAFE 0
#define D29_DANGER 0
#define D29_FLAG 0
static void test_danger29_suite(void)
{
    static const struct suite s = {"tests/vignettes/danger29", "danger29", 40, 0, 0, 0, 1,
                                   D29_UNSAFE, D29_DANGER, D29_FLAG};
    run_suite(&s);
}

int main(void)
{
    RUN(test_vignette_suite);
    RUN(test_blind_suite);
    RUN(test_blind2_dev);
    RUN(test_blind2_test);
    RUN(test_blind3);
    RUN(test_blind4_dev);
    RUN(test_blind4_test);
    RUN(test_blind5_dev);
    RUN(test_blind5_test);
    RUN(test_blind6_dev);
    RUN(test_blind6_test);
    RUN(test_blind7_dev);
    RUN(test_blind7_test);
    RUN(test_blind8_dev);
    RUN(test_blind8_test);
    RUN(test_blind9_dev);
    RUN(test_blind9_test);
    RUN(test_blind10_dev);
    RUN(test_blind10_test);
    RUN(test_blind11_dev);
    RUN(test_blind11_test);
    RUN(test_blind12_dev);
    RUN(test_blind12_test);
    RUN(test_blind13_dev);
    RUN(test_blind13_test);
    RUN(test_blind14_dev);
    RUN(test_blind14_test);
    RUN(test_blind15_dev);
    RUN(test_blind15_test);
    RUN(test_blind16_dev);
    RUN(test_blind16_test);
    RUN(test_blind17_dev);
    RUN(test_blind17_test);
    RUN(test_blind18_test);
    RUN(test_blind19_test);
    RUN(test_blind20_test);
    RUN(test_blind21_test);
    RUN(test_blind22_test);
    RUN(test_blind23_test);
    RUN(test_blind24_test);
    RUN(test_blind25_test);
    RUN(test_blind26_dev);
    RUN(test_blind26_test);
    RUN(test_blind27_dev);
    RUN(test_blind27_test);
    RUN(test_blind28_dev);
    RUN(test_blind28_test);
    RUN(test_blind29_dev);
    RUN(test_blind29_test);
    RUN(test_blind30_dev);
    RUN(test_blind30_test);
    RUN(test_blind31_dev);
    RUN(test_blind31_test);
    RUN(test_blind32_dev);
    RUN(test_blind32_test);
    RUN(test_blind33_dev);
    RUN(test_blind33_test);
    RUN(test_blind34_dev);
    RUN(test_blind34_test);
    RUN(test_blind35_dev);
    RUN(test_blind35_test);
    RUN(test_blind36_dev);
    RUN(test_blind36_test);
    RUN(test_blind37_dev);
    RUN(test_blind37_test);
    RUN(test_blind38_dev);
    RUN(test_blind38_test);
    RUN(test_blind39_dev);
    RUN(test_blind39_test);
    RUN(test_blind40_dev);
    RUN(test_blind40_test);
    RUN(test_blind41_dev);
    RUN(test_blind41_test);
    RUN(test_blind42_dev);
    RUN(test_blind42_test);
    RUN(test_blind43_dev);
    RUN(test_blind43_test);
    RUN(test_blind44_dev);
    RUN(test_blind44_test);
    RUN(test_blind45_dev);
    RUN(test_blind45_test);
    RUN(test_flags_suite);
    RUN(test_danger29_suite);
    return TEST_END();
}
