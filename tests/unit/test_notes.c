/* SPDX-License-Identifier: MIT */
/*
 * The diary note reader and the diary triage against the note test set
 * (tests/notes/notes.txt: notes as runners write them, each with the red
 * flags and urgency it must raise, or none). Prints the figures: red-flag
 * notes caught with the right urgency, false alarms on benign and negated
 * notes. Every flag must be caught; at most 5% false alarms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "plan/plan_int.h"
#include "runhip/triage.h"
#include "runhip/util.h"

#define NOTES_FILE "tests/notes/notes.txt"

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

static int n_flag_notes, n_caught, n_benign, n_false, n_facts, n_facts_found;

static void one_note(int line, char *expect, char *ctx, char *note)
{
    struct rh_intake in;
    struct rh_err err;
    rh_err_clear(&err);
    bool have_ctx = strcmp(ctx, "-") != 0;
    if (have_ctx) {
        for (char *p = ctx; *p; p++)
            if (*p == ';')
                *p = '\n';
        if (rh_intake_parse(ctx, strlen(ctx), &in, &err)) {
            fprintf(stderr, "%s:%d: bad context: %s\n", NOTES_FILE, line, err.msg);
            CHECK(0);
            return;
        }
    }
    struct rh_pain_entry e = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = note};
    struct rh_triage t;
    int r = rh_triage_entry(have_ctx ? &in : NULL, 0, &e, 0, &t, &err);
    CHECK_INT(r, 0);
    if (r) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    bool want_flag = false, ok = true;
    int want_urgency = -1;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", expect);
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (strcmp(w, "-") == 0)
            continue;
        if (w[0] == '+') {
            n_facts++;
            bool found = false;
            for (int i = 0; i < t.note.n; i++)
                found |= strcmp(t.note.f[i].fact, w + 1) == 0 && !t.note.f[i].negated;
            n_facts_found += found;
            if (!found) {
                fprintf(stderr, "%s:%d: fact %s not found in \"%s\"\n", NOTES_FILE, line, w + 1,
                        note);
                CHECK(found);
            }
            continue;
        }
        char *c = strchr(w, ':');
        CHECK(c != NULL);
        if (!c)
            continue;
        *c = '\0';
        enum rh_disposition d;
        CHECK_INT(rh_disposition_parse(c + 1, &d), 0);
        if ((int)d > want_urgency)
            want_urgency = (int)d;
        want_flag = true;
        bool found = false;
        for (int i = 0; i < t.n_flags; i++)
            found |= strcmp(t.flags[i].id, w) == 0;
        ok &= found;
    }
    char got[400] = "";
    for (int i = 0; i < t.n_flags; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:%s", i ? " " : "",
                 t.flags[i].id, rh_disposition_name(t.flags[i].urgency));
    char facts[600] = "";
    for (int i = 0; i < t.note.n; i++)
        snprintf(facts + strlen(facts), sizeof facts - strlen(facts), "%s%s%s(%s)", i ? " " : "",
                 t.note.f[i].negated ? "!" : "", t.note.f[i].fact, t.note.f[i].words);
    if (want_flag) {
        n_flag_notes++;
        ok &= t.has_urgency && (int)t.urgency == want_urgency;
        n_caught += ok;
        if (!ok) {
            fprintf(stderr, "%s:%d: MISSED \"%s\": want %s, got [%s], read [%s]\n", NOTES_FILE,
                    line, note, expect, got, facts);
            CHECK(ok);
        }
    } else {
        n_benign++;
        if (t.n_flags) {
            n_false++;
            fprintf(stderr, "%s:%d: false alarm \"%s\": [%s], read [%s]\n", NOTES_FILE, line,
                    note, got, facts);
        }
    }
}

/* Calls fn on every "EXPECT | CONTEXT | NOTE" line of path (comments and
 * blank lines skipped); returns -1 if the file cannot be opened. */
typedef void note_fn(void *arg, int line, char *expect, char *ctx, char *note);

static int read_notes(const char *path, note_fn *fn, void *arg)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        char *a = strchr(s, '|');
        char *b = a ? strchr(a + 1, '|') : NULL;
        CHECK(a && b);
        if (!a || !b)
            continue;
        *a = *b = '\0';
        fn(arg, ln, trim(s), trim(a + 1), trim(b + 1));
    }
    fclose(f);
    return 0;
}

static void one_note_cb(void *arg, int line, char *expect, char *ctx, char *note)
{
    (void)arg;
    one_note(line, expect, ctx, note);
}

static void test_note_set(void)
{
    CHECK_INT(read_notes(NOTES_FILE, one_note_cb, NULL), 0);
    printf("FIGURE note test set: %d red-flag notes, %d caught with the right urgency (%.1f%%); "
           "%d benign or negated notes, %d false alarms (%.1f%%); %d/%d other signs read\n",
           n_flag_notes, n_caught, n_flag_notes ? 100.0 * n_caught / n_flag_notes : 0.0,
           n_benign, n_false, n_benign ? 100.0 * n_false / n_benign : 0.0, n_facts_found,
           n_facts);
    CHECK(n_flag_notes + n_benign >= 150);
    CHECK_INT(n_caught, n_flag_notes);
    CHECK(n_false * 20 <= n_benign);
}

/* The same sign gets the same flag and urgency from the diary as from the
 * questionnaire: checked against rh_assess on the intake word itself. */
static void test_same_as_assessment(void)
{
    static const struct {
        const char *note;
        enum rh_sign sign;
    } cases[] = {{"can't put weight on it", RH_SIGN_CANNOT_BEAR_WEIGHT},
                 {"running a temperature", RH_SIGN_FEVER},
                 {"trouble peeing", RH_SIGN_BLADDER_BOWEL},
                 {"my foot went numb", RH_SIGN_NUMB_FOOT},
                 {"leg gave way", RH_SIGN_WEAK_ONE_SIDE},
                 {"a lump in the groin", RH_SIGN_LUMP_GROIN},
                 {"night sweats", RH_SIGN_NIGHT_SWEATS},
                 {"the lump in my groin won't go back in", RH_SIGN_LUMP_STUCK},
                 {"lost weight without trying", RH_SIGN_WEIGHT_LOSS}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_intake in;
        rh_intake_init(&in);
        in.has_signs = true;
        in.signs = RH_BIT(cases[i].sign);
        struct rh_assessment a;
        struct rh_err err;
        CHECK_INT(rh_assess(&in, &a, &err), 0);
        struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1,
                                  .note = (char *)cases[i].note};
        struct rh_triage t;
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        CHECK(a.n_flags > 0);
        CHECK_INT(t.n_flags, a.n_flags);
        for (int k = 0; k < a.n_flags && k < t.n_flags; k++) {
            CHECK_STR(t.flags[k].id, a.flags[k].id);
            CHECK_INT(t.flags[k].urgency, a.flags[k].min_disposition);
        }
        /* and the structured sign gives the same */
        struct rh_pain_entry e2 = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1};
        struct rh_triage t2;
        CHECK_INT(rh_triage_entry(NULL, 0, &e2, RH_BIT(cases[i].sign), &t2, &err), 0);
        CHECK_INT(t2.n_flags, t.n_flags);
        CHECK_INT(t2.urgency, t.urgency);
    }
}

/* Walk-through 9: "knocked off my bike" was echoed as "it started with a
 * fall, high energy" (a word the writer did not use, and an internal name),
 * and the warning's reason listed a car, a vehicle and a heavy collision.
 * A reading with a fact only a note tells says that fact alone, in plain
 * words; the reason names no mechanism the writer did not write. */
static void test_high_energy_in_own_words(void)
{
    static const char *const notes[] = {"knocked off my bike on the way home, hip sore",
                                        "a van clipped me at the junction", "hit by a car yesterday"};
    static const char *const unsaid[][4] = {{"fall", "car", "vehicle", "collision"},
                                            {"fall", "bike", "car", "collision"},
                                            {"fall", "bike", "vehicle", "collision"}};
    for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
        struct rh_pain_entry e = {.day = 1, .pain = 4, .during_run = -1, .next_morning = -1,
                                  .note = (char *)notes[i]};
        struct rh_triage t;
        struct rh_err err;
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        bool read = false;
        for (int k = 0; k < t.note.n; k++) {
            const struct rh_note_finding *f = &t.note.f[k];
            if (!strstr(f->sets, "note:high_energy") || !rh_note_finding_shown(&t.note, k))
                continue;
            read = true;
            struct rh_buf b;
            rh_buf_init(&b, 0);
            CHECK_INT(rh_text_note_words(f->sets, &b), 0);
            if (b.data)
                fprintf(stderr, "   \"%s\" read as: %s\n", f->words, b.data);
            CHECK(b.data && strstr(b.data, "high force") != NULL);
            CHECK(b.data && strstr(b.data, "_") == NULL && strstr(b.data, "high energy") == NULL);
            for (int w = 0; w < 4; w++)
                CHECK(b.data && strstr(b.data, unsaid[i][w]) == NULL);
            rh_buf_release(&b);
        }
        CHECK(read);
        bool trauma = false;
        for (int k = 0; k < t.n_flags; k++) {
            if (strcmp(t.flags[k].id, "trauma") != 0)
                continue;
            trauma = true;
            CHECK_INT(t.flags[k].urgency, RH_DISP_URGENT);
            char words[1200];
            rh_triage_flag_words(&t.flags[k], words, sizeof words);
            const char *why = strstr(words, ": because ");
            CHECK(why != NULL);
            for (int w = 0; why && w < 4; w++)
                if (strcmp(unsaid[i][w], "fall") != 0 && strstr(why, unsaid[i][w])) {
                    fprintf(stderr, "  %s: the reason names \"%s\": %s\n", notes[i],
                            unsaid[i][w], why);
                    CHECK(0);
                }
        }
        CHECK(trauma);
    }
}

/* runner23: a reading is quoted in the clause that says it: "sharp at the
 * side, slept badly on that side" was quoted as "side, slept badly on" (the
 * nearest "side" was the earlier one, past the comma). */
static void test_note_quote_in_its_clause(void)
{
    struct rh_note_reading nr;
    struct rh_err err;
    CHECK_INT(rh_note_read("ran with friends, there was a hill, sharp at the side, slept badly "
                           "on that side",
                           &nr, &err),
              0);
    int side = 0;
    for (int i = 0; i < nr.n; i++)
        if (!strcmp(nr.f[i].sets, "worse_with:lying_on_side")) {
            side++;
            CHECK(!strcmp(nr.f[i].words, "slept badly on that side"));
        }
    CHECK_INT(side, 1);
}

/* Session 25 (branch notes25): the night-pain warning is headed by what the
 * note said: pain "at night" is "Pain at night", not "Pain that wakes you at
 * night" (the questionnaire's answer, kept for a note that tells waking); and
 * its quote is whole words to a clause's end ("... even on rest days"), or
 * cut back to a whole phrase, never a match's last group word ("... even
 * on"). */
static void test_night_heading_and_quote(void)
{
    static const struct {
        const char *note, *title, *words;
    } cases[] = {
        {"hip hurts at night", "Pain at night",
         "Pain at night: because you wrote \"hurts at night\""},
        {"the hip wakes me at night", "Pain that wakes you at night",
         "Pain that wakes you at night: because you wrote \"hip wakes me at night\""},
        {"my hip throbs at night after my runs and now even on rest days",
         "Pain at night, on rest days too",
         "Pain at night, on rest days too: because you wrote \"throbs at night after my runs "
         "and now even on rest days\""},
        {"sore at night after the long run, lying in bed it aches", "Pain lying in bed",
         "Pain lying in bed: because you wrote \"lying in bed it aches\""},
        {"hip hurts in bed", "Pain lying in bed",
         "Pain lying in bed: because you wrote \"hurts in bed\""},
        {"hip pain 6/10 night", "Pain at night",
         "Pain at night: because you wrote \"6/10 night\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1,
                                  .note = (char *)cases[i].note};
        struct rh_triage t;
        struct rh_err err;
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        CHECK_INT(t.n_flags, 1);
        if (t.n_flags != 1)
            continue;
        char title[300], words[600];
        rh_triage_flag_title(&t.flags[0], title, sizeof title);
        rh_triage_flag_words(&t.flags[0], words, sizeof words);
        CHECK_STR(title, cases[i].title);
        CHECK_STR(words, cases[i].words);
    }
    /* a clause too long to quote whole ends on its last whole phrase */
    struct rh_note_reading nr;
    struct rh_err err;
    CHECK_INT(rh_note_read("my hip throbs at night after my runs and now even on the days when I "
                           "have not been anywhere near a trail or a road",
                           &nr, &err),
              0);
    int quoted = 0;
    for (int i = 0; i < nr.n; i++) {
        size_t n = strlen(nr.f[i].words);
        quoted++;
        CHECK(n < 3 || strcmp(nr.f[i].words + n - 3, " on") != 0);
        CHECK(n < 5 || strcmp(nr.f[i].words + n - 5, " even") != 0);
        CHECK(n < 4 || strcmp(nr.f[i].words + n - 4, " the") != 0);
    }
    CHECK(quoted > 0);
}

/* What a note was read as is echoed in the writer's own words ("3rd", not
 * the "3 rd" the reader splits it into), each reading once ("locked" inside
 * "hip locked" is not said again), and a warning sign the note raised is
 * named by what the writer wrote, with why it matters, not by the generic
 * name of its red flag (the web's and the terminal's diary answers). */
static void test_note_in_own_words(void)
{
    struct rh_note_reading nr;
    struct rh_err err;
    CHECK_INT(rh_note_read("Hip  locked for the 3rd time today", &nr, &err), 0);
    int locking = 0, third = 0;
    for (int i = 0; i < nr.n; i++) {
        locking += !strcmp(nr.f[i].sets, "character:locking");
        third += strstr(nr.f[i].words, "3rd") != NULL;
        CHECK(!strstr(nr.f[i].words, "3 rd") && !strstr(nr.f[i].words, "  "));
    }
    CHECK_INT(locking, 1);
    CHECK(third > 0);
    CHECK(nr.n > 0 && !strcmp(nr.f[0].words, "Hip locked"));

    struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1,
                              .note = (char *)"I sweat heavily at night"};
    struct rh_triage t;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 1);
    char title[300], words[600];
    rh_triage_flag_title(&t.flags[0], title, sizeof title);
    rh_triage_flag_words(&t.flags[0], words, sizeof words);
    /* review 9 #5: headed by what was seen, never the rule's category
     * ("cancer history, ... or new pain after 50"), explained by the note's
     * words alone, not said twice ("you sweat heavily at night") */
    CHECK_STR(title, "Sweating at night");
    CHECK_STR(words, "Sweating at night: because you wrote \"sweat heavily at night\"");
    /* the same sign ticked: nothing written, the same heading, the answer */
    e.note = NULL;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, RH_BIT(RH_SIGN_NIGHT_SWEATS), &t, &err), 0);
    CHECK_INT(t.n_flags, 1);
    rh_triage_flag_title(&t.flags[0], title, sizeof title);
    rh_triage_flag_words(&t.flags[0], words, sizeof words);
    CHECK_STR(title, "Sweating at night");
    CHECK_STR(words, "Sweating at night: because you sweat heavily at night");
    CHECK(!strstr(words, "50") && !strstr(words, "cancer"));
    /* weight loss written with a number, and a night pain: each flag names
     * only its own words (review 9 #5: "lost 4 kg") */
    e.note = (char *)"lost 4 kg this month";
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 1);
    rh_triage_flag_words(&t.flags[0], words, sizeof words);
    CHECK_STR(words, "Losing weight without trying: because you wrote \"lost 4 kg\"");
}

/* Pain above the assessment's worst raises worsening_fast; the context's own
 * flags (a past cancer) are not raised again by each entry. */
static void test_context(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.pain_worst = 5;
    in.has_history = true;
    in.history = RH_BIT(RH_HIST_CANCER);
    struct rh_err err;
    struct rh_triage t;
    struct rh_pain_entry e = {.day = 1, .pain = 7, .during_run = -1, .next_morning = -1};
    CHECK_INT(rh_triage_entry(&in, 3, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 1);
    CHECK_STR(t.n_flags ? t.flags[0].id : "", "worsening_fast");
    e.pain = 4;
    CHECK_INT(rh_triage_entry(&in, 3, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 0);
    CHECK(!t.has_urgency);
}

/* The urgency and flag ids of an entry with note `note` for a runner whose
 * assessment put the pain at location `loc`. */
static enum rh_disposition entry_urgency(enum rh_location loc, const char *note, uint32_t signs,
                                         struct rh_triage *t)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.has_location = true;
    in.location = RH_BIT(loc);
    in.age = 40;
    struct rh_err err;
    struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = (char *)note};
    CHECK_INT(rh_triage_entry(&in, 3, &e, signs, t, &err), 0);
    return t->has_urgency ? t->urgency : RH_DISP_SELF_CARE;
}

static bool has_flag(const struct rh_triage *t, const char *id)
{
    for (int i = 0; i < t->n_flags; i++)
        if (!strcmp(t->flags[i].id, id))
            return true;
    return false;
}

/* session 11 (branch rev11a), review 11 #7: a stress-fracture warning that a
 * note's limp raised names the limp in its "because", even when another rule
 * of the flag (running pain after a birth) comes first; an entry whose note
 * tells nothing of it gets no note words made up. */
static void test_because_names_note(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 42;
    in.sex = RH_SEX_FEMALE;
    in.has_location = true;
    in.location = RH_BIT(RH_LOC_GROIN);
    in.onset = RH_ONSET_GRADUAL;
    in.has_history = true;
    in.history = RH_BIT(RH_HIST_POSTPARTUM) | RH_BIT(RH_HIST_BREASTFEEDING);
    in.has_recent_change = true;
    in.recent_change = RH_BIT(RH_CHANGE_RETURN_FROM_BREAK);
    struct rh_err err;
    struct rh_triage t;
    char limp[] = "limping a bit after the run this evening", easy[] = "easy run on the flat";
    struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = 3, .next_morning = -1,
                              .note = limp};
    CHECK_INT(rh_triage_entry(&in, 7, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "stress_fracture_signs"));
    char because[RH_ASSESS_FLAG_WHY_LEN] = "";
    for (int i = 0; i < t.n_flags; i++)
        if (!strcmp(t.flags[i].id, "stress_fracture_signs"))
            rh_triage_flag_reason(&t.flags[i], because, sizeof because);
    if (!strstr(because, "limping"))
        fprintf(stderr, "because: %s\n", because);
    CHECK(strstr(because, "limping") != NULL);
    e.note = easy;
    CHECK_INT(rh_triage_entry(&in, 7, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "stress_fracture_signs"));
    for (int i = 0; i < t.n_flags; i++) {
        CHECK_STR(t.flags[i].said, "");
        rh_triage_flag_reason(&t.flags[i], because, sizeof because);
        CHECK(strstr(because, "you wrote") == NULL);
    }
}

/* review7 A3, A4 and the high-energy mechanism (session 7, notes6):
 * - a warm and swollen outer hip (no fever, no redness) is a doctor within
 *   days (a trigger below its flag's level raises it at its own level),
 *   with redness or a fever today; ticked or written alike;
 * - hardly able to put weight on the leg is not bearing weight (today);
 * - pain that wakes when rolling onto the sore side is positional (the
 *   assessment's own exception, !worse_with:lying_on_side), night pain
 *   whatever the position still is a warning sign;
 * - struck by a car is a high-energy injury (note:high_energy, a fact the
 *   intake has no word for): the trauma flag today; a runner bumping into
 *   another runner stays a fall (within days). */
static void test_review7_signs(void)
{
    static struct rh_triage t;
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "the hip is hot and swollen", 0, &t), RH_DISP_SEE_DOCTOR_SOON);
    CHECK(has_flag(&t, "fever_hot_joint"));
    CHECK(t.n_flags && strstr(t.flags[0].why, "inflamed joint") != NULL);
    CHECK_INT(entry_urgency(RH_LOC_OUTER, NULL, RH_BIT(RH_SIGN_WARMTH) | RH_BIT(RH_SIGN_SWELLING), &t),
              RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "the hip is hot, red and swollen", 0, &t), RH_DISP_URGENT);
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "the hip is swollen", 0, &t), RH_DISP_SELF_CARE);
    CHECK_INT(entry_urgency(RH_LOC_GROIN, "the hip is hot and swollen", 0, &t), RH_DISP_URGENT);

    CHECK_INT(entry_urgency(RH_LOC_OUTER, "I was limping by the end and could barely put weight on the leg",
                            0, &t),
              RH_DISP_URGENT);
    CHECK(has_flag(&t, "cannot_bear_weight"));
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "I was limping by the end", 0, &t), RH_DISP_SELF_CARE);

    CHECK_INT(entry_urgency(RH_LOC_OUTER, "woke me at night when I rolled onto the sore side", 0, &t),
              RH_DISP_SELF_CARE);
    CHECK(!has_flag(&t, "night_or_rest_pain"));
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "woke me at night, aches whatever position I lie in", 0, &t),
              RH_DISP_SEE_DOCTOR_SOON);
    CHECK(has_flag(&t, "night_or_rest_pain"));
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "woke me at night", 0, &t), RH_DISP_SEE_DOCTOR_SOON);

    CHECK_INT(entry_urgency(RH_LOC_OUTER, "got hit by a car on my run, hip sore", 0, &t), RH_DISP_URGENT);
    CHECK(has_flag(&t, "trauma"));
    CHECK(t.note.note_facts & RH_BIT(RH_NOTE_FACT_HIGH_ENERGY));
    /* read once: the fall inside the high-energy reading is not said again */
    CHECK_INT(t.note.n, 1);
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "bumped into another runner at the start, went down on my hip",
                            0, &t),
              RH_DISP_SEE_DOCTOR_SOON);
    CHECK(!(t.note.note_facts & RH_BIT(RH_NOTE_FACT_HIGH_ENERGY)));
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "felt like I was hit by a bus after the marathon", 0, &t),
              RH_DISP_SELF_CARE);
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "nearly hit by a car, hip fine", 0, &t), RH_DISP_SELF_CARE);
}

/* review 7b N1, N7: the diary reads weakness with the runner's own answers.
 * Outer-hip pain that is a dull ache, no numbness, tingling or back pain:
 * a leg that "gave way" on the stairs is pain inhibition, no warning sign
 * (the rule's own exclusion). With numbness, back pain, shooting pain or a
 * foot that drops it stays a nerve sign. A runner reads the positive reason
 * only, never the rule's exclusions, and never cut mid-sentence. */
static enum rh_disposition tendon_entry(const char *note, struct rh_triage *t)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.has_location = true;
    in.location = RH_BIT(RH_LOC_OUTER);
    in.has_character = true;
    in.character = RH_BIT(RH_CHAR_DULL_ACHE);
    in.age = 38;
    struct rh_err err;
    struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = (char *)note};
    CHECK_INT(rh_triage_entry(&in, 3, &e, 0, t, &err), 0);
    return t->has_urgency ? t->urgency : RH_DISP_SELF_CARE;
}

static void test_review7b_weak_leg(void)
{
    static struct rh_triage t;
    CHECK_INT(tendon_entry("woke me at night when I rolled onto the sore side, and my leg gave way "
                           "on the stairs", &t),
              RH_DISP_SELF_CARE);
    CHECK(!has_flag(&t, "neuro_deficit"));
    CHECK_INT(tendon_entry("my leg gave way on the stairs", &t), RH_DISP_SELF_CARE);
    /* the feel the answers did not give: "cannot tell" still fires */
    CHECK_INT(entry_urgency(RH_LOC_OUTER, "my leg gave way on the stairs", 0, &t),
              RH_DISP_SEE_DOCTOR_SOON);
    CHECK(has_flag(&t, "neuro_deficit"));
    static const char *const nerve[] = {
        "leg gave way on the stairs and my foot went numb",
        "leg gave way, low back pain too",
        "leg gave way on the stairs, shooting pain down my leg",
        "my foot drops and slaps when I walk",
        "keep catching my toes on the kerb",
    };
    for (size_t i = 0; i < sizeof nerve / sizeof *nerve; i++) {
        CHECK_INT(tendon_entry(nerve[i], &t), RH_DISP_SEE_DOCTOR_SOON);
        CHECK(has_flag(&t, "neuro_deficit"));
        char words[RH_ASSESS_FLAG_WHY_LEN];
        rh_triage_flag_words(&t.flags[0], words, sizeof words);
        CHECK(strstr(words, "because you wrote") != NULL);
        CHECK(strstr(words, "(not ") == NULL);
        CHECK(strstr(words, "sore muscle or tendon weakens") == NULL);
    }
    /* stored for the plan's list: the positive reason, whole */
    CHECK_INT(tendon_entry("leg gave way, low back pain too", &t), RH_DISP_SEE_DOCTOR_SOON);
    char list[1200] = "", words[200], reason[RH_ASSESS_WHY_LEN], date[11];
    rh__said_put(list, sizeof list, &t.flags[0], 20000);
    CHECK(rh__said_get(list, "neuro_deficit", words, sizeof words, reason, sizeof reason, date));
    CHECK(strstr(reason, "because you wrote \"gave way\"") != NULL); /* review 9 #5 */
    CHECK(strstr(reason, "(not ") == NULL);
    /* too little room: whole sentences or a marked cut, never a bare half */
    char small[60];
    CHECK(rh__said_get(list, "neuro_deficit", words, sizeof words, small, sizeof small, date));
    size_t n = strlen(small);
    CHECK(n > 0 && (small[n - 1] == '.' || strcmp(small + n - 3, "...") == 0));

    /* review 7b N22: a reading inside a longer one is not shown again,
     * what it stands for still counts */
    CHECK_INT(tendon_entry("my foot went numb", &t), RH_DISP_SEE_DOCTOR_SOON);
    int shown = 0;
    for (int i = 0; i < t.note.n; i++)
        if (rh_note_finding_shown(&t.note, i)) {
            shown++;
            CHECK(strcmp(t.note.f[i].words, "numb") != 0);
        }
    CHECK_INT(shown, 1);
    CHECK(t.note.character & RH_BIT(RH_CHAR_NUMBNESS));
}

/* notes8: what a finding is read back as. Pins and needles in a foot and
 * a numb or tingling leg stand for the numb-foot sign (the same flag) but
 * are said in their own words, never "a foot is numb"; a numb foot still
 * is. The words shown are the writer's. */
static void shown_reading(const char *note, char *out, size_t cap, struct rh_note_reading *nr)
{
    struct rh_err err;
    out[0] = '\0';
    CHECK_INT(rh_note_read(note, nr, &err), 0);
    for (int i = 0; i < nr->n; i++) {
        if (!rh_note_finding_shown(nr, i))
            continue;
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_note_finding_words(&nr->f[i], &b), 0);
        snprintf(out + strlen(out), cap - strlen(out), "%s[%s: %s]", out[0] ? " " : "",
                 nr->f[i].words, b.data ? b.data : "");
        rh_buf_release(&b);
    }
}

static void test_numb_tingle_words(void)
{
    static struct rh_note_reading nr;
    char got[600];
    shown_reading("pins and needles in my foot", got, sizeof got, &nr);
    CHECK(strstr(got, "[pins and needles in my foot: there are pins and needles or tingling in a foot]") != NULL);
    CHECK(strstr(got, "a foot is numb") == NULL);
    CHECK(nr.signs & RH_BIT(RH_SIGN_NUMB_FOOT));
    CHECK(nr.character & RH_BIT(RH_CHAR_TINGLING));
    shown_reading("numbness down the leg", got, sizeof got, &nr);
    CHECK(strstr(got, "a leg is numb") != NULL);
    CHECK(strstr(got, "a foot is numb") == NULL);
    CHECK(nr.signs & RH_BIT(RH_SIGN_NUMB_FOOT));
    shown_reading("tingling down my left leg since Monday", got, sizeof got, &nr);
    CHECK(strstr(got, "pins and needles or tingling down a leg") != NULL);
    CHECK(strstr(got, "a foot is numb") == NULL);
    shown_reading("my foot went numb", got, sizeof got, &nr);
    CHECK(strstr(got, "a foot is numb") != NULL);
    /* the flag is the same, and its reason names what was written */
    static const char *const notes[] = {"pins and needles in my foot", "numbness down the leg"};
    for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
        struct rh_triage t;
        struct rh_err err;
        struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1,
                                  .note = (char *)notes[i]};
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        CHECK(has_flag(&t, "neuro_deficit"));
        char words[RH_ASSESS_FLAG_WHY_LEN];
        rh_triage_flag_words(&t.flags[0], words, sizeof words);
        CHECK(strstr(words, notes[i]) != NULL); /* review 9 #5: the words written */
    }
    /* a reads word the wording does not know is refused */
    struct rh_err err;
    char kb[400];
    static const char temp[] = "[temperature]\nwords = temp\nfever_c = 38\nmax_c = 43\n"
                               "fever_f = 100.4\nmax_f = 110\nsets = signs:fever\nsource = s\n";
    snprintf(kb, sizeof kb, "%s[fact.x]\nsets = signs:numb_foot\nreads = leg_numb\nphrase = a\n"
             "source = s\n", temp);
    CHECK_INT(rh_note_kb_check(kb, strlen(kb), &err), 0);
    snprintf(kb, sizeof kb, "%s[fact.x]\nsets = signs:numb_foot\nreads = nope\nphrase = a\n"
             "source = s\n", temp);
    CHECK(rh_note_kb_check(kb, strlen(kb), &err) != 0);
    CHECK(strstr(err.msg, "no [note_read] word") != NULL);
}

static void test_signs_parse(void)
{
    uint32_t m;
    struct rh_err err;
    CHECK_INT(rh_triage_signs_parse("fever, limp", &m, &err), 0);
    CHECK_INT(m, RH_BIT(RH_SIGN_FEVER) | RH_BIT(RH_SIGN_LIMP));
    CHECK_INT(rh_triage_signs_parse("fever,sore", &m, &err), RH_EKEY);
    CHECK(strstr(err.msg, "signs: unknown word 'sore'") != NULL);
    /* cli.md: the words "as in intake lists": synonyms, none, no repeats */
    CHECK_INT(rh_triage_signs_parse("Cannot bear weight, numb-foot", &m, &err), 0);
    CHECK_INT(m, RH_BIT(RH_SIGN_CANNOT_BEAR_WEIGHT) | RH_BIT(RH_SIGN_NUMB_FOOT));
    CHECK_INT(rh_triage_signs_parse("none", &m, &err), 0);
    CHECK_INT(m, 0);
    CHECK_INT(rh_triage_signs_parse("fever, fever", &m, &err), RH_ESYNTAX);
    CHECK_INT(rh_triage_signs_parse("fever\nage = 5", &m, &err), RH_ESYNTAX);
    CHECK_INT(rh_triage_signs_parse("", &m, &err), 0);
    CHECK_INT(m, 0);
}

/* The diary's ticks that are no intake sign (review 8 #21: "wakes me at
 * night", "tingling"): offered by the terminal's --signs and the web's list,
 * and judged as the same words in a note (data/diary_phrases.txt [tick.*]). */
static void test_ticks(void)
{
    int night = rh_note_tick_find("wakes_at_night"), tingle = rh_note_tick_find("tingling");
    CHECK(night >= 0 && tingle >= 0 && rh_note_tick_count() >= 2);
    CHECK(rh_note_tick_find("fever") < 0 && !rh_note_tick_word(rh_note_tick_count()));
    CHECK_STR(rh_note_tick_label(night), "The pain wakes me at night");
    uint32_t m;
    struct rh_err err;
    CHECK_INT(rh_triage_signs_parse("fever, wakes_at_night,tingling", &m, &err), 0);
    CHECK_INT(m, RH_BIT(RH_SIGN_FEVER) | RH_BIT(RH_TICK_SHIFT + night) |
                     RH_BIT(RH_TICK_SHIFT + tingle));
    CHECK_INT(rh_triage_signs_parse("tingling", &m, &err), 0);
    CHECK_INT(m, RH_BIT(RH_TICK_SHIFT + tingle));
    CHECK_INT(rh_triage_signs_parse("tingling, tingling", &m, &err), RH_ESYNTAX);
    CHECK_INT(rh_triage_signs_parse("tingle", &m, &err), RH_EKEY);
    CHECK(strstr(err.msg, "wakes_at_night") && strstr(err.msg, "tingling)"));
    /* the tick and the note's words: the same flag, the same urgency */
    struct rh_triage by_tick, by_note;
    enum rh_disposition dt = entry_urgency(RH_LOC_OUTER, NULL, RH_BIT(RH_TICK_SHIFT + night), &by_tick);
    enum rh_disposition dn = entry_urgency(RH_LOC_OUTER, "the pain wakes me at night", 0, &by_note);
    CHECK_INT(dt, dn);
    CHECK(has_flag(&by_tick, "night_or_rest_pain") && has_flag(&by_note, "night_or_rest_pain"));
    CHECK(by_tick.note.worse_with == by_note.note.worse_with);
    /* the tick is no intake sign of the entry */
    CHECK_INT(by_tick.signs & RH_TICK_MASK, 0);
    /* a runner whose assessment said lying on the side hurts: that
     * positional night pain, as for the note (review 8 #5) */
    struct rh_intake in;
    rh_intake_init(&in);
    in.has_worse_with = true;
    in.worse_with = RH_BIT(RH_WORSE_LYING_ON_SIDE);
    in.age = 40;
    struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1};
    CHECK_INT(rh_triage_entry(&in, 3, &e, RH_BIT(RH_TICK_SHIFT + night), &by_tick, &err), 0);
    e.note = (char *)"the pain wakes me at night";
    CHECK_INT(rh_triage_entry(&in, 3, &e, 0, &by_note, &err), 0);
    CHECK_INT(by_tick.n_flags, by_note.n_flags);
    CHECK(!has_flag(&by_tick, "night_or_rest_pain"));
    /* tingling: what the note's "pins and needles" stands for */
    e.note = NULL;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, RH_BIT(RH_TICK_SHIFT + tingle), &by_tick, &err), 0);
    e.note = (char *)"pins and needles";
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &by_note, &err), 0);
    CHECK(by_tick.note.character == by_note.note.character && by_tick.note.character != 0);
    CHECK_INT(by_tick.n_flags, by_note.n_flags);
    /* the loader: a tick names a fact and is no intake sign's word */
    size_t len;
    char *text = test_slurp("data/diary_phrases.txt", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    CHECK_INT(rh_note_kb_check(text, len, &err), 0);
    static const char *const bad[] = {
        "\n[tick.x]\nlabel = X\nfact = nope\n", "\n[tick.fever]\nlabel = X\nfact = night\n",
        "\n[tick.x]\nfact = night\n", "\n[tick.x]\nlabel = X\nfact = night\ncolour = red\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t n = len + strlen(bad[i]);
        char *t = malloc(n + 1);
        if (!t)
            break;
        memcpy(t, text, len);
        memcpy(t + len, bad[i], strlen(bad[i]) + 1);
        CHECK(rh_note_kb_check(t, n, &err) != 0);
        free(t);
    }
    free(text);
}

static void test_loader_rejects(void)
{
    struct rh_err err;
    const char *bad[] = {
        "[fact.x]\nsets = signs:nope\nphrase = a\nsource = s\n",
        "[fact.x]\nsets = signs:fever\nphrase = a\nsource = s\nfoo = 1\n",
        "[nonsense]\nx = 1\n",
        "[fact.x]\nsets = signs:fever\nphrase = .. a\nsource = s\n",
        "[fact.x]\nsets = signs:fever\nphrase = a\nunless = two words\nsource = s\n",
        "[fact.x]\nsets = history:nope\nphrase = a\nsource = s\n",
        "[fact.x]\nsets = signs:fever\nphrase = a\npast = sometimes\nsource = s\n",
        "[fact.x]\nsets = onset:slowly\nphrase = a\nsource = s\n",
        "[fact.x]\nsets = signs:fever\nconcept = a b\nsource = s\n",
        "[fact.x]\nsets = signs:fever\nconcept = a & b\nreach = 99\nsource = s\n",
        "[matcher]\nconcept = a & b\n",
        "[fact.x]\nsets = note:nope\nphrase = a\nsource = s\n",
        /* session 27 (branch typo27): [typo] */
        "[typo]\nmin_length = 2\n", "[typo]\nreal_words = Ladder\n", "[typo]\nfoo = 1\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(rh_note_kb_check(bad[i], strlen(bad[i]), &err) != 0);
    /* session 10 (branch notes7dev): [more.NAME] adds unless words to a fact
     * given before it, and takes nothing else */
    static const char temp[] = "[temperature]\nwords = temp\nfever_c = 38\nmax_c = 43\n"
                               "fever_f = 100.4\nmax_f = 110\nsets = signs:fever\nsource = s\n"
                               "[fact.x]\nsets = signs:fever\nphrase = a\nsource = s\n";
    static const char *const more[] = {"[more.x]\nunless = b | c\nsource = s\n",
                                       "[more.nope]\nunless = b\n", "[more.x]\nphrase = b\n",
                                       "[more.x]\nunless = b\nunless = c\n"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        char kb[600];
        snprintf(kb, sizeof kb, "%s%s", temp, more[i]);
        int r = rh_note_kb_check(kb, strlen(kb), &err);
        CHECK(i == 0 ? r == 0 : r != 0);
        if (i == 1)
            CHECK(strstr(err.msg, "names no fact") != NULL);
    }
    /* session 13 (tidy13): what keeps a leak the bladder sign is data
     * ([fact.pelvic_leak] not_with), its words checked, in that fact only */
    static const struct {
        const char *add, *msg;
    } nw[] = {{"[fact.pelvic_leak]\nsets = note:stress_leak\nphrase = a\n"
               "not_with = signs:numb_foot, location:low_back\nsource = s\n", NULL},
              {"[fact.pelvic_leak]\nsets = note:stress_leak\nphrase = a\nsource = s\n",
               "diary_phrases.txt: [fact.pelvic_leak] needs not_with (what keeps a leak the "
               "bladder sign: back pain, pain down a leg, a numb or weak leg)"},
              {"[fact.pelvic_leak]\nsets = note:stress_leak\nphrase = a\n"
               "not_with = signs:numb_bum\nsource = s\n",
               "diary_phrases.txt: 'numb_bum' is not a word of intake key 'signs'"},
              {"[fact.pelvic_leak]\nsets = note:stress_leak\nphrase = a\n"
               "not_with = signs:numb_foot\nnot_with = location:low_back\nsource = s\n",
               "diary_phrases.txt: 'not_with' given twice"},
              {"[fact.y]\nsets = signs:fever\nphrase = b\nnot_with = signs:numb_foot\n"
               "source = s\n", "diary_phrases.txt: not_with is read in [fact.pelvic_leak] only"}};
    for (size_t i = 0; i < sizeof nw / sizeof nw[0]; i++) {
        char kb[800];
        snprintf(kb, sizeof kb, "%s%s", temp, nw[i].add);
        rh_err_clear(&err);
        int r = rh_note_kb_check(kb, strlen(kb), &err);
        CHECK_INT(r, nw[i].msg ? RH_EFORMAT : 0);
        if (nw[i].msg)
            CHECK_STR(err.msg, nw[i].msg);
    }
}

/* Session 33 (branch hyg33): a bad line names the file it is in, with that
 * file's own line number: a line of data/diary_voices.txt is no line of
 * diary_phrases.txt (it said so before), for the loader's own errors and the
 * key-value reader's alike; the shipped pair loads. */
static long count_lines(const char *t, size_t n)
{
    long l = 0;
    for (size_t i = 0; i < n; i++)
        l += t[i] == '\n';
    return l;
}

static void test_loader_names_its_file(void)
{
    size_t n1 = 0, n2 = 0;
    char *a = test_slurp("data/diary_phrases.txt", &n1);
    char *b = test_slurp("data/diary_voices.txt", &n2);
    CHECK(a != NULL && b != NULL && n1 > 0 && n2 > 0 && a[n1 - 1] == '\n' && b[n2 - 1] == '\n');
    static const struct {
        const char *add, *msg;
        long at; /* the bad line, counted from the end of the file */
    } bad[] = {{"\n[matcher]\nexpand2 = koors=fever\n", "unknown key 'expand2' in [matcher]", 3},
               {"\n[voices]\nexpand = koors=fever\n", "unknown section [voices]", 3},
               {"\n# a line with no key\nkoors fever\n", "expected 'key = value'", 3},
               /* session 33 (lead): a fact's unless_side is after or both */
               {"\n[fact.lead33]\nsets = signs:limp\nphrase = zzlimp\nunless_side = before\n"
                "source = design\n",
                "unless_side must be 'after' or 'both', not 'before'", 5}};
    char *t = malloc(n1 + n2 + 128);
    CHECK(t != NULL);
    if (!a || !b || !t || !n1 || !n2)
        goto out;
    struct rh_err err;
    rh_err_clear(&err);
    CHECK_INT(rh_note_kb_check_pair(a, n1, b, n2, &err), 0);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t k = strlen(bad[i].add);
        char want[160];
        /* in the phrase file */
        memcpy(t, a, n1);
        memcpy(t + n1, bad[i].add, k);
        rh_err_clear(&err);
        CHECK_INT(rh_note_kb_check_pair(t, n1 + k, b, n2, &err), RH_EFORMAT);
        snprintf(want, sizeof want, "diary_phrases.txt: %s", bad[i].msg);
        CHECK_STR(err.msg, want);
        CHECK_INT(err.line, count_lines(a, n1) + bad[i].at);
        /* the same line in the voices file names that file and its line */
        memcpy(t, b, n2);
        memcpy(t + n2, bad[i].add, k);
        rh_err_clear(&err);
        CHECK_INT(rh_note_kb_check_pair(a, n1, t, n2 + k, &err), RH_EFORMAT);
        snprintf(want, sizeof want, "diary_voices.txt: %s", bad[i].msg);
        CHECK_STR(err.msg, want);
        CHECK_INT(err.line, count_lines(b, n2) + bad[i].at);
    }
out:
    free(t);
    free(a);
    free(b);
}

/* Session 13 (branch diary14): [more.NAME] takes one explained_by too (a
 * benign cause in the finding's sentence or the next), once; a rewrite
 * table that is full says so, not that an entry is malformed. */
static void test_more_explained_and_full_tables(void)
{
    struct rh_err err;
    static const char base[] = "[temperature]\nwords = temp\nfever_c = 38\nmax_c = 43\n"
                               "fever_f = 100.4\nmax_f = 110\nsets = signs:fever\nsource = s\n"
                               "[fact.x]\nsets = signs:fever\nphrase = a\nsource = s\n";
    static const char *const more[] = {
        "[more.x]\nexplained_by = b | c\nsource = s\n",
        "[more.x]\nunless = d\nexplained_by = b\nsource = s\n",
        "[more.x]\nexplained_by = b\nexplained_by = c\n",
        "[more.x]\nexplained_by = b c\n",
    };
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        char kb[700];
        snprintf(kb, sizeof kb, "%s%s", base, more[i]);
        rh_err_clear(&err);
        int r = rh_note_kb_check(kb, strlen(kb), &err);
        CHECK(i < 2 ? r == 0 : r != 0);
    }
    /* more rewrites than the table holds (RH__NOTE_MAX_REWRITE + 40; session 32, branch dia29:
     * the limit is read from src/plan/plan_int.h, a fixed 1000 passed once the table held 1024;
     * session 27, branch n25ret: was 900 of 832; session 25, branch n23ret: was 800 of 704) */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_buf_append(&b, base, strlen(base)), 0);
    const char *head = "[matcher]\nrewrite = ";
    CHECK_INT(rh_buf_append(&b, head, strlen(head)), 0);
    for (int i = 0; i < RH__NOTE_MAX_REWRITE + 40; i++) {
        char one[48];
        int n = snprintf(one, sizeof one, "%sw%d=v", i ? " | " : "", i);
        if (i && i % 20 == 0)
            n = snprintf(one, sizeof one, "\nrewrite = w%d=v", i);
        CHECK_INT(rh_buf_append(&b, one, (size_t)n), 0);
    }
    CHECK_INT(rh_buf_append(&b, "\nsource = s\n", 12), 0);
    rh_err_clear(&err);
    CHECK(rh_note_kb_check(b.data, b.len, &err) != 0);
    CHECK(strstr(err.msg, "too many rewrite entries") != NULL);
    rh_buf_release(&b);
    /* the shipped words load */
    static struct rh_triage t;
    struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1,
                              .note = (char *)"Fell in the river. Hips: fine. Legs: muddy."};
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 0);
}

/* Session 13 (branch diary14): readings of the retired notes9 set whose
 * limits a note line cannot show alone: a label and a one-word answer are
 * one clause ("Hips: fine", "Night pain: none"), a longer answer keeps its
 * stop; a question someone asked without "if" is asked, unless answered
 * yes; the latest word on a finding wins only in the same words. */
static void test_notes9_readings(void)
{
    static const struct {
        const char *note;
        const char *flag; /* NULL: no flag */
    } cases[] = {
        {"Night pain: none. 8k easy", NULL},
        {"Night pain: yes, most nights this week", "night_or_rest_pain"},
        {"Coach: she fell at the start, hip pain after and limping", "trauma"},
        {"physio asked does it hurt at night - no. only on hills", NULL},
        {"physio asked does it hurt at night - yes, every night", "night_or_rest_pain"},
        {"physio asked if it hurts at night, yes every night", "night_or_rest_pain"},
        {"physio asked if it wakes me at night. No, never", NULL},
        {"physio asked if it wakes me at night or hurts at rest, no to both", NULL},
        {"fever on Sunday, today no more fever, easy 5k", NULL},
        {"no fever on Sunday, today fever of 39 and the hip is red", "fever_hot_joint"},
        {"it wakes me at night, I turn to the other side but it is the same", "night_or_rest_pain"},
        {"Friend has a stress fracture in her hip, on crutches, poor thing. I feel fine", NULL},
        {"Friend drove me to A&E, on crutches now, cannot put weight on my leg", "cannot_bear_weight"},
    };
    struct rh_err err;
    static struct rh_triage t;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1,
                                  .note = (char *)cases[i].note};
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        if (!cases[i].flag) {
            if (t.n_flags)
                fprintf(stderr, "  unexpected %s: %s\n", t.flags[0].id, cases[i].note);
            CHECK_INT(t.n_flags, 0);
        } else {
            if (!has_flag(&t, cases[i].flag))
                fprintf(stderr, "  missed %s: %s\n", cases[i].flag, cases[i].note);
            CHECK(has_flag(&t, cases[i].flag));
        }
    }
}

/* Session 23 (branch diary27): a fever the note's named infection explains,
 * the joints told spared, is no warning sign while the entry gives hip pain
 * under 5/10; the same note with pain of 5/10 or more (pain now, during the
 * run or the next morning) counts the fever again, and the reading says the
 * fever as told, not denied. A fever with no cause named, or with a hip
 * sign, stays urgent at any pain. */
static void test_spared_fever_entry_pain(void)
{
    static const char spared[] = "a cold with a temperature of 38.4, no joint pain at all";
    struct rh_err err;
    static struct rh_triage t;
    struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = -1, .next_morning = -1,
                              .note = (char *)spared};
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 0);
    bool denied = false;
    for (int i = 0; i < t.note.n; i++)
        denied |= t.note.f[i].negated && t.note.f[i].aside == RH_ASIDE_FEVER_SPARED;
    CHECK(denied);
    int *fields[] = {&e.pain, &e.during_run, &e.next_morning};
    for (size_t k = 0; k < 3; k++) {
        e.pain = 2, e.during_run = -1, e.next_morning = -1;
        *fields[k] = 5;
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        CHECK(has_flag(&t, "fever_hot_joint"));
        CHECK_INT((int)t.urgency, (int)RH_DISP_URGENT);
        for (int i = 0; i < t.note.n; i++)
            CHECK(t.note.f[i].aside != RH_ASIDE_FEVER_SPARED);
    }
    e.pain = 4, e.during_run = -1, e.next_morning = -1;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 0);
    e.pain = 0;
    e.note = (char *)"temperature of 38.4, no joint pain at all";
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "fever_hot_joint"));
    e.note = (char *)"a cold with a temperature of 38.4, no joint pain but the hip is swollen";
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "fever_hot_joint"));
}

/* Session 28 (branch n26ret): the ways of writing the retired notes26
 * showed (tests/notes/README.md "Session 28, branch n26ret"), each with a
 * note that must still raise its flag or stay quiet: a body word's "'s" is
 * "is" (contracted_is); a finding taken up by a pronoun after a comma is
 * denied by a cue after the pronoun (resume), and only then; words of Greek
 * and Swahili; spellings by sound; a joint told spared by a flu's fever; a
 * weight loss told intended or with a food cut out; walking "but only
 * just"; "going downhill fast" on its own, not on a slope; a fall from a
 * height, same day at 60 or over, within days younger. The context is the
 * latest assessment's answers, as in notes.txt ("-": none). */
/* A note read with its context (answers of an earlier assessment, "-" none):
 * the flag it must raise (NULL: none) at the urgency given (-1: any). */
struct ctx_note {
    const char *ctx, *note;
    const char *flag;
    int urgency;
};

/* Each case's note read as one diary entry (pain 3) and checked against its
 * flag and urgency; a miss is named on stderr (session 32: one loop for the
 * readings' tests, n26ret's and dia29's). */
static void check_ctx_notes(const struct ctx_note *cases, size_t n)
{
    struct rh_err err;
    static struct rh_triage t;
    for (size_t i = 0; i < n; i++) {
        struct rh_intake in;
        bool ctx = strcmp(cases[i].ctx, "-") != 0;
        if (ctx)
            CHECK_INT(rh_intake_parse(cases[i].ctx, strlen(cases[i].ctx), &in, &err), 0);
        struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1,
                                  .note = (char *)cases[i].note};
        CHECK_INT(rh_triage_entry(ctx ? &in : NULL, 0, &e, 0, &t, &err), 0);
        if (!cases[i].flag) {
            if (t.n_flags)
                fprintf(stderr, "  unexpected %s: %s\n", t.flags[0].id, cases[i].note);
            CHECK_INT(t.n_flags, 0);
            continue;
        }
        if (!has_flag(&t, cases[i].flag))
            fprintf(stderr, "  missed %s: %s\n", cases[i].flag, cases[i].note);
        CHECK(has_flag(&t, cases[i].flag));
        if (cases[i].urgency >= 0) {
            if ((int)t.urgency != cases[i].urgency)
                fprintf(stderr, "  urgency %s, want %s: %s\n", rh_disposition_name(t.urgency),
                        rh_disposition_name((enum rh_disposition)cases[i].urgency), cases[i].note);
            CHECK_INT((int)t.urgency, cases[i].urgency);
        }
    }
}

static void test_n26ret_readings(void)
{
    static const struct ctx_note cases[] = {
        {"-", "me right foot's slappin the floor when I run", "neuro_deficit", -1},
        {"-", "my left leg's gone weak and the foot's dragging", "neuro_deficit", -1},
        {"-", "The pain at night, it is gone! I sleep like a baby", NULL, -1},
        {"-", "the night pain, they say it is gone but it woke me at 3 again", "night_or_rest_pain", -1},
        {"-", "The pain at night, it is there every night, none of the pills help", "night_or_rest_pain", -1},
        {"-", "the groin ponaei when I walk, even to the kitchen", "stress_fracture_signs", -1},
        {"-", "nina homa since yesterday and the hip is swollen", "fever_hot_joint", RH_DISP_URGENT},
        {"-", "hip getting wurse evry day", "worsening_fast", -1},
        {"-", "lost 3 kilo on perpose with the app, feel faster", NULL, -1},
        {"-", "lost 3 kilo without trying, sweating at night", "cancer_or_weight_loss", -1},
        {"-", "I have lost 5 kg since January, this was intended.", NULL, -1},
        {"-", "Lost a few kilos, cut out the pies. Feel better for it", NULL, -1},
        {"-", "Had a cold, bit of a temp, stayed in. Nothing wrong with the hip", NULL, -1},
        {"-", "I have the flu, fever 38.5. The hip itself is normal, only I feel old", NULL, -1},
        {"-", "I have the flu, fever 38.5. The hip itself is normal but swollen and hot", "fever_hot_joint",
         RH_DISP_URGENT},
        {"-", "fell on my hip on the ice, can walk but only just", "trauma", RH_DISP_URGENT},
        {"-", "fell on my hip on the ice, it hurts to walk", "trauma", RH_DISP_SEE_DOCTOR_SOON},
        {"-", "could barely get round the parkrun, legs dead", NULL, -1},
        {"-", "Hip was sore Monday, now it aches on every walk. Going downhill fast", "worsening_fast", -1},
        {"-", "my quads hurt going downhill fast on the trail", NULL, -1},
        {"age = 64", "fell off the ladder onto my side, hip sore", "trauma", RH_DISP_URGENT},
        {"age = 40", "fell off the ladder onto my side, hip sore", "trauma", RH_DISP_SEE_DOCTOR_SOON},
        {"age = 64", "my husband fell off a ladder, I spent the day in A&E with him. Hip fine", NULL, -1},
    };
    check_ctx_notes(cases, sizeof cases / sizeof cases[0]);
}

/* Session 32 (branch dia29): the readings of the retired notes29 (brought
 * over from the unmerged branch n29ret, narrowed) and notes30, each with a
 * note it must raise and a near miss that must stay quiet or lower; the
 * context is the latest assessment's answers, as in notes.txt ("-": none). */
static void test_dia29_readings(void)
{
    static const struct ctx_note cases[] = {
        /* the voices' words: fever, chills, a cold, a limp, the groin */
        {"-", "febbre 39 and the hip is hot", "fever_hot_joint", RH_DISP_URGENT},
        {"-", "my mum has febbre since Sunday, I look after her. My hip is fine", NULL, -1},
        {"-", "Fieber since yesterday and Schuettelfrost, the groin hurts when I move",
         "fever_hot_joint", RH_DISP_URGENT},
        {"-", "Erkaeltung, temp 38, in bed, no joint pain, hip totally normal", NULL, -1},
        {"-", "fell off the bike onto my hip, hirpling since and it's swollen an black", "trauma",
         RH_DISP_URGENT},
        {"-", "hirpled the last mile with a stitch, hip fine once I stopped", NULL, -1},
        /* gone: "weg" and "away noo" only where a finding is told gone */
        {"-", "the pain at night is weg, sleeping through", NULL, -1},
        {"-", "the night pain's away noo, slept like a log", NULL, -1},
        {"-", "tripped on the weg and landed on my hip, can't put weight on it", "trauma",
         RH_DISP_URGENT},
        {"-", "noo it wakes me every night, the hip", "night_or_rest_pain", -1},
        /* a voice's word with the voice's negation */
        {"-", "kein Fieber, hip ok, 8k easy", NULL, -1},
        {"-", "senza febbre, ran 10k", NULL, -1},
        {"-", "Fieber? nein. Hip fine", NULL, -1},
        {"-", "l'anca non mi fa male, ho la febbre 38, influenza", NULL, -1},
        {"-", "estou sem febre, hip good, ran 8k", NULL, -1},
        {"-", "Fieber weg, hip ok, 5k easy", NULL, -1},
        {"-", "la febbre e passata, hip ok", NULL, -1},
        /* the voices' kin: their fever is theirs */
        {"-", "Tochter hat Fieber, I stayed home, hip fine", NULL, -1},
        {"-", "la nonna ha la febbre, hip fine", NULL, -1},
        {"-", "Tochter hat Fieber and now I have fever 39 too and the hip is hot", "fever_hot_joint",
         RH_DISP_URGENT},
        {"-", "febre 39 desde ontem and the hip is hot and swollen", "fever_hot_joint", RH_DISP_URGENT},
        {"-", "Fieber 39 und Schuettelfrost, the hip is hot", "fever_hot_joint", RH_DISP_URGENT},
        /* other people; a worry a clinician corrected */
        {"-", "my roommate twisted his ankle and cannot walk, my hip is fine", NULL, -1},
        {"-", "My abi had knee surgery and cannot walk yet, I run alone now. Hip is fine", NULL, -1},
        {"-", "Worried it was a hernia, the GP says no lump, just a strained adductor", NULL, -1},
        {"-", "worried it was a hernia, now there is a lump just a bit bigger when I cough",
         "groin_lump", -1},
        {"-", "lowkey scared it was a hernia but doc checked, just a tight adductor", NULL, -1},
        {"-", "worried it was a hernia and it is, doc felt the lump, just a small one", "groin_lump",
         -1},
        {"-", "the pain at night is weg, but now my foot is numb", "neuro_deficit", -1},
        /* a Vespa that hits; not one that nearly does, not a wasp */
        {"-", "a Vespa clipped me at the lights, landed on my hip", "trauma", RH_DISP_URGENT},
        {"-", "a Vespa nearly hit me at the lights, jumped back, all fine", NULL, -1},
        /* worse every hour, hour first; not the weather */
        {"-", "yesterday a twinge in the groin, now each hour it gets worse", "worsening_fast",
         RH_DISP_URGENT},
        {"-", "every hour the weather forecast gets worse, might skip the run", NULL, -1},
        {"-", "each hour sitting in the cab it gets worse, eases when I get out and walk", NULL, -1},
        {"-", "every hour of the ultra it got worse and worse, the blisters, hip fine", NULL, -1},
        /* walking only with severe pain after a fall; "very painful" stays within days */
        {"-", "slipped off the stepladder onto my hip, can walk but with big pain", "trauma",
         RH_DISP_URGENT},
        {"-", "fell down from a rock onto my hip, I can walk but it is very painful", "trauma",
         RH_DISP_SEE_DOCTOR_SOON},
        {"-", "can walk but running is very painful still after the long run", NULL, -1},
        /* swollen and black after a fall; purple stays a bruise */
        {"-", "came off my bike onto the hip, it's swollen and black", "trauma", RH_DISP_URGENT},
        {"-", "a bike hit me and I fell on the hip, it is swollen and purple", "trauma",
         RH_DISP_SEE_DOCTOR_SOON},
        {"-", "bruise on my hip is black and swollen, going down now, ran 5k", NULL, -1},
        /* thrown onto the hip; not a flight */
        {"-", "car door opened, I flew onto the hip, can walk but krass pain", "trauma",
         RH_DISP_URGENT},
        {"-", "flew to Berlin on Friday, marathon Sunday, hip fine", NULL, -1},
        {"-", "the ball flew onto my hip at the park, tiny bruise, ran fine", NULL, -1},
        /* a pain unlike a muscle's, or nothing to do with running, after a cancer */
        {"history = cancer", "ache deep in the hip this week, not like a muscle at all",
         "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON},
        {"history = cancer", "a deep ache in the pelvis that's nowt to dee wi' runnin'",
         "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON},
        {"-", "my hip ache is nothing to do with running, I pulled it lifting boxes", NULL, -1},
        {"age = 62\nhistory = cancer",
         "the ache is not like the muscle ache I had before, easier, more a stiffness", NULL, -1},
        {"history = cancer", "hip hurting since Tuesday, not like muscle", NULL, -1},
        {"history = cancer", "my hip ache is nothing to do with running, it's the new office chair",
         NULL, -1},
        /* a vehicle by a voice's own word */
        {"-", "some fella on a four-wheeler clipped me, landed on my hip", "trauma", RH_DISP_URGENT},
        {"-", "the quad pain hit me at mile 20, hip fine", NULL, -1},
        {"-", "car door hit my hip getting out, tiny bruise, ran 5k fine", NULL, -1},
        {"-", "on the tram someone hit my hip with a bag, hip fine, ran 5k", NULL, -1},
        {"-", "got hit by a bag on the tram, bit of a bruise, ran fine", NULL, -1},
        {"-", "a microbus hit my leg at the crossing and I fell on the hip", "trauma", RH_DISP_URGENT},
        {"-", "took a minibus back from the race, legs tired, hip fine", NULL, -1},
        /* a big swelling after a fall; not a big haematoma walked on, not an ankle */
        {"-", "fell hard on the ice onto my hip, there is big swelling now", "trauma", RH_DISP_URGENT},
        {"-", "fell at km 38 onto my hip, big haematoma, walked and jogged the last 30k", "trauma",
         RH_DISP_SEE_DOCTOR_SOON},
        {"-", "big swelling on my ankle after rolling it, hip fine", NULL, -1},
        /* a pain that does not care if I run: constant; not "no pain either way" */
        {"-", "hip ache for weeks that does not care if I run or not", "night_or_rest_pain", -1},
        {"-", "doesn't matter if I run or not, the hip is completely pain free now", NULL, -1},
        {"-", "groin throbs on the sofa, doesn't matter if I sit or lie", "night_or_rest_pain", -1},
        /* false alarms of notes30: nothing swollen, the hip and everything fine,
         * a grandparent, the heat, a cold caught off someone */
        {"-", "flu, temperature 38, in bed. The hip does not hurt, nothing swollen", NULL, -1},
        {"-", "flu, temperature 38, in bed. The hip hurts and it is swollen", "fever_hot_joint",
         RH_DISP_URGENT},
        {"-", "Got a cold, lil fever. Hip an everything else feel fine", NULL, -1},
        {"-", "My paw-paw broke his hip an can't walk since. My hips good though", NULL, -1},
        {"-", "my paw-paw and I both fell on the ice, I can't put weight on my leg", "trauma",
         RH_DISP_URGENT},
        {"-", "Sweating a lot at night because the air conditioner is broken. Hip fine", NULL, -1},
        {"-", "Sweating a lot at night, soaked the sheets, lost weight. Hip aches", "cancer_or_weight_loss",
         -1},
        {"-", "Got the cold off the grandbairns, bit of a temperature. Hip's fine, nowt swollen", NULL,
         -1},
        /* walking with an intensified soreness: pain on walking, so the same
         * day after a fall at 60 or over, within days under 60 */
        {"age = 63", "tripped on the cobbles, landed on me hip, can walk but it's mortal sore",
         "trauma", RH_DISP_URGENT},
        {"age = 40", "tripped on the cobbles, landed on me hip, can walk but it's proper sore",
         "trauma", RH_DISP_SEE_DOCTOR_SOON},
        {"age = 63", "can walk but it's dead sore in the calves after the marathon, hip fine", NULL,
         -1},
        /* severe pain with a swelling coming up after a fall: the same day
         * (red_flags.txt [trauma]); the swelling alone stays within days */
        {"-", "knocked down by a cyclist, slammed my hip on the curb, mad pain and it's swelling up",
         "trauma", RH_DISP_URGENT},
        {"-", "knocked down by a cyclist, slammed my hip on the curb, it's swelling up a bit", "trauma",
         RH_DISP_SEE_DOCTOR_SOON},
        {"-", "mad pain in the quads after the hill reps lol, hip fine", NULL, -1},
        /* the older judgement kept (test_review7b_weak_leg): a leg that gives
         * way with a numb foot is a doctor within days, not the same day */
        {"-", "back sore, now my knee gives way on the stairs and my foot is numb", "neuro_deficit",
         RH_DISP_SEE_DOCTOR_SOON},
    };
    check_ctx_notes(cases, sizeof cases / sizeof cases[0]);
}

/* A blind set of diary notes (tests/notes/blind/README.md): written by an
 * author who never saw the note reader, its words or the set above, split
 * once into dev.txt (tuned on, notes named) and test.txt (frozen: only these
 * figures are read). Its author judged each note alone, so a flag note
 * counts as caught when the entry raises a red flag at least as urgent as
 * the author's (the flag's name may differ: "had to hop home" may be read as
 * cannot_bear_weight or trauma); the exact flag is printed too. */
struct blind_fig {
    const char *path;
    int quiet;
    int flag_n, safe, same_flag, benign_n, alarm;
};

/* The facts the reader found in a note, "!" before a negated one. */
static const char *facts_read(const struct rh_triage *t, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < t->note.n; i++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s%s(%s)", i ? " " : "",
                 t->note.f[i].negated ? "!" : "", t->note.f[i].fact, t->note.f[i].words);
    return out;
}

/* One note of a blind half; its context field is "-" or, since notes7,
 * the answers of the runner's latest assessment as in notes.txt. */
static void blind_note(void *arg, int line, char *expect, char *ctx, char *note)
{
    struct blind_fig *bf = arg;
    const char *path = bf->path;
    int quiet = bf->quiet;
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_intake in;
    bool have_ctx = strcmp(ctx, "-") != 0;
    if (have_ctx) {
        for (char *p = ctx; *p; p++)
            if (*p == ';')
                *p = '\n';
        if (rh_intake_parse(ctx, strlen(ctx), &in, &err)) {
            fprintf(stderr, "%s:%d: bad context: %s\n", path, line, quiet ? "(test half)" : err.msg);
            CHECK(0);
            return;
        }
    }
    struct rh_pain_entry e = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = note};
    struct rh_triage t;
    int r = rh_triage_entry(have_ctx ? &in : NULL, 0, &e, 0, &t, &err);
    CHECK_INT(r, 0);
    if (r)
        return;
    int want = -1, same = 0;
    char buf[256], facts[600];
    snprintf(buf, sizeof buf, "%s", expect);
    char *save = NULL;
    /* flags separated by spaces (earlier sets) or commas (blind4's author) */
    for (char *w = strtok_r(buf, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
        char *c = strchr(w, ':');
        if (strcmp(w, "-") == 0 || !c)
            continue;
        *c = '\0';
        enum rh_disposition d;
        int ok = rh_disposition_parse(c + 1, &d) == 0;
        CHECK(ok);
        if (ok && (int)d > want)
            want = (int)d;
        for (int i = 0; i < t.n_flags; i++)
            same |= strcmp(t.flags[i].id, w) == 0;
    }
    if (want >= 0) {
        bf->flag_n++;
        int safe = t.n_flags > 0 && t.has_urgency && (int)t.urgency >= want;
        bf->safe += safe;
        bf->same_flag += same;
        if (!safe && !quiet)
            fprintf(stderr, "%s:%d: MISSED \"%s\": want %s, got %s, read [%s]\n", path, line,
                    note, expect, t.n_flags ? rh_disposition_name(t.urgency) : "no flag",
                    facts_read(&t, facts, sizeof facts));
        if (!safe && quiet)
            fprintf(stderr, "(a test-half note): red flag missed or too little urgency\n");
    } else {
        bf->benign_n++;
        bf->alarm += t.n_flags > 0;
        if (t.n_flags && !quiet)
            fprintf(stderr, "%s:%d: false alarm \"%s\": %s, read [%s]\n", path, line, note,
                    t.flags[0].id, facts_read(&t, facts, sizeof facts));
    }
}

/* Scores one blind half; returns -1 if the file is absent (not landed). */
static int score_blind(const char *path, int quiet, struct blind_fig *bf)
{
    *bf = (struct blind_fig){.path = path, .quiet = quiet};
    return read_notes(path, blind_note, bf);
}

static void print_blind(const char *name, const struct blind_fig *bf)
{
    printf("FIGURE blind notes %s: %d red-flag notes, %d flagged at least as urgently as the "
           "author (%.1f%%), %d with the author's own flag; %d benign notes, %d false alarms "
           "(%.1f%%)\n",
           name, bf->flag_n, bf->safe, bf->flag_n ? 100.0 * bf->safe / bf->flag_n : 100.0,
           bf->same_flag, bf->benign_n, bf->alarm,
           bf->benign_n ? 100.0 * bf->alarm / bf->benign_n : 0.0);
}

/* The blind note sets and the level each half must keep: how many flag
 * notes it may miss and the most false alarms in percent, as recorded in
 * its README. The bar is 100% caught and at most 5% false alarms; these
 * only stop a figure from getting worse. */
static const struct blind_set {
    const char *path, *name;
    int quiet, allow_miss, max_alarm_pct;
} blind_sets[] = {
    {"tests/notes/blind/dev.txt", "dev", 0, 0, 1},
    /* session 9 (branch notesr): the test halves of blind, blind2 and blind3
     * are RETIRED (tests/notes/README.md): read, tuned on and named like a
     * dev half. At retirement 35/45 4/65, 38/50 6/70, 44/54 13/66; after
     * notesr 45/45 0/65, 49/50 1/70, 52/54 3/66 (notes.txt 365/365, 0/307) */
    {"tests/notes/blind/test.txt", "test", 0, 0, 1},
    {"tests/notes/blind2/dev.txt", "2 dev", 0, 0, 2}, /* notes6: 49 -> 50/50 */
    {"tests/notes/blind2/test.txt", "2 test", 0, 1, 2},
    {"tests/notes/blind3/dev.txt", "3 dev", 0, 1, 1}, /* note26: 52 -> 53/54 */
    {"tests/notes/blind3/test.txt", "3 test", 0, 0, 5}, /* diary10: 52 -> 54/54 */
    {"tests/notes/blind4/dev.txt", "4 dev", 0, 0, 1}, /* tuned on from notes8: 39 -> 52/52, 7 -> 0/68 alarms */
    {"tests/notes/blind4/test.txt", "4 test", 1, 8, 8}, /* notes5: 37 -> 39/53; notesr: 40 -> 42/53, 8 -> 6/67 alarms; session 33 (dia39, FIGURE only): 45/53, 5/67 */
    {"tests/notes/blind5/dev.txt", "5 dev", 0, 0, 1}, /* first run 38/50, 7/70; notes9 49/50, 0/70; note26 50/50 */
    {"tests/notes/blind5/test.txt", "5 test", 1, 3, 3}, /* first run 40/50, 5/70; notes9 41/50, 5/70; notesr 43/50, 3/70; session 27 (n25ret) 46/50, 3/70; session 28 (lay28) 47/50, 2/70 */
    {"tests/notes/blind6/dev.txt", "6 dev", 0, 0, 3}, /* first run 42/50, 14/70; notes6dev 50/50, 2/70 */
    /* session 10 (branch diary10): the test half of blind6 is RETIRED
     * (tests/notes/README.md "Session 10"): read, tuned on and named like a
     * dev half. First run 40/50, 14/70; notes6dev 41/50, 12/70; at
     * retirement (main f5c9dea) 41/50, 13/70; after diary10 50/50, 1/70 */
    {"tests/notes/blind6/test.txt", "6 test", 0, 0, 2},
    /* session 10 (branch sets10): the seventh set, two new authors; first run
     * recorded in tests/notes/notes7/README.md before anything was changed */
    /* session 10 (branch notes7dev): dev tuned on, 38 -> 51/51, 8 -> 0/69 */
    {"tests/notes/notes7/dev.txt", "7 dev", 0, 0, 1}, /* first run 38/51, 8/69 */
    /* session 11 (branch diary12): the test half of notes7 is RETIRED
     * (tests/notes/README.md "Session 11"): read, tuned on and named like a
     * dev half. First run 41/52, 13/68; notes7dev 42/52, 12/68; at
     * retirement (main 1cff470) 41/52, 12/68 */
    {"tests/notes/notes7/test.txt", "7 test", 0, 0, 1}, /* diary12: 52/52, 0/68 */
    /* session 11 (branch sets13): the eighth set, two new authors; first run
     * recorded in tests/notes/notes8/README.md before anything was changed */
    /* session 11 (branch notes8dev): dev tuned on, 42 -> 50/50, 9 -> 0/70 */
    {"tests/notes/notes8/dev.txt", "8 dev", 0, 0, 1}, /* first run 42/50, 9/70 */
    /* session 12 (branch diary13): the test half of notes8 is RETIRED
     * (tests/notes/README.md "Session 12, branch diary13"): read, tuned on
     * and named like a dev half. First run 43/50, 10/70; notes8dev 44/50,
     * 10/70; at retirement (main 16ba4ca) 46/50, 9/70 */
    {"tests/notes/notes8/test.txt", "8 test", 0, 0, 1}, /* diary13: 50/50, 0/70 */
    /* session 12 (branch sets14): the ninth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes9/README.md before anything of
     * session 12 was merged */
    /* session 13 (branch diary14): notes9 is RETIRED (tests/notes/README.md
     * "Session 13, branch diary14"): read, tuned on and named like a dev
     * half. First run 46/50, 16/70; at retirement (main 99562a9) 46/50,
     * 16/70 */
    {"tests/notes/notes9/test.txt", "9 test", 0, 0, 1}, /* diary14: 50/50, 0/70 */
    /* session 13 (branch sets15): the tenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes10/README.md before anything of
     * session 13 was merged */
    /* session 14 (branch diary15): notes10 is RETIRED (tests/notes/README.md
     * "Session 14, branch diary15"): read, tuned on and named like a dev
     * half. First run 44/50, 8/70; at retirement (main 7d3d86a) 44/50,
     * 8/70 */
    {"tests/notes/notes10/test.txt", "10 test", 0, 0, 1}, /* first run 44/50, 8/70; diary15: 50/50, 0/70 */
    /* session 14 (branch sets16): the eleventh set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes11/README.md before anything of
     * session 14 was merged */
    /* session 15 (branch diary16): notes11 is RETIRED (tests/notes/README.md
     * "Session 15, branch diary16"): read, tuned on and named like a dev
     * half. First run 36/50, 11/70; at retirement (main 070adfc) 36/50,
     * 11/70 */
    {"tests/notes/notes11/test.txt", "11 test", 0, 0, 3}, /* first run 36/50, 11/70; diary16: 48/50, 6/70; diary17: 49/50, 3/70; note26: 50/50, 2/70 */
    /* session 15 (branch sets17): the twelfth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes12/README.md before anything of
     * session 15 was merged */
    /* session 16 (branch diary17): notes12 is RETIRED (tests/notes/README.md
     * "Session 16, branch diary17"): read, tuned on and named like a dev
     * half. First run 42/50, 8/70; at retirement (main 4687f05) 45/50,
     * 8/70 */
    {"tests/notes/notes12/test.txt", "12 test", 0, 0, 1}, /* first run 42/50, 8/70; diary17: 50/50, 0/70 */
    /* session 16 (branch sets19): the thirteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes13/README.md before anything of
     * session 16 was merged */
    /* session 17 (branch diary18): notes13 is RETIRED (tests/notes/README.md
     * "Session 17, branch diary18"): read, tuned on and named like a dev
     * half. First run 40/50, 15/70; at retirement (integ a1f2c2f) 40/50,
     * 13/70 */
    {"tests/notes/notes13/test.txt", "13 test", 0, 0, 2}, /* first run 40/50, 15/70; diary18: 49/50, 1/70; diary20: 50/50, 1/70 */
    /* session 17 (branch sets20): the fourteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes14/README.md before anything of
     * session 17 was merged */
    /* session 18 (branch diary20): notes14 is RETIRED (tests/notes/README.md
     * "Session 18, branch diary20"): read, tuned on and named like a dev
     * half. First run 41/50, 9/70; at retirement (main 9818865) 41/50,
     * 9/70 */
    {"tests/notes/notes14/test.txt", "14 test", 0, 0, 2}, /* first run 41/50, 9/70; diary20: 50/50, 1/70 */
    /* session 18 (branch sets21): the fifteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes15/README.md before anything of
     * session 18 was merged */
    /* session 18 (branch diary21): notes15 is RETIRED (tests/notes/README.md
     * "Session 18, branch diary21"): read, tuned on and named like a dev
     * half. First run 42/50, 9/70; at retirement (integ e1ae3bf) 42/50,
     * 8/70 */
    {"tests/notes/notes15/test.txt", "15 test", 0, 1, 6}, /* first run 42/50, 9/70; diary21: 46/50, 6/70; n24ret: 47/50, 4/70; note26: 49/50, 4/70 */
    /* session 18 (branch sets22): the sixteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes16/README.md before anything of
     * session 18 was merged */
    /* session 19 (branch diary22): notes16 is RETIRED (tests/notes/README.md
     * "Session 19, branch diary22"): read, tuned on and named like a dev
     * half. First run 45/50, 7/70; at retirement (main 0d42340) 45/50,
     * 7/70 */
    {"tests/notes/notes16/test.txt", "16 test", 0, 0, 3}, /* first run 45/50, 7/70; diary22: 48/50, 2/70; note26: 50/50, 2/70 */
    /* session 19 (branch sets23): the seventeenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes17/README.md on main 0d42340's
     * reader, before anything of session 19 was merged */
    /* session 20 (branch diary24): notes17 is RETIRED (tests/notes/README.md
     * "Session 20, branch diary24"): read, tuned on and named like a dev
     * half. First run 43/50, 5/70; at retirement (integ a7a770f) 43/50,
     * 5/70 */
    {"tests/notes/notes17/test.txt", "17 test", 0, 0, 1}, /* first run 43/50, 5/70; diary24: 50/50, 2/70; diary25: 50/50, 0/70 */
    /* session 20 (branch sets24): the eighteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set (no development half): first
     * run recorded in tests/notes/notes18/README.md on integ a7a770f's
     * reader (the end of session 19), before anything of session 20 was
     * merged */
    /* session 21 (branch diary25): notes18 is RETIRED (tests/notes/README.md
     * "Session 21, branch diary25"): read, tuned on and named like a dev
     * half. First run 48/50, 9/70; at retirement (integ 2a45b4c) 48/50,
     * 9/70 */
    {"tests/notes/notes18/test.txt", "18 test", 0, 0, 1}, /* first run 48/50, 9/70; diary25: 50/50, 0/70 */
    /* session 21 (branch sets25): the nineteenth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run recorded in
     * tests/notes/notes19/README.md on main 2a45b4c's reader (the end of
     * session 20), before anything of session 21 was merged */
    /* session 22 (branch diary26): notes19 is RETIRED (tests/notes/README.md
     * "Session 22, branch diary26"): read, tuned on and named like a dev
     * half. First run 46/50, 3/70; at retirement (main 09c6d63) 46/50,
     * 3/70 */
    {"tests/notes/notes19/test.txt", "19 test", 0, 0, 1}, /* first run 46/50, 3/70; diary26: 50/50, 0/70 */
    /* session 22 (branch sets26): the twentieth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run recorded in
     * tests/notes/notes20/README.md on main 09c6d63's reader (the end of
     * session 21), before anything of session 22 was merged */
    /* session 23 (branch diary27): notes20 is RETIRED (tests/notes/README.md
     * "Session 23, branch diary27"): read, tuned on and named like a dev
     * half. First run 46/50, 7/70; at retirement (main 5f0790c9) 46/50,
     * 7/70 */
    {"tests/notes/notes20/test.txt", "20 test", 0, 0, 1}, /* first run 46/50, 7/70; diary27: 50/50, 0/70 */
    /* session 23 (branch sets27): the twenty-first set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run recorded in
     * tests/notes/notes21/README.md on main 5f0790c9's reader (the end of
     * session 22), before anything of session 23 was merged */
    /* session 24 (branch notes24): notes21 is RETIRED (tests/notes/README.md
     * "Session 24, branch notes24"): read, tuned on and named like a dev
     * half. First run 40/50, 10/70; at retirement (main 06479a15) 41/50,
     * 9/70 */
    {"tests/notes/notes21/test.txt", "21 test", 0, 0, 0}, /* first run 40/50, 10/70; notes24: 50/50, 0/70 */
    /* session 24 (branch sets28): the twenty-second set, 120 notes by one
     * new author, kept WHOLE as a frozen test set: first run recorded in
     * tests/notes/notes22/README.md on main 06479a15's reader (the end of
     * session 23), before anything of session 24 was merged */
    /* session 25 (branch notes25): notes22 is RETIRED (tests/notes/README.md
     * "Session 25, branch notes25"): read, tuned on and named like a dev
     * half. First run 46/50, 12/70; at retirement (main 385a5e74) 46/50,
     * 12/70 */
    {"tests/notes/notes22/test.txt", "22 test", 0, 0, 0}, /* first run 46/50, 12/70; notes25: 50/50, 0/70 */
    /* session 25 (branch integ): the twenty-third set, 120 notes by one
     * new author, kept WHOLE as a frozen test set: first run recorded in
     * tests/notes/notes23/README.md on main 385a5e74's reader (the end of
     * session 24), before anything of session 25 was merged */
    /* session 25 (branch n23ret): notes23 is RETIRED (tests/notes/README.md
     * "Session 25, branch n23ret"): read, tuned on and named like a dev
     * half. First run 40/50, 5/70; at retirement (integ 6f394bbf) 40/50,
     * 5/70 */
    {"tests/notes/notes23/test.txt", "23 test", 0, 0, 0}, /* first run 40/50, 5/70; n23ret: 49/50, 0/70; n24ret: 50/50, 0/70 */
    /* session 25 (end): the twenty-fourth set, 120 notes by one new
     * author written while the session's tuning went on, kept WHOLE as a
     * frozen test set: first run on the session's final reader, recorded
     * in tests/notes/notes24/README.md */
    /* session 26: notes24 is RETIRED at the session's start (figures of
     * its one run recorded in tests/notes/notes24/README.md, unchanged on
     * main 9629b1cd): read, tuned on and named like a dev half; its
     * allowance stays an upper bound. Session 26 (branch n24ret): every
     * miss and false alarm read (tests/notes/README.md "Session 26, branch
     * n24ret"), the allowance tightened to the new level */
    {"tests/notes/notes24/test.txt", "24 test", 0, 0, 0}, /* first run 48/50, 7/70; n24ret: 50/50, 0/70 */
    /* session 26 (start): the twenty-fifth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * 9629b1cd's reader (the end of session 25), before anything of
     * session 26 was merged, recorded in tests/notes/notes25/README.md */
    /* session 27: notes25 is RETIRED at the session's start (its first
     * run, unchanged at the end of session 26, recorded in
     * tests/notes/notes25/README.md): read, tuned on and named like a dev
     * half; its allowance stays an upper bound. Session 27 (branch
     * n25ret, tests/notes/README.md "Session 27, branch n25ret"): every
     * miss and false alarm read; tightened to that level */
    {"tests/notes/notes25/test.txt", "25 test", 0, 1, 0}, /* first run 36/50, 8/70; n25ret: 49/50, 0/70 */
    /* session 26 (end): the twenty-sixth set, 120 notes by one new
     * author written while the session's tuning went on, kept WHOLE as a
     * frozen test set: first run on the session's final reader, recorded
     * in tests/notes/notes26/README.md */
    /* session 28: notes26 is RETIRED at the session's start (its first
     * run, unchanged since, recorded in tests/notes/notes26/README.md):
     * read, tuned on and named like a dev half; its allowance stays an
     * upper bound. Session 28 (branch n26ret, tests/notes/README.md
     * "Session 28, branch n26ret"): every miss and false alarm read;
     * tightened to that level */
    {"tests/notes/notes26/test.txt", "26 test", 0, 1, 0}, /* first run 43/50, 7/70; n26ret: 49/50, 0/70 */
    /* session 27 (start): the twenty-seventh set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * 6dc024d4's reader (the end of session 26), before anything of
     * session 27 was merged, recorded in tests/notes/notes27/README.md */
    /* session 29: notes27 is RETIRED at the session's start (figures on
     * main d6cb8bd1 recorded in tests/notes/notes27/README.md): read, tuned
     * on and named like a dev half; its allowance stays an upper bound.
     * Session 29 (branch n27ret, tests/notes/README.md "Session 29, branch
     * n27ret"): every miss and false alarm read; tightened to that level */
    {"tests/notes/notes27/test.txt", "27 test", 0, 1, 0}, /* first run 41/50, 5/70; n27ret: 49/50, 0/70 */
    /* session 27 (end): the twenty-eighth set, 120 notes by one new
     * author written while the session's tuning went on, kept WHOLE as a
     * frozen test set: first run on the session's final reader, recorded
     * in tests/notes/notes28/README.md */
    /* session 30: notes28 is RETIRED at the session's start (figures on
     * main 9d9a5229 recorded in tests/notes/notes28/README.md): read, tuned
     * on and named like a dev half; its allowance stays an upper bound.
     * Session 30 (branch n28ret, tests/notes/README.md "Session 30, branch
     * n28ret"): every miss and false alarm read; tightened to that level */
    {"tests/notes/notes28/test.txt", "28 test", 0, 0, 0}, /* first run 35/50, 2/70; session 28 (lay28) 37/50, 2/70; n28ret: 50/50, 0/70 */
    /* session 28 (start): the twenty-ninth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * 5b69dd00's reader (the end of session 27), before anything of
     * session 28 was merged, recorded in tests/notes/notes29/README.md */
    /* session 28: after the session's diary readings (lay28's leaflet
     * words, n26ret's readings of notes26) one more benign note of this
     * frozen set reads as a warning sign (7 -> 8 of 70; lay28 merged alone
     * left it at 7). The note is not known and not looked for: the set
     * stays frozen and the bar records the measured level, said in
     * tests/notes/notes29/README.md, not tuned away */
    /* session 31: notes29 is RETIRED at the session's start (figures on
     * main d77bae36 recorded in tests/notes/notes29/README.md): read, tuned
     * on and named like a dev half; its allowance stays an upper bound.
     * Session 32 (branch dia29, tests/notes/README.md "Session 32, branch
     * dia29"): n29ret's readings brought over narrowed; tightened to that
     * level (two weak legs left at the older judgement, one son's fever) */
    {"tests/notes/notes29/test.txt", "29 test", 0, 2, 2}, /* first run 40/50, 7/70; session 28: 40/50, 8/70; dia29: 48/50, 1/70 */
    /* session 28 (end): the thirtieth set, 120 notes by one new author
     * written while the session's tuning went on, kept WHOLE as a frozen
     * test set: first run on the session's final reader, recorded in
     * tests/notes/notes30/README.md */
    /* session 32: notes30 is RETIRED at the session's start (figures on
     * main 4b8f9181 recorded in tests/notes/notes30/README.md): read, tuned
     * on and named like a dev half; its allowance stays an upper bound.
     * Session 32 (branch dia29): every miss and false alarm read;
     * tightened to that level */
    {"tests/notes/notes30/test.txt", "30 test", 0, 0, 2}, /* first run 43/50, 8/70; session 31 end: 43/50, 7/70; dia29: 50/50, 1/70 */
    /* session 29 (start): the thirty-first set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * d6cb8bd1's reader (the end of session 28), before anything of
     * session 29 was merged, recorded in tests/notes/notes31/README.md */
    /* session 33: notes31 is RETIRED at the session's start (figures on
     * main 5225cf26 recorded in tests/notes/notes31/README.md): read and
     * tuned on like a dev half; its allowance stays an upper bound. First
     * run 42/50, 1/70; session 32 end: 43/50, 1/70; session 33 (branch
     * dia39): 48/50, 1/70 */
    {"tests/notes/notes31/test.txt", "31 test", 0, 2, 2},
    /* session 29 (end): the thirty-second set, 120 notes by one new author
     * written while the session's tuning went on, kept WHOLE as a frozen
     * test set: first run on the session's final reader, recorded in
     * tests/notes/notes32/README.md */
    /* session 34: notes32 is RETIRED at the session's start (figures on
     * main ef8f4bec recorded in tests/notes/notes32/README.md): read and
     * tuned on like a dev half; its allowance stays an upper bound */
    {"tests/notes/notes32/test.txt", "32 test", 0, 3, 8}, /* one run 46/50, 5/70; session 33 end: 46/50, 5/70; session 34 (dia42): 47/50, 5/70 */
    /* session 30 (start): the thirty-third set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * 9d9a5229's reader (the end of session 29), before anything of
     * session 30 was merged, recorded in tests/notes/notes33/README.md */
    /* session 32: with dia29's and dia37's readings of other voices (notes29,
     * notes30, notes37, open) one more red-flag note of this frozen set is
     * caught (45 -> 46/50) and one more benign note read as a warning sign
     * (4 -> 5/70; each branch alone 5 and 6). The note is not known and not
     * looked for: the set stays frozen and the allowance records the measured
     * level, an explicit step back said in tests/notes/README.md, not tuned
     * away */
    {"tests/notes/notes33/test.txt", "33 test", 1, 4, 8}, /* first run 45/50, 4/70; session 32: 46/50, 5/70 */
    /* session 30 (end): the thirty-fourth set, 120 notes by one new author
     * written at the session's start and kept unseen while the session's
     * tuning went on, kept WHOLE as a frozen test set: one run on the
     * session's final reader, recorded in tests/notes/notes34/README.md */
    {"tests/notes/notes34/test.txt", "34 test", 1, 6, 8}, /* one run 44/50, 5/70 */
    /* session 31 (start): the thirty-fifth set, 120 notes by one new
     * author, kept WHOLE as a frozen test set: first run on main
     * d77bae36's reader (the end of session 30), before anything of
     * session 31 was merged, recorded in tests/notes/notes35/README.md */
    /* session 34: 36/50 after dia42 (FIGURE line only, no rule aimed at it): tightened */
    {"tests/notes/notes35/test.txt", "35 test", 1, 14, 8}, /* first run 34/50, 5/70; session 34: 36/50, 5/70 */
    /* session 31 (end): the thirty-sixth set, 120 notes by one new author
     * written at the session's start and kept unseen while the session's
     * tuning went on, kept WHOLE as a frozen test set: one run on the
     * session's final reader, recorded in tests/notes/notes36/README.md */
    {"tests/notes/notes36/test.txt", "36 test", 1, 19, 5}, /* one run 30/50, 5/70; session 32: 31/50, 5/70; session 33 (dia39): 31/50, 3/70 */
    /* session 32 (start): the thirty-seventh set, 120 notes by one new
     * author in six more voices, OPEN from the first day (written as
     * material for the reader's work on unfamiliar English, not a
     * measure): tests/notes/notes37/README.md */
    {"tests/notes/notes37/test.txt", "37 open", 0, 0, 0}, /* first run 34/50, 7/70; dia37: 50/50, 0/70 */
    /* session 32 (end): the thirty-eighth set, 120 notes by one new author
     * in six more voices written at the session's start and kept unseen,
     * kept WHOLE as a frozen test set: run once on the session's final
     * reader, recorded in tests/notes/notes38/README.md; the allowance is
     * that run's level */
    {"tests/notes/notes38/test.txt", "38 test", 1, 5, 12}, /* one run 45/50, 9/70; session 33 (dia39): 45/50, 8/70 */
    /* session 33 (start): the thirty-ninth and fortieth sets, 120 notes
     * each by two new authors (40 with a red flag, 80 without, the harmless
     * ones each voice's own denials, other people's illnesses and the past),
     * written as OPEN material for the reader's work on voices far from
     * standard English: read and tuned on from the first day, not a
     * measure (tests/notes/notes39/README.md, notes40/README.md) */
    /* session 33 (branch dia39): every miss and false alarm read
     * (tests/notes/README.md "Session 33, branch dia39"), tightened to that
     * level; notes39 first run 26/40, 10/80, notes40 35/40, 13/80; dia39
     * 40/40 and 1/80 each */
    {"tests/notes/notes39/test.txt", "39 open", 0, 0, 2},
    {"tests/notes/notes40/test.txt", "40 open", 0, 0, 2},
    /* session 34 (start): the set 43, 120 notes by one new author
     * written as OPEN material for the reader's work on voices far from
     * standard English: read and tuned on from the first day, not a
     * measure (tests/notes/notes43/README.md); bars at the first run */
    {"tests/notes/notes43/test.txt", "43 open", 0, 0, 4}, /* first run 25/40, 9/80; session 34 (dia42): 40/40, 3/80 */
    /* session 34 (start): the set 44, 120 notes by one new author
     * written as OPEN material for the reader's work on voices far from
     * standard English: read and tuned on from the first day, not a
     * measure (tests/notes/notes44/README.md); bars at the first run */
    {"tests/notes/notes44/test.txt", "44 open", 0, 0, 5}, /* first run 37/40, 7/80; session 34 (dia42): 40/40, 4/80 */
    /* session 33 (end): the forty-first set, 120 notes by one new author
     * written at the session's start and kept unseen while the session's
     * tuning went on, kept WHOLE as a frozen test set: one run on the
     * session's final reader, recorded in tests/notes/notes41/README.md */
    /* session 34 (branch dia42): with the open notes43 (the same six
     * voices by another author) read, 36/50 caught, 4/70: tightened */
    {"tests/notes/notes41/test.txt", "41 test", 1, 14, 6}, /* one run 32/50, 4/70; session 34: 36/50, 4/70 */
    /* session 34 (end): the forty-second set, 120 notes by one new author
     * written at the session's start and kept unseen while the session's
     * tuning went on, kept WHOLE as a frozen test set: one run on the
     * session's final reader, recorded in tests/notes/notes42/README.md */
    {"tests/notes/notes42/test.txt", "42 test", 1, 17, 19}, /* one run 33/50, 13/70 */
    /* session 23 (branch voices23): an open set written by the helper who
     * tuned the reader on it (tests/notes/voices23/README.md): typos,
     * dictation, texting, clinical shorthand, second-language English and
     * dialects; tuned on, so its level is the bar itself */
    {"tests/notes/voices23/dev.txt", "voices23 dev", 0, 0, 0}, /* base 45/52, 6/75; voices23: 52/52, 3/75; notes24: 52/52, 0/75 */
};

/* Scores every set of a table against its recorded level; each set must
 * hold at least min_notes notes. */
static void check_sets(const struct blind_set *sets, size_t n, int min_notes)
{
    for (size_t i = 0; i < n; i++) {
        const struct blind_set *b = &sets[i];
        struct blind_fig bf;
        int r = score_blind(b->path, b->quiet, &bf);
        CHECK_INT(r, 0);
        if (r)
            continue;
        print_blind(b->name, &bf);
        CHECK(bf.flag_n + bf.benign_n >= min_notes);
        CHECK(bf.safe >= bf.flag_n - b->allow_miss);
        CHECK(bf.alarm * 100 <= bf.benign_n * b->max_alarm_pct);
    }
}

static void test_blind_sets(void)
{
    check_sets(blind_sets, sizeof blind_sets / sizeof blind_sets[0], 100);
}

/* The training sets (tests/notes/train/README.md): notes by outside authors
 * who never saw the reader, given to tune on, so every miss and false alarm
 * is named. Each figure may not get worse than the level recorded in the
 * README; the first run there is the reader's honest figure on unseen notes. */
static const struct blind_set train_sets[] = {
    {"tests/notes/train/a.txt", "train a", 0, 1, 1},
    {"tests/notes/train/b.txt", "train b", 0, 1, 1}, /* notes6: 69 -> 70/71; notesr: 1 -> 0/89 alarms */
    {"tests/notes/train/c.txt", "train c", 0, 1, 3}, /* notes6: 69 -> 70/72; notesr: 3 -> 2/88 alarms; diary10: 70 -> 71/72 */
};

static void test_train_sets(void)
{
    check_sets(train_sets, sizeof train_sets / sizeof train_sets[0], 150);
}

/* Session 27 (branch typo27): a word typed with one slip (Damerau 1964)
 * of a fact phrase word of [typo] min_length letters or more is read as
 * that word ("wegiht", "bladedr": none of them in data/diary_phrases.txt,
 * so each is read only through the tolerance); a real word one edit from a
 * flag word is never bent into it ("ladder" is no bladder, "towel" no
 * bowel, "height" no weight, "smelling" no swelling, "shivering" is read
 * but "shoving" is not). */
static int note_flags(const char *note, const char *fact)
{
    struct rh_pain_entry e = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = (char *)note};
    struct rh_triage t;
    struct rh_err err;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    bool found = fact == NULL;
    for (int i = 0; i < t.note.n; i++)
        found |= fact && strcmp(t.note.f[i].fact, fact) == 0 && !t.note.f[i].negated;
    if (!found)
        fprintf(stderr, "typo: \"%s\" does not read %s\n", note, fact);
    return found ? t.n_flags : -1;
}

static void test_typo_tolerance(void)
{
    static const struct {
        const char *note, *fact;
    } slips[] = {
        {"couldnt put wegiht on it", "cannot_bear_weight"},  /* two letters swapped */
        {"cant control my bladedr", "bladder_bowel"},        /* swapped */
        {"feel feverihs and the hip aches", "fever"},        /* swapped */
        {"numbenss in my foot", "numb_foot"},                /* swapped */
        {"shiveirng and hip pain", "chills"},                /* in a prefix word's stem */
        {"lost contorl of my bladder", "bladder_bowel"},     /* swapped, a word of a phrase */
        {"hip swolleen and feverish", "swelling"},           /* a letter inserted */
        {"cant put weiht on my leg", "cannot_bear_weight"},  /* a letter dropped */
        {"could not stand on my rught leg", "cannot_bear_weight"}, /* a letter replaced */
    };
    for (size_t i = 0; i < sizeof slips / sizeof slips[0]; i++)
        CHECK(note_flags(slips[i].note, slips[i].fact) > 0);
    /* real words one edit from a flag word stay what they are */
    static const char *const real[] = {
        "climbed a ladder to paint the ceiling", "forgot my towel at the track",
        "measured my height at the gp", "smelling the flowers on my run",
        "fewer miles this week", "spelling it out for my coach", "shoving through the crowd",
        "lighter shoes today", "a bowl of porridge before the run",
    };
    for (size_t i = 0; i < sizeof real / sizeof real[0]; i++)
        CHECK_INT(note_flags(real[i], NULL), 0);
    /* a word of four letters is never bent (min_length 5): "nmub" is no numb */
    CHECK_INT(note_flags("my foot is nmub", NULL), 0);
}

/* Session 27 (branch typo27): the typo stress set, GENERATED by
 * tools/typo_notes.py (seed 27) from every note of notes.txt and of the open
 * blind sets, each with one random one-edit typo (Damerau 1964) in one or
 * two of its words of 5+ letters, as typed on a phone. Its level is that of
 * the reader with the typo tolerance ([typo] of data/diary_phrases.txt);
 * tests/notes/README.md "Session 27, branch typo27" has the figures before
 * and after. */
static const struct blind_set typo_sets[] = {
    /* before the tolerance (integ d04adde3): 1860/2315, 188/2852 false alarms;
     * with it: 2142/2315, 133/2852 */
    {"tests/notes/typo27/typos.txt", "typo27 typos", 0, 173, 5},
};

static void test_typo_sets(void)
{
    check_sets(typo_sets, sizeof typo_sets / sizeof typo_sets[0], 5000);
}

/* Session 28 (branch lay28): an open stress set of red flags told in the
 * words patient leaflets and lay people use for them (the consequence, not
 * the sign's name: "had to hop to the car", "wiping feels strange"), and
 * hard benign near-misses in the same words, each group's published
 * patient-facing source named in the file (tests/notes/README.md "Session
 * 28, branch lay28"). Written by the helper who then tuned the reader on
 * it: its level is the bar itself. */
static const struct blind_set lay_sets[] = {
    /* before (integ 7a31f59b): 162/222, 25/223 false alarms; lay28: 214/222, 7/223;
     * session 29 (lay29): 218/222, 0/223; session 30 (n28ret): 219/222, 0/223 */
    {"tests/notes/lay28/lay.txt", "lay28 lay", 0, 3, 0},
};

/* Session 29 (branch lay29): an open stress set of 84 notes in plain lay
 * English as people across the English-speaking world write it (indirect
 * telling, understatement, what the writer could not do), half with a red
 * flag, half hard benign near-misses, written from the clinical facts
 * (tests/notes/lay29/README.md; tests/notes/README.md "Session 29, branch
 * lay29"). Written by the helper who then tuned the reader on it: its
 * level is the bar itself. */
static const struct blind_set lay29_sets[] = {
    /* first run (branch lay29 with the lay28 readings, before its own):
     * 32/42, 4/42 false alarms; lay29: 41/42, 0/42 */
    {"tests/notes/lay29/lay.txt", "lay29 lay", 0, 1, 0},
};

static void test_lay_sets(void)
{
    check_sets(lay_sets, sizeof lay_sets / sizeof lay_sets[0], 400);
    check_sets(lay29_sets, sizeof lay29_sets / sizeof lay29_sets[0], 80);
}

/* Session 28 (branch lay28): the general mechanisms of the block "Session
 * 28, branch lay28" of data/diary_phrases.txt, each with the near-miss it
 * must leave alone. */
static void test_lay28_mechanisms(void)
{
    /* hedges = before: a hedge qualifies what follows it, not a finding it
     * follows ([fact.worsening]) */
    CHECK(note_flags("it keeps getting worse and worse, I could run on Monday and now I limp",
                     "worsening") > 0);
    CHECK_INT(note_flags("it could get worse and worse if I keep racing, says the physio", NULL), 0);
    /* told_off: a warm cause told switched off is none */
    CHECK(note_flags("sweating through the bedding at night although the heating is off",
                     "night_sweats") > 0);
    CHECK_INT(note_flags("sweating through the bedding at night, the heating is on full", NULL), 0);
    /* asked: "it does not" is no yes */
    CHECK_INT(note_flags("the physio asked if my hip ever locks or catches, it does not", NULL), 0);
    CHECK(note_flags("the physio asked if my hip ever locks, it does, twice this week", "locking") >
          0);
    /* "or" takes no room of a negation's window; painkillers that "do not
     * touch" the night pain do not deny it */
    CHECK_INT(note_flags("no problem with my bladder or bowels, just a stiff back", NULL), 0);
    CHECK(note_flags("painkillers do not touch the night pain any more", "night") > 0);
    /* readings of the leaflets' words, and their near-misses */
    static const struct {
        const char *note, *fact;
    } told[] = {
        {"the hip will not let me put the foot down", "lay28_weight_refused"},
        {"my leg gives way every time I try to stand on it", "lay28_weight_refused"},
        {"I feel hot and shivery and the hip is worse", "lay28_fever_felt"},
        {"wiping after the toilet feels strange since yesterday", "lay28_ces_card"},
        {"I do not know when my bladder is full any more", "lay28_ces_card"},
        {"I have to lift my knee higher so my foot does not drag", "lay28_foot_drop_told"},
        {"each morning the hip is worse than the morning before", "lay28_worse_told"},
        {"a lump swells up in my groin when I lift things", "lay28_hernia_told"},
        {"something is caught inside the hip when I turn", "lay28_caught_inside"},
    };
    for (size_t i = 0; i < sizeof told / sizeof told[0]; i++)
        CHECK(note_flags(told[i].note, told[i].fact) > 0);
    static const char *const quiet[] = {
        "the chair gave way the moment I stood on it, I was fine",
        "shivering at the finish line in the rain, warmed up with a coffee",
        "wiping the baby's bottom at 3am, then an easy run",
        "dragging my feet about booking the race",
        "the traffic was delayed by a car accident so I ran late",
        "my shoulder popped out and the physio pushed it back in",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
        CHECK_INT(note_flags(quiet[i], NULL), 0);
}


/* The disposition of a note read alone (no assessment), -1 for no flag. */
static int note_urgency(const char *note)
{
    struct rh_pain_entry e = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = (char *)note};
    static struct rh_triage t;
    struct rh_err err;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    return t.n_flags && t.has_urgency ? (int)t.urgency : -1;
}

/* Session 29 (branch lay29): the readings and mechanisms of the block
 * "Session 29, branch lay29" of data/diary_phrases.txt and their red-flag
 * rules, each with the near-miss it must leave alone. */
static void test_lay29_mechanisms(void)
{
    /* a leg shorter and turned out, after a fall or not: the same day */
    CHECK_INT(note_urgency("went down hard on the track and my leg looks shorter and turned out"),
              RH_DISP_URGENT);
    CHECK_INT(note_urgency("my foot is pointing out sideways and I can't bring it straight"),
              RH_DISP_URGENT);
    CHECK_INT(note_flags("my left leg is shorter than the other since birth, I wear an insole", NULL),
              0);
    CHECK_INT(note_flags("it turned out to be a good run, legs fine", NULL), 0);
    /* a swelling up fast after a fall: the same day; one going down is none */
    CHECK_INT(note_urgency("fell off the wall onto my hip and it swelled up within minutes"),
              RH_DISP_URGENT);
    CHECK(note_urgency("fell on my hip last week, the swelling went down quickly") <
          (int)RH_DISP_URGENT);
    /* a groin ache lasting the whole day after runs: a stress fracture's
     * course (within days); at the side of the hip, or the legs after a
     * race, none */
    CHECK(note_flags("my groin aches for the rest of the day after every run now",
                     "lay29_ache_lingers") > 0);
    CHECK_INT(note_urgency("my groin aches for the rest of the day after every run now"),
              RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(note_flags("my legs are sore all day after the marathon", NULL), 0);
    /* a list denied as a whole after it, not across a contrast */
    CHECK_INT(note_flags("the physio asked about numbness in the saddle area, bladder or bowel "
                         "changes, none of those", NULL), 0);
    CHECK(note_flags("the GP asked about fever, night sweats or weight loss, none of those, but "
                     "I am numb between my legs", NULL) > 0);
    CHECK(note_flags("numb between my legs, none of the painkillers help", NULL) > 0);
    /* the clause's subject: the traffic, not the hip */
    CHECK_INT(note_flags("the traffic on the way to the track gets worse every day", NULL), 0);
    CHECK(note_flags("the hip on the way to the track gets worse every day", "worsening") > 0);
    /* not bearing weight told by the foot kept off the floor, or hopping on
     * the good leg; a balance drill, a hop drill, a Lego brick are none */
    CHECK(note_flags("I kept my right foot off the floor all the way to the car",
                     "lay29_foot_off_floor") > 0);
    CHECK(note_flags("I hopped from the car to the house on my good leg", "lay29_hop_good_leg") > 0);
    CHECK_INT(note_flags("balance drill, keeping my foot off the floor for 30 seconds", NULL), 0);
    CHECK_INT(note_flags("hopped around the kitchen after standing on a Lego brick", NULL), 0);
    CHECK_INT(note_flags("hop drills on the other leg at the track, all good", NULL), 0);
    /* a leg that cannot be lifted into the car after a fall: the same day */
    CHECK_INT(note_urgency("slipped on the kitchen floor and could not lift my leg into the car"),
              RH_DISP_URGENT);
    CHECK_INT(note_flags("could not lift my leg over the crossbar, hamstrings too tight", NULL), 0);
    /* urine that will not come; not a queue at the start */
    CHECK_INT(note_urgency("sat on the toilet for ages and nothing would come"), RH_DISP_URGENT);
    CHECK_INT(note_flags("I could not wee for ages at the race start because of the queue", NULL),
              0);
    /* the fever of the one who kept the writer up is theirs */
    CHECK_INT(note_flags("my toddler kept me up with a temperature all night, I'm fine", NULL), 0);
    CHECK(note_flags("the hip kept me up with a temperature and shivers all night", "fever") > 0);
    /* rest: fine at rest is none, "does not matter what I do" is rest pain */
    CHECK_INT(note_flags("the hip feels fine at rest and in bed, sore only on long runs", NULL), 0);
    CHECK(note_flags("the ache is there lying down, it does not matter what I do", "rest") > 0);
    /* the false alarms lay28 left */
    static const char *const quiet[] = {
        "could not put my foot down on the brake fast enough, nobody hurt",
        "the knee buckled a bit on the downhill because I was tired, no pain after",
        "a mosquito bite on my thigh came up as a lump, itchy",
        "the lump on my back that the doctor said was a harmless cyst has not changed",
        "I scuffed my toes on the pavement because I was knackered at the end of the run",
        "the swelling on my ankle came up fast after I rolled it",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
        CHECK_INT(note_flags(quiet[i], NULL), 0);
}

/* Review 11 #7 (session 12, branch loop12): a hop test the assessment
 * recorded as painless is the context of a note, as a clinician weighs it:
 * groin pain on a run after a birth told again is not read afresh as a
 * stress fracture; a new sign the note states (a limp, hopping that hurts,
 * pain on walking) still raises it, and the hop unknown keeps the old
 * reading. */
static void test_painless_hop_context(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 34;
    in.sex = RH_SEX_FEMALE;
    in.has_location = true;
    in.location = RH_BIT(RH_LOC_GROIN);
    in.km_change_pct = 46;
    in.has_history = true;
    in.history = RH_BIT(RH_HIST_POSTPARTUM);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    struct rh_err err;
    static struct rh_triage t;
    struct rh_pain_entry e = {.day = 1, .pain = 2, .during_run = 4, .next_morning = -1,
                              .note = (char *)"groin sore at the end of the run"};
    CHECK_INT(rh_triage_entry(&in, 2, &e, 0, &t, &err), 0);
    CHECK(!has_flag(&t, "stress_fracture_signs"));
    e.note = (char *)"limping a bit after the run this evening";
    CHECK_INT(rh_triage_entry(&in, 2, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "stress_fracture_signs"));
    e.note = (char *)"groin sore, and hopping on that leg hurts now";
    CHECK_INT(rh_triage_entry(&in, 2, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "stress_fracture_signs"));
    /* the hop not done: the same note is read as before */
    in.test[RH_TEST_HOP] = RH_TRI_UNKNOWN;
    e.note = (char *)"groin sore at the end of the run";
    CHECK_INT(rh_triage_entry(&in, 2, &e, 0, &t, &err), 0);
    CHECK(has_flag(&t, "stress_fracture_signs"));
}

/* Session 23 (branch runner23b): a 17-year-old whose assessment told a
 * gradual groin pain writes "sharp groin pain on the last rep, limping home":
 * the warnings raised are those of the same note without the moment (the
 * reader's note:moment_onset is read by no rule), but no reason names the
 * assessment's "it came on slowly": the new pain came on at one moment. */
static void test_moment_onset_reason(void)
{
    static const char ctx[] = "age = 17\nsex = male\nlocation = groin\nonset = gradual\n"
                              "duration_days = 20\ncharacter = dull_ache\npain_now = 2\n"
                              "pain_run = 7\npain_worst = 7\nworse_with = after_run\n"
                              "signs = none\ntest_hop = no\nrecent_change = more_km\n";
    struct rh_intake in;
    struct rh_err err;
    CHECK_INT(rh_intake_parse(ctx, sizeof ctx - 1, &in, &err), 0);
    static struct rh_triage a, b;
    struct rh_pain_entry e = {.day = 1, .pain = 5, .during_run = 6, .next_morning = -1,
                              .note = (char *)"groin pain, limping home"};
    CHECK_INT(rh_triage_entry(&in, 5, &e, 0, &a, &err), 0);
    e.note = (char *)"sharp groin pain on the last rep, limping home";
    CHECK_INT(rh_triage_entry(&in, 5, &e, 0, &b, &err), 0);
    CHECK(b.note.note_facts & RH_BIT(RH_NOTE_FACT_MOMENT_ONSET));
    CHECK(!(a.note.note_facts & RH_BIT(RH_NOTE_FACT_MOMENT_ONSET)));
    CHECK(a.n_flags > 0);
    CHECK_INT(b.n_flags, a.n_flags);
    bool slow_before = false;
    for (int i = 0; i < a.n_flags && i < b.n_flags; i++) {
        CHECK_STR(b.flags[i].id, a.flags[i].id);
        char ra[RH_ASSESS_FLAG_WHY_LEN], rb[RH_ASSESS_FLAG_WHY_LEN];
        rh_triage_flag_reason(&a.flags[i], ra, sizeof ra);
        rh_triage_flag_reason(&b.flags[i], rb, sizeof rb);
        slow_before |= strstr(ra, "came on slowly") != NULL;
        CHECK(strstr(rb, "came on slowly") == NULL);
        CHECK(strstr(rb, "limping") != NULL);
    }
    CHECK(slow_before); /* the same note without the moment names it */
}

/* Review 11 #5: a note with two pelvic-floor phrases says the reading once,
 * both phrases quoted; leaking on a run after a birth is no bladder sign
 * (no A&E). */
static void test_pelvic_reading_once(void)
{
    static struct rh_triage t;
    struct rh_err err;
    struct rh_pain_entry e = {.day = 1, .pain = 1, .during_run = -1, .next_morning = -1,
                              .note = (char *)"bladder leaks a bit when I run since the baby, "
                                              "and heavy down below too, like dragging"};
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK_INT(t.n_flags, 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_note_reading_lines(e.note, &t.note, false, false, &b), 0);
    const char *p = b.data ? strstr(b.data, "pelvic-floor problem") : NULL;
    CHECK(p != NULL);
    CHECK(p && strstr(p + 1, "pelvic-floor problem") == NULL);
    CHECK(b.data && strstr(b.data, "\" and \"") != NULL);
    CHECK(b.data && strstr(b.data, "were read as") != NULL);
    rh_buf_release(&b);
}

/* Session 20 (branch fuzz20): a [matcher] rewrite value is read whole,
 * however long (a copy of 2048 bytes cut the 2,073 of the shipped "do not go
 * away" rewrite: its last entry, "does not let up=persists", was lost
 * without a word, see data/diary_phrases.txt); a table of exactly
 * MAX_REWRITE (RH__NOTE_MAX_REWRITE of src/plan/plan_int.h; 960 from session 27 to 31) entries in one value
 * loads, one more is refused, and an entry too long for its slot is refused,
 * never cut. */
static void test_rewrite_value_whole(void)
{
    struct rh_err err;
    static const char base[] = "[temperature]\nwords = temp\nfever_c = 38\nmax_c = 43\n"
                               "fever_f = 100.4\nmax_f = 110\nsets = signs:fever\nsource = s\n"
                               "[fact.x]\nsets = signs:fever\nphrase = a\nsource = s\n"
                               "[matcher]\nrewrite = ";
    enum { LIMIT = RH__NOTE_MAX_REWRITE }; /* session 32 (dia29): was a fixed 960 (n25ret: 832) */
    for (int n = LIMIT; n <= LIMIT + 1; n++) {
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_buf_append(&b, base, strlen(base)), 0);
        for (int i = 0; i < n; i++) {
            char one[48];
            int k = snprintf(one, sizeof one, "%sword%d=other words", i % 10 ? " | " : "\n  | ", i);
            CHECK_INT(rh_buf_append(&b, i ? one : "word0=other words", i ? (size_t)k : 17), 0);
        }
        CHECK_INT(rh_buf_append(&b, "\n", 1), 0);
        CHECK(b.len > 4 * 2048); /* one value, longer than the old copy */
        rh_err_clear(&err);
        int r = rh_note_kb_check(b.data, b.len, &err);
        CHECK_INT(r, n == LIMIT ? 0 : RH_EFORMAT);
        if (n == LIMIT + 1) {
            char want[64];
            snprintf(want, sizeof want, "too many rewrite entries (at most %d)", LIMIT);
            CHECK(strstr(err.msg, want) != NULL);
        }
        rh_buf_release(&b);
    }
    char kb[600];
    snprintf(kb, sizeof kb, "%sa=%s\n", base,
             "one two three four five six seven eight nine ten eleven twelvee");
    rh_err_clear(&err);
    CHECK_INT(rh_note_kb_check(kb, strlen(kb), &err), 0); /* 63 bytes: fits */
    snprintf(kb, sizeof kb, "%sa=%s\n", base,
             "one two three four five six seven eight nine ten eleven twelveee");
    rh_err_clear(&err);
    CHECK_INT(rh_note_kb_check(kb, strlen(kb), &err), RH_EFORMAT);
    CHECK(strstr(err.msg, "rewrite entry too long") != NULL);
    /* the shipped file: the rewrite that stood last in a value over 2,048
     * bytes ("does not let up=persists") was never applied and is left out,
     * for it would hide [fact.rest]'s "does not let up" (pain that never
     * switches off); "will not let up" is rewritten and reads night pain */
    static struct rh_note_reading r1, r2;
    CHECK_INT(rh_note_read("my hip does not let up", &r1, &err), 0);
    CHECK(r1.worse_with & RH_BIT(RH_WORSE_REST));
    CHECK_INT(rh_note_read("pain will not let up at night", &r2, &err), 0);
    CHECK(r2.worse_with & RH_BIT(RH_WORSE_NIGHT));
}

/* Session 20 (branch fuzz20), from fuzz_note: notes no runner means but
 * anyone can send (the library reads any length; the diary and check-in
 * take 1,000 characters of valid UTF-8). */
static bool raises(const struct rh_triage *t, const char *id)
{
    for (int i = 0; i < t->n_flags; i++)
        if (strcmp(t->flags[i].id, id) == 0)
            return true;
    return false;
}

static void test_hostile_notes(void)
{
    static struct rh_triage t;
    static struct rh_note_reading r;
    struct rh_err err;
    struct rh_pain_entry e = {.day = 1, .pain = 3, .during_run = -1, .next_morning = -1};
    /* only combining marks (and a joiner): no word in it, nothing read and
     * nothing said of it, as of an empty note */
    static const char marks[] = "\xcc\x81\xcc\x81\xcc\x88\xcd\x8f\xe2\x80\x8d\xcc\x81";
    CHECK_INT(rh_note_read(marks, &r, &err), 0);
    CHECK_INT(r.n, 0);
    CHECK(!r.signs && !r.note_facts);
    CHECK(!rh_note_read_nothing(marks, &r));
    struct rh_buf said;
    rh_buf_init(&said, 0);
    CHECK_INT(rh_note_reading_lines(marks, &r, false, false, &said), 0);
    CHECK_INT((int)said.len, 0);
    rh_buf_release(&said);
    /* invalid and cut UTF-8 around the words: the words are still read */
    static const char bad[] = "\xff\xfe can\xe2\x80 not put weight on it \xc3";
    e.note = (char *)bad;
    CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
    CHECK(raises(&t, "cannot_bear_weight"));
    for (int i = 0; i < t.note.n; i++)
        CHECK(t.note.f[i].from >= 0 && t.note.f[i].to <= (int)strlen(bad));
    /* a note of 1,000 characters, the most the diary takes, made of the
     * shortest words and marks (a list of scores "1, 2, 3, ...": two
     * tokens every three characters, 650 in all), its red flag at the very
     * end: read whole (the reader kept 512 tokens and lost it) */
    char *longest = malloc(1001);
    CHECK(longest != NULL);
    if (longest) {
        static const char tail[] = ". can't put weight on it";
        size_t n = 1000 - strlen(tail);
        for (size_t i = 0; i < n; i++)
            longest[i] = i % 3 == 1 ? ',' : i % 3 == 2 ? ' ' : (char)('1' + i % 7);
        memcpy(longest + n, tail, sizeof tail);
        CHECK_INT((int)strlen(longest), 1000);
        CHECK_INT(rh_entry_check(longest, RH_ENTRY_NOTE, NULL, &err), 0);
        e.note = longest;
        CHECK_INT(rh_triage_entry(NULL, 0, &e, 0, &t, &err), 0);
        CHECK(raises(&t, "cannot_bear_weight"));
        free(longest);
    }
    /* 100 KB: read without harm, its findings inside the note */
    size_t big = 100 * 1024;
    char *note = malloc(big + 1);
    CHECK(note != NULL);
    if (note) {
        static const char line[] = "hip sore after the long run, no numbness. ";
        for (size_t i = 0; i < big; i++)
            note[i] = line[i % (sizeof line - 1)];
        note[big] = '\0';
        CHECK_INT(rh_note_read(note, &r, &err), 0);
        CHECK(r.n >= 0 && r.n <= RH_NOTE_MAX_FINDINGS);
        for (int i = 0; i < r.n; i++)
            CHECK(r.f[i].from >= 0 && r.f[i].from <= r.f[i].to && (size_t)r.f[i].to <= big);
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_note_reading_lines(note, &r, true, false, &b), 0);
        rh_buf_release(&b);
        free(note);
    }
}

/* Session 32 (branch dia37): the words of other languages and dialects
 * that runners mix into English (data/diary_voices.txt, read after
 * data/diary_phrases.txt). Each group: a note that must raise its flag at
 * least as urgently as given, and a near-miss in the same voice that must
 * stay quiet (a denial, another person, the past, a word that means
 * something harmless). */
static int dia37_urgency(const char *note, const char *ctx)
{
    struct rh_intake in;
    struct rh_err err;
    char buf[160];
    if (ctx) {
        snprintf(buf, sizeof buf, "%s", ctx);
        for (char *p = buf; *p; p++)
            if (*p == ';')
                *p = '\n';
        CHECK_INT(rh_intake_parse(buf, strlen(buf), &in, &err), 0);
    }
    struct rh_pain_entry e = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1,
                              .note = (char *)note};
    struct rh_triage t;
    CHECK_INT(rh_triage_entry(ctx ? &in : NULL, 0, &e, 0, &t, &err), 0);
    return t.n_flags > 0 && t.has_urgency ? (int)t.urgency : -1;
}

static void test_dia37_voices(void)
{
    enum { QUIET = -1, SOON = RH_DISP_SEE_DOCTOR_SOON, TODAY = RH_DISP_URGENT };
    static const struct {
        const char *note, *ctx;
        int want; /* the least urgency, or QUIET */
    } cases[] = {
        /* Afrikaans: heup, koors, geswel, "ek kan nie op die been staan nie", lies, knop */
        {"my heup is warm and geswel, baie seer, koors since last night", NULL, TODAY},
        {"something gave in my heup, ek kan nie op die been staan nie", NULL, TODAY},
        {"there's a knop in my lies, pops out when I cough", NULL, SOON},
        {"heup gets erger every day this week", NULL, SOON},
        {"geen koors nie, heup is lekker, ran 10k", NULL, QUIET},
        {"my ouma has koors and her heup is geswel, ek is fine", NULL, QUIET},
        {"I tell lies about my pace, lol, hip fine", NULL, QUIET},
        /* German: Hüfte, Fieber, Leiste, Beule, taub, the German word order */
        {"The Hüfte is red and hot and geschwollen, I have Fieber 38.9 and Schüttelfrost", NULL, TODAY},
        {"In the Leiste I have a Beule found, it comes out by coughing", NULL, SOON},
        {"Schmerzen from the back in both legs, I notice not when I must on the toilet, between the legs all is taub", NULL, TODAY},
        {"the Hüfte pulls, now I limp, it becomes every hour worse", NULL, TODAY},
        {"I have no Fieber and the Hüfte is not swollen", NULL, QUIET},
        {"Before 2 years I had Fieber with the Grippe, now all gut", NULL, QUIET},
        {"My Kollege cannot stand on his leg since his ski Sturz, my Hüfte is ok", NULL, QUIET},
        {"read about the Krebs cycle for my fuelling, hip fine", NULL, QUIET},
        /* Hindi: the negation after its word, the bulge that will not go back in */
        {"groin mein bulge andar nahi ja raha, ek baar ulti bhi hui", NULL, TODAY},
        {"right leg mein weakness hai, thigh ke front pe sunn", NULL, SOON},
        {"raat ko dard kam nahi hota, hip pain all night", NULL, SOON},
        {"bukhar nahi hai, swelling bhi nahi, bas DOMS", NULL, QUIET},
        {"sardi ho gayi, bukhar nahi, run skip", NULL, QUIET},
        {"metro ki seedhi pe pair phisla, gira nahi, sab normal", NULL, QUIET},
        {"pichle saal labrum ka issue tha, ab koi locking nahi", NULL, QUIET},
        {"pichle mahine bukhar tha, ab theek, 8k easy", NULL, QUIET},
        /* Geordie and Scots */
        {"back's bad, now a cannat tell when a need a wee, wet meself", NULL, TODAY},
        {"groin went mid run an a cannae put any weight on it", NULL, TODAY},
        {"no fever, nae bother, me hip's canny", NULL, QUIET},
        {"wor lass has a temperature, am champion", NULL, QUIET},
        /* Singlish: sweating explains a weight lost on a hot run */
        {"sweat like siao, lost 2kg after long run, drink back liao, hip fine", NULL, QUIET},
        /* Dutch, Spanish, Portuguese, Italian, Malay, Polish, Russian,
         * Arabic and Cantonese in Latin letters */
        {"heb koorts 39 en mijn heup is warm en gezwollen", NULL, TODAY},
        {"geen koorts, heup prima, 10k gelopen", NULL, QUIET},
        {"tengo fiebre 39 y la cadera caliente e hinchada, no puedo caminar", NULL, TODAY},
        {"me cai en la calle, no puedo apoyar la pierna", NULL, TODAY},
        {"mi hijo tiene fiebre, my hip is fine", NULL, QUIET},
        {"Got a cold, little fever, skipped the run. No hip pain, nada hinchado.", NULL, QUIET},
        {"febre de 39 e o quadril quente e inchado", NULL, TODAY},
        {"sem febre, quadril ok after the long run", NULL, QUIET},
        {"febbre 39, anca calda e gonfia, non riesco a camminare", NULL, TODAY},
        {"mia madre ha la febbre, my anca is fine", NULL, QUIET},
        {"back pain and kebas between my legs, tak boleh kencing since morning", NULL, TODAY},
        {"no demam, hip ok lah", NULL, QUIET},
        {"goraczka 39, biodro spuchniete, hot and red", NULL, TODAY},
        {"moja mama ma goraczke, my biodro is fine", NULL, QUIET},
        {"the hip is hot and swollen, oznob all night", NULL, TODAY},
        {"faat siu 39 since last night, hip swollen and hot", NULL, TODAY},
        {"had siu mai and char siu at dim sum, hip fine", NULL, QUIET},
        /* each language's own denial of the sign it names */
        {"non ho febbre, anca ok", NULL, QUIET},
        {"nao tenho febre, quadril ok", NULL, QUIET},
        {"het is niet gezwollen, geen koorts", NULL, QUIET},
        {"die Hüfte ist nicht geschwollen, kein Fieber", NULL, QUIET},
        {"tak demam, hip ok lah", NULL, QUIET},
        {"ma fi waram, hip fine", NULL, QUIET},
        {"mou faat siu, hip fine", NULL, QUIET},
        {"nie mam goraczki, biodro nie jest spuchniete", NULL, QUIET},
        {"I'm pretty blasé about the hip now, it's fine", NULL, QUIET},
        /* a phone's autocorrect: "waking on" is walking on */
        {"tripped and fell on the Rug, my hip is very painful to waking on", "age = 80", TODAY},
        {"waking on Sunday the hip felt fine", NULL, QUIET},
        /* dreams, grandchildren */
        {"I had a horrid Dream that I fell down the stairs and could not get up but I woke up and I am perfectly alright", NULL, QUIET},
        {"bad fall down the stairs, could not get up", NULL, TODAY},
        {"My Grandson fell off his Scooter and his knee is all swollen his Mum took him to the Doctor", NULL, QUIET},
        {"my son fell off his scooter and cannot put weight on his leg", NULL, TODAY},
        /* English readings the voices showed: a count opened by "already",
         * weakness in a leg, a pain unlike the usual, "killing me" */
        {"The hip locks when I stand up. Already 4 times this week", NULL, SOON},
        {"weakness in my right leg and the front of the thigh feels numb", NULL, SOON},
        {"the front of the thigh feels numb", NULL, QUIET},
        {"there's a weakness in my right leg that I need to work on", NULL, QUIET},
        {"still some weakness in the left leg since the ankle sprain, hip fine", NULL, QUIET},
        {"leg weakness after the marathon, legs heavy", NULL, QUIET},
        {"hip ache 3 weeks, not like my usual running pain", "age = 52; history = cancer", SOON},
        {"not like my normal running ache, more like DOMS after the gym", "age = 55; history = cancer", QUIET},
        {"came off the scaffold, landed on me hip. can hobble but it's killin us", "age = 40", TODAY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = dia37_urgency(cases[i].note, cases[i].ctx);
        bool ok = cases[i].want == QUIET ? got == QUIET : got >= cases[i].want;
        if (!ok)
            fprintf(stderr, "dia37: \"%s\": want %d, got %d\n", cases[i].note, cases[i].want, got);
        CHECK(ok);
    }
    /* the limits that stay at their level: a ladder fall without walking
     * told very painful stays within days ("killing me" alone is no severe
     * pain); "fever or not" is no denial (the writer does not know); a
     * "Tata" marathon names no one */
    CHECK_INT(dia37_urgency("came off a ladder, landed on my hip, the heat is killing me", "age = 40"),
              SOON);
    CHECK_INT(dia37_urgency("came off a ladder, landed on my hip, it's killing me", "age = 40"), SOON);
    CHECK_INT(dia37_urgency("fever or not, hard to say, hip hot and swollen", NULL), TODAY);
    CHECK_INT(dia37_urgency("Tata marathon today, groin swollen and hot, fever 39", NULL), TODAY);
    /* the loader: diary_voices.txt read after diary_phrases.txt loads, and
     * an unknown key or section in it is refused as in the first file */
    size_t n1 = 0, n2 = 0;
    char *a = test_slurp("data/diary_phrases.txt", &n1);
    char *b = test_slurp("data/diary_voices.txt", &n2);
    CHECK(a != NULL && b != NULL);
    if (a && b) {
        static const char *const bad[] = {"\n[matcher]\nexpand2 = koors=fever\n",
                                          "\n[voices]\nexpand = koors=fever\n",
                                          "\n[matcher]\nexpand = koors\n"};
        char *t = malloc(n1 + n2 + 64);
        CHECK(t != NULL);
        if (t) {
            memcpy(t, a, n1);
            memcpy(t + n1, b, n2);
            struct rh_err err;
            CHECK_INT(rh_note_kb_check(t, n1 + n2, &err), 0);
            for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                memcpy(t + n1 + n2, bad[i], strlen(bad[i]));
                CHECK(rh_note_kb_check(t, n1 + n2 + strlen(bad[i]), &err) != 0);
            }
            free(t);
        }
    }
    free(a);
    free(b);
}

/* Session 33 (branch dia39): the voices of notes39 and notes40 (Jamaican
 * patois, Lebanese Arabizi, a teenager, the Welsh valleys, Ghanaian
 * English, Cockney, a New Zealand farmer, Russian-, Cantonese- and
 * Spanish-English, Nigerian Pidgin, Glaswegian) and notes31's Trinidadian:
 * each reading's effect and its limit (tests/notes/README.md "Session 33,
 * branch dia39"). */
static void test_dia39_voices(void)
{
    enum { QUIET = -1, SOON = RH_DISP_SEE_DOCTOR_SOON, TODAY = RH_DISP_URGENT };
    static const struct {
        const char *note, *ctx;
        int want; /* the least urgency, or QUIET */
    } cases[] = {
        /* Jamaican patois: feva, cyaan, nuh, muddah; a lump of last year told over */
        {"mi hip swell up an hot, mi have feva from last night, cyaan bend it", NULL, TODAY},
        {"nuh feva, nuh swelling, hip irie", NULL, QUIET},
        {"mi muddah have feva an her hip swell up, mi good", NULL, QUIET},
        {"las year mi did have a lump inna mi groin, doctor cut it out, it done now", NULL, QUIET},
        {"las year mi did have a lump inna mi groin, now it come back and hurt", NULL, SOON},
        /* Cockney: bruvver, nuffink, 'urt; the toilet not held, not on a run */
        {"me bruvver's done 'is knee in, can't walk, me 'ip's alright", NULL, QUIET},
        {"went arse over tit on the ice, nuffink 'urt, ran 10k after", NULL, QUIET},
        {"caught short twice wiv the tom tit, couldn't 'old it, back's killin' me", NULL, TODAY},
        {"caught short on the long run, couldn't hold it, gels again", NULL, QUIET},
        /* Glaswegian: oan, at aw, ma brers; the drink given up explains a weight lost */
        {"hip went at the 10k, cannae stand oan it at aw, pal had tae carry us", NULL, TODAY},
        {"ma brers got a hernia, ma groins fine", NULL, QUIET},
        {"lost a couple o pounds since a stopped the bevvy", NULL, QUIET},
        {"lost a stone since january and eating the same, hip aching", NULL, SOON},
        /* dreams: through "and I", not past a waking; Russian, Pidgin, Spanish, Cantonese (a gloss
           in brackets) */
        {"I dreamt my hip broke and I couldn't walk, woke up sweating", NULL, QUIET},
        {"dreamt about the race and I woke up and could not put weight on my leg", NULL, TODAY},
        {"had a bad dream and I couldn't sleep for the hip pain after", NULL, SOON},
        {"I dreamt of the race and I was awake all night with the hip pain", NULL, SOON},
        {"mne snilos that I cannot walk. woke up, all normal", NULL, QUIET},
        {"I dream say okada jam me and I no fit waka, na dream", NULL, QUIET},
        {"sone que me quebraba la cadera and couldnt walk", NULL, QUIET},
        {"ngo faat mung (dreamt) my hip got big lump, check already", NULL, QUIET},
        /* Cantonese: fat siu, gau nin (the past across a gloss) */
        {"fat siu 39, hip hot and swollen", NULL, TODAY},
        {"mo fat siu, hip ok la", NULL, QUIET},
        {"gau nin (last year) hip locking, physio fixed, ok now", NULL, QUIET},
        {"hip locking today, 3 times", NULL, SOON},
        /* a foot asleep on a drive; not a foot that drags */
        {"foot was sleeping after long drive, tingling, I stamp it and it goes", NULL, QUIET},
        {"tingling in my foot and it drags since Monday, back pain", NULL, SOON},
        /* a weight lost with its cause; not after stopping running */
        {"lost 3 kilos because I stopped eating sweets", NULL, QUIET},
        {"lost 4 kilos since I stopped running, eating the same", NULL, SOON},
        {"skipping lunch most days at work, lost 2kg", NULL, QUIET},
        /* a night ache after a day's work or a distance (a number between) */
        {"hip ached at night after a big day at work but slept fine", NULL, QUIET},
        {"in night hip ached after 20 km, slept ok", NULL, QUIET},
        {"hip aches at night even on rest days, wakes me", NULL, SOON},
        /* a lump not going back; a gym not gone back to */
        {"lump in my groin came out today and not going back, very hard, I am vomiting", NULL,
         TODAY},
        {"came out of the gym and not going back there, hip fine", NULL, QUIET},
        /* the toilet not sensed, not controlled, the water not out */
        {"back and hip bad since Tuesday, now I can't tell when I need the toilet", NULL, TODAY},
        {"cannot control the toilet, number two came without warning, back pain", NULL, TODAY},
        {"couldn't get the water out properly this morning, back sore", NULL, TODAY},
        /* Ghanaian English; a teenager's "been killing" with a limp, not the legs after a race */
        {"the hip pain doesn't allow me to sleep at all, it is paining me", NULL, SOON},
        {"sometimes the hip will hold, it will not move at all, then it clicks and releases", NULL,
         SOON},
        {"landed on my hip in rugby, its been killing ever since and im limping", NULL, TODAY},
        {"my legs have been killing since the race, walking like a penguin", NULL, QUIET},
        /* Lebanese Arabizi: each sign, and its denials, kin, dream, past, diet */
        {"w2e3et, ma fiye 7ott ejre 3al ard abadan", NULL, TODAY},
        {"el wirk 3el2et marten lyom, ma fiye 7arrek ejre abadan", NULL, SOON},
        {"el ta2ta2a bel wirk ma 3ad fi, w ma 3ad 3el2et men shahrayn", NULL, QUIET},
        {"khaye w2e3 3an el motor w ma fi yemshe, ana mni7", NULL, QUIET},
        {"7lemet eno ejre nkasret w ma fiye emshe", NULL, QUIET},
        {"sene l madye kan fi wajja3 bel leil bel wirk, hala2 mni7", NULL, QUIET},
        {"nzelt 3 kilo men el diet, el wirk mni7", NULL, QUIET},
        {"nezelt 6 kilo bala ma 7awel, el wirk 3am yewja3ne", NULL, SOON},
        {"el wajja3 bel wirk ma 3am yrou7 7atta bel leil, b2oum 3 marrat kel leile", NULL, SOON},
        {"kel yom a3tal, mbere7 el wajja3 3 men 10, lyom 8", NULL, SOON},
        {"fi 7abbe 2add 7abbet el 3enab bel groin, lamma es3al btbayyen aktar w lamma enzal "
         "btekhtefe",
         NULL, SOON},
        {"I cyah put the foot down at all, my brother had to carry me", NULL, TODAY},
        /* Trinidadian: cyah, maxi taxi; Pidgin: the okada one rode crashed */
        {"a maxi taxi clip me while I running, hip real pain, swelling up", NULL, TODAY},
        {"took a maxi taxi to the race, hip fine", NULL, QUIET},
        {"okada wey carry me go work jam one car, I fall hard for my side, hip dey pain me and I "
         "dey limp",
         NULL, TODAY},
        /* an English time stays a time: "3am" is not the Arabizi "3am" */
        {"the hip pain wakes me at 3am every night", NULL, SOON},
        {"hip aching at 3am hurting me", NULL, SOON},
        {"el wirk 3am yewja3ne shway ba3d el run, 3adi", NULL, QUIET},
        /* English words the Arabizi and toilet readings must leave alone */
        {"can't get the water out of my ear after the swim, hip fine", NULL, QUIET},
        {"watched the men 10k final, hip 2", NULL, QUIET},
        {"saw a pine marten on the trail, hip locked once last month", NULL, QUIET},
        {"my dog couldn't hold it and peed on the rug, hip fine", NULL, QUIET},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = dia37_urgency(cases[i].note, cases[i].ctx);
        bool ok = cases[i].want == QUIET ? got == QUIET : got >= cases[i].want;
        if (!ok)
            fprintf(stderr, "dia39: \"%s\": want %d, got %d\n", cases[i].note, cases[i].want, got);
        CHECK(ok);
    }
    /* the limits that stay at their level: a dream of last night does not
     * reach a new sentence, a gloss of more than three words is an aside
     * (its stop ends the dream), a lump of last year told back stays */
    CHECK_INT(dia37_urgency("I dreamt of the race. I can not put weight on my leg today", NULL),
              TODAY);
    CHECK_INT(dia37_urgency(
                  "ngo faat mung (a very long and bad dream). today I can not put weight on my leg",
                  NULL),
              TODAY);
    CHECK_INT(dia37_urgency("last year I had a lump in my groin, it is back and bigger", NULL),
              SOON);
}

/* Session 34 (branch dia42): two day scores that leap by five or more
 * (series_leap, in a sentence of two times), and the voices of the open
 * notes43 and notes44 (Quebec French, Taglish, Tamil, Swedish, Hiberno-
 * English, Scouse spellings of a dream): each sign read, and its limit. */
static void test_dia42_voices(void)
{
    enum { QUIET = -1, SOON = RH_DISP_SEE_DOCTOR_SOON, TODAY = RH_DISP_URGENT };
    static const struct {
        const char *note, *ctx;
        int want; /* the least urgency, or QUIET */
    } cases[] = {
        /* a leap of two scores between two times: worse fast */
        {"hip was a 3 on tuesday and now it is a 9, limping", NULL, SOON},
        {"pain 2 yesterday morning, 8 tonight and climbing", NULL, SOON},
        {"mardi c'tait un 3 sur 10, à soir un 9, je boite", NULL, SOON},
        /* ... not a scale ("2 of 10", "2/10"), a distance or a date */
        {"hip 2 of 10 today after the long run, fine", NULL, QUIET},
        {"hip pain 2/10 on monday, 10k run today, easy", NULL, QUIET},
        {"period 4 to 10 January, pain settling", NULL, QUIET},
        /* Quebec French: chu pu capable, bloque, maigri; not the English sue, empire */
        {"chu pu capable de mettre de poids sur ma jambe depuis ce matin", NULL, TODAY},
        {"ma hanche bloque, j'peux pu la plier, 2e fois cette semaine", NULL, SOON},
        {"j'ai maigri de 7 kilos sans essayer. la hanche fait mal", NULL, SOON},
        {"I sue the company tomorrow, hip fine", NULL, QUIET},
        {"the empire strikes back marathon, hip fine", NULL, QUIET},
        {"ma coloc a une bosse dans l'aine, moi rien", NULL, QUIET},
        /* Taglish: nabangga, makaihi, sinadya, pasyente */
        {"Nabangga ako ng motor kanina, sobrang sakit ng balakang", NULL, TODAY},
        {"hindi ako makaihi since kaninang umaga, masakit ang likod", NULL, TODAY},
        {"Pumayat ako ng 3 kilos, sinadya ko talaga, hip ok", NULL, QUIET},
        {"Yung pasyente ko may lagnat at namamaga ang tuhod. Ako ok lang", NULL, QUIET},
        /* Tamil: idupu vali raathiri, katti, oonave mudiyala */
        {"idupu vali raathiri full ah, thoongave illa", NULL, SOON},
        {"oru katti groin la, cough pannumbothu periya aagudhu", NULL, SOON},
        {"kaal oonave mudiyala since morning", NULL, TODAY},
        /* Swedish: knöl, ljumske; förra året the past */
        {"Found a knöl in the ljumske, grows when I cough", NULL, SOON},
        {"Förra året I had night pain from the hip, gone since long", NULL, QUIET},
        /* dreams told "just a dream I had", and spelt "dremt"; Hiberno-English */
        {"it was just a dream I had that I couldn't walk, ran 5k fine", NULL, QUIET},
        {"dremt i broke me hip and couldnt walk, its fine, ran 5k", NULL, QUIET},
        {"couldnt put a foot under me since the fall in the yard", NULL, TODAY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = dia37_urgency(cases[i].note, cases[i].ctx);
        bool ok = cases[i].want == QUIET ? got == QUIET : got >= cases[i].want;
        if (!ok)
            fprintf(stderr, "dia42: \"%s\": want %d, got %d\n", cases[i].note, cases[i].want, got);
        CHECK(ok);
    }
}

int main(void)
{
    RUN(test_note_set);
    RUN(test_same_as_assessment);
    RUN(test_context);
    RUN(test_because_names_note); /* session 11 (branch rev11a) */
    RUN(test_review7_signs);
    RUN(test_review7b_weak_leg);
    RUN(test_note_in_own_words);
    RUN(test_numb_tingle_words);
    RUN(test_high_energy_in_own_words);
    RUN(test_signs_parse);
    RUN(test_ticks);
    RUN(test_loader_rejects);
    RUN(test_loader_names_its_file); /* session 33 (branch hyg33) */
    RUN(test_painless_hop_context); /* session 12 (branch loop12) */
    RUN(test_pelvic_reading_once);
    RUN(test_moment_onset_reason);
    RUN(test_more_explained_and_full_tables); /* session 13 (branch diary14) */
    RUN(test_notes9_readings);                /* session 13 (branch diary14) */
    RUN(test_spared_fever_entry_pain);        /* session 23 (branch diary27) */
    RUN(test_n26ret_readings);                /* session 28 (branch n26ret) */
    RUN(test_dia29_readings);                 /* session 32 (branch dia29) */
    RUN(test_blind_sets);
    RUN(test_train_sets);
    RUN(test_typo_sets); /* session 27 (branch typo27) */
    RUN(test_typo_tolerance); /* session 27 (branch typo27) */
    RUN(test_lay_sets);         /* session 28 (branch lay28) */
    RUN(test_lay28_mechanisms); /* session 28 (branch lay28) */
    RUN(test_lay29_mechanisms); /* session 29 (branch lay29) */
    RUN(test_dia37_voices);     /* session 32 (branch dia37) */
    RUN(test_dia39_voices);     /* session 33 (branch dia39) */
    RUN(test_dia42_voices);     /* session 34 (branch dia42) */
    RUN(test_rewrite_value_whole); /* session 20 (branch fuzz20) */
    RUN(test_hostile_notes);       /* session 20 (branch fuzz20) */
    RUN(test_note_quote_in_its_clause); /* session 23 (runner23) */
    RUN(test_night_heading_and_quote); /* session 25 (branch notes25) */
    return TEST_END();
}
