/* SPDX-License-Identifier: MIT */
/*
 * words22: the terminal's own words are data/wording.txt [cli_*], closed
 * sets of printf formats, each declared once in its command's table (the
 * rh_words_format array given to rh_cli_words_check). Read from the
 * sources of src/cli: every table matches its section exactly (the check
 * each command runs first), and every key a file asks for, through its
 * W(key) macro (#define W(key) rh_cli_words("cli_x", (key))) or a direct
 * rh_cli_words("cli_x", "key"), is in its section's table, so no text can
 * come out as "" at run time.
 * words22b: the library's closed sections too, read the same way from
 * src/plan (#define OW(key) rh__words("checkin_items", (key)), a table
 * given to rh_words_format_check): [checkin_items] (the check-in's
 * questions and options, asked for by a table of keys, so each is also
 * read through rh_ostrc_question/option) and [plan_moves]; [cli_help]'s
 * NAME.summary and NAME.usage are asked for by the name of each command of
 * the dispatch table (src/cli/commands.c), each checked here.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/plan.h"
#include "runhip/text.h"

#define MAX_KEYS 256
#define MAX_TABLES 32

struct table {
    char section[64];
    bool named; /* words27: rh_words_named, conv the names of its holes */
    int n;
    char key[MAX_KEYS][64], conv[MAX_KEYS][80];
};

static struct table tables[MAX_TABLES];
static int n_tables;

/* The library's sections read this way (words22b), besides cli_*. */
static const char *const lib_sections[] = {"checkin_items", "plan_moves", "plan_why",
                                           "checkin_errors", "diary_words"};

static bool read_here(const char *section)
{
    if (strncmp(section, "cli_", 4) == 0)
        return true;
    for (size_t i = 0; i < sizeof lib_sections / sizeof *lib_sections; i++)
        if (strcmp(section, lib_sections[i]) == 0)
            return true;
    return false;
}

/* The accessors: the terminal's and the library's. */
static const char *const accessors[] = {"rh_cli_words(\"", "rh__words(\""};

static size_t accessor_at(const char *p)
{
    for (size_t i = 0; i < sizeof accessors / sizeof *accessors; i++)
        if (strncmp(p, accessors[i], strlen(accessors[i])) == 0)
            return strlen(accessors[i]) - 1; /* up to the quote */
    return 0;
}

/* The string literal at p ('"'), copied to out; the position after it. */
static const char *literal(const char *p, char *out, size_t cap)
{
    size_t n = 0;
    for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1])
            p++;
        if (n + 1 < cap)
            out[n++] = *p;
    }
    out[n] = '\0';
    return *p ? p + 1 : p;
}

static const char *skip_space(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

static struct table *table_of(const char *section)
{
    for (int i = 0; i < n_tables; i++)
        if (strcmp(tables[i].section, section) == 0)
            return &tables[i];
    return NULL;
}

/* The table NAME of src ("rh_words_format NAME[] = {...};", or
 * rh_words_named) for section. */
static int read_table(const char *src, const char *name, const char *section, bool named)
{
    char head[128];
    snprintf(head, sizeof head, "%s %s[] = {", named ? "rh_words_named" : "rh_words_format",
             name);
    const char *p = strstr(src, head), *end = p ? strstr(p, "};") : NULL;
    if (!p || !end || n_tables == MAX_TABLES || table_of(section)) {
        fprintf(stderr, "  no table %s for [%s] (or a second one)\n", name, section);
        return 1;
    }
    struct table *t = &tables[n_tables++];
    memset(t, 0, sizeof *t);
    snprintf(t->section, sizeof t->section, "%s", section);
    t->named = named;
    for (p += strlen(head); p < end && t->n < MAX_KEYS; p++) {
        if (*p != '{')
            continue;
        p = skip_space(p + 1);
        if (*p != '"')
            continue;
        p = literal(p, t->key[t->n], sizeof t->key[0]);
        p = skip_space(skip_space(p) + 1); /* the comma */
        if (*p != '"')
            return 1;
        p = literal(p, t->conv[t->n], sizeof t->conv[0]);
        t->n++;
        p--;
    }
    return 0;
}

/* The tables a source gives its sections: each call of rh_cli_words_check
 * ("cmd", "cli_x", TABLE, ...) or rh_words_format_check("cli_x", TABLE, ...). */
static int read_tables(const char *src)
{
    static const char *const calls[] = {"rh_cli_words_check(", "rh_words_format_check(",
                                        "rh_words_named_check("};
    int bad = 0;
    for (int c = 0; c < 3; c++)
        for (const char *p = src; (p = strstr(p, calls[c])); p++) {
            const char *q = skip_space(p + strlen(calls[c]));
            char section[64], name[64];
            if (c == 0) { /* the command's name first (NULL: main's own) */
                if (strncmp(q, "NULL", 4) == 0)
                    q = skip_space(skip_space(q + 4) + 1);
                else if (*q != '"')
                    continue; /* the declaration, not a call */
                else
                    q = skip_space(skip_space(literal(q, section, sizeof section)) + 1);
            }
            if (*q != '"')
                continue;
            q = literal(q, section, sizeof section);
            if (!read_here(section))
                continue;
            q = skip_space(skip_space(q) + 1);
            size_t n = 0;
            while ((isalnum((unsigned char)q[n]) || q[n] == '_') && n + 1 < sizeof name)
                n++;
            memcpy(name, q, n);
            name[n] = '\0';
            bad += read_table(src, name, section, c == 2);
        }
    return bad;
}

static bool declared(const char *section, const char *key)
{
    const struct table *t = table_of(section);
    for (int i = 0; t && i < t->n; i++)
        if (strcmp(t->key[i], key) == 0)
            return true;
    return false;
}

/* Every string literal inside the parentheses opened at p: the keys asked
 * for (W(a ? "x" : "y") asks for both); the count of undeclared ones. */
static int uses_in(const char *label, const char *p, const char *section, int *uses)
{
    int depth = 0, bad = 0;
    for (; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            break;
        else if (*p == '"') {
            char key[128];
            p = literal(p, key, sizeof key) - 1;
            (*uses)++;
            if (!declared(section, key)) {
                fprintf(stderr, "  %s: [%s] %s is asked for but not declared\n", label, section,
                        key);
                bad++;
            }
        }
    }
    return bad;
}

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* words27: the keys of the named sections asked for by their fillers
 * (plan.c's why_text(dst, cap, "key", "hole", value, ..., NULL), ostrc.c's
 * error_of(err, code, "key", ...)): the first literal of the call is a key
 * of its table, and in why_text each literal after it a hole of that key. */
static int check_named_uses(const char *label, const char *src, int *uses)
{
    static const struct {
        const char *call, *section;
        bool holes;
    } fillers[] = {{"why_text(", "plan_why", true},
                   {"error_of(", "checkin_errors", false},
                   {"diary_err(", "diary_words", false}};
    int bad = 0;
    for (size_t f = 0; f < sizeof fillers / sizeof *fillers; f++) {
        const struct table *t = table_of(fillers[f].section);
        for (const char *p = src; (p = strstr(p, fillers[f].call)); p++) {
            if (p > src && ident_char(p[-1]))
                continue;
            const char *q = p + strlen(fillers[f].call);
            int depth = 1, lit = 0, k = -1;
            for (; *q && depth; q++) {
                if (*q == '(')
                    depth++;
                else if (*q == ')')
                    depth--;
                else if (*q == '"' && depth == 1) {
                    char w[128];
                    q = literal(q, w, sizeof w) - 1;
                    if (lit++ == 0) {
                        (*uses)++;
                        for (int i = 0; t && i < t->n && k < 0; i++)
                            if (strcmp(t->key[i], w) == 0)
                                k = i;
                        if (k < 0) {
                            fprintf(stderr, "  %s: [%s] %s is asked for but not declared\n",
                                    label, fillers[f].section, w);
                            bad++;
                        }
                    } else if (fillers[f].holes && k >= 0) {
                        /* a hole the table gives that key */
                        char pad[140];
                        snprintf(pad, sizeof pad, " %s ", w);
                        char names[100];
                        snprintf(names, sizeof names, " %s ", t->conv[k]);
                        if (!strstr(names, pad)) {
                            fprintf(stderr, "  %s: [%s] %s has no hole {%s}\n", label,
                                    fillers[f].section, t->key[k], w);
                            bad++;
                        }
                    }
                }
            }
        }
    }
    return bad;
}

/* The keys a source asks for: through its macros and rh_cli_words calls. */
static int check_uses(const char *label, const char *src, int *uses)
{
    int bad = check_named_uses(label, src, uses);
    static const char def[] = "#define ";
    for (const char *p = src; (p = strstr(p, def)); p++) {
        const char *m = p + strlen(def), *e = m;
        while (ident_char(*e))
            e++;
        const char *call = skip_space(e);
        if (strncmp(call, "(key)", 5) != 0)
            continue;
        call = skip_space(call + 5);
        size_t a = accessor_at(call);
        if (!a)
            continue;
        char section[64], macro[32];
        literal(call + a, section, sizeof section);
        snprintf(macro, sizeof macro, "%.*s(", (int)(e - m), m);
        for (const char *u = src; (u = strstr(u, macro)); u++) {
            if (u > src && (ident_char(u[-1]) || u == m))
                continue;
            bad += uses_in(label, u + strlen(macro) - 1, section, uses);
        }
    }
    for (const char *p = src; *p; p++) {
        size_t a = accessor_at(p);
        if (!a || (p > src && ident_char(p[-1])))
            continue;
        char section[64], key[128];
        const char *q = skip_space(skip_space(literal(p + a, section, sizeof section)) + 1);
        if (*q != '"')
            continue; /* a macro's body: (key) */
        literal(q, key, sizeof key);
        if (!read_here(section))
            continue; /* another section: its own loader's closed list */
        (*uses)++;
        if (!declared(section, key)) {
            fprintf(stderr, "  %s: [%s] %s is asked for but not declared\n", label, section, key);
            bad++;
        }
    }
    return bad;
}

struct source {
    char path[300];
    char *text;
};

static int read_dir(const char *dir, struct source *s, int n, int cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && n < cap) {
        size_t l = strlen(e->d_name);
        if (l < 3 || strcmp(e->d_name + l - 2, ".c") != 0)
            continue;
        snprintf(s[n].path, sizeof s[n].path, "%s/%s", dir, e->d_name);
        s[n].text = test_slurp(s[n].path, NULL);
        if (s[n].text)
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

static int read_sources(struct source *s, int cap)
{
    return read_dir("src/plan", s, read_dir("src/cli", s, 0, cap), cap);
}

static void test_every_key_used_is_declared(void)
{
    static struct source src[64];
    int n = read_sources(src, 64), bad = 0, uses = 0;
    CHECK(n > 10);
    n_tables = 0;
    for (int i = 0; i < n; i++)
        bad += read_tables(src[i].text);
    CHECK_INT(bad, 0);
    /* each table is its section, exactly (the check each command runs) */
    int keys = 0;
    for (int i = 0; i < n_tables; i++) {
        struct rh_words_format f[MAX_KEYS];
        struct rh_words_named nf[MAX_KEYS];
        for (int k = 0; k < tables[i].n; k++) {
            f[k] = (struct rh_words_format){tables[i].key[k], tables[i].conv[k]};
            nf[k] = (struct rh_words_named){tables[i].key[k], tables[i].conv[k]};
        }
        struct rh_err e;
        rh_err_clear(&e);
        int r = tables[i].named
                    ? rh_words_named_check(tables[i].section, nf, (size_t)tables[i].n, &e)
                    : rh_words_format_check(tables[i].section, f, (size_t)tables[i].n, &e);
        if (r)
            fprintf(stderr, "  %s\n", e.msg);
        CHECK_INT(r, 0);
        keys += tables[i].n;
    }
    for (int i = 0; i < n; i++)
        bad += check_uses(src[i].path, src[i].text, &uses);
    CHECK_INT(bad, 0);
    /* the reading itself finds what is there */
    CHECK(table_of("cli_common") && table_of("cli_log") && table_of("cli_demo"));
    CHECK(declared("cli_log", "logged") && !declared("cli_log", "no_such_key"));
    CHECK(table_of("checkin_items") && table_of("plan_moves"));
    CHECK(table_of("plan_why") && table_of("checkin_errors")); /* words27 */
    CHECK(table_of("plan_why")->named && declared("plan_why", "checkin_no_problem"));
    /* words22b: each command of the dispatch table ({"NAME", cmd_NAME})
     * has its summary and usage in [cli_help], asked for by its name */
    int commands = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(src[i].path, "src/cli/commands.c") != 0)
            continue;
        for (const char *p = src[i].text; (p = strstr(p, "{\"")); p++) {
            char name[64], key[80];
            const char *q = skip_space(skip_space(literal(p + 1, name, sizeof name)) + 1);
            if (strncmp(q, "cmd_", 4) != 0)
                continue;
            commands++;
            snprintf(key, sizeof key, "%s.summary", name);
            CHECK(declared("cli_help", key));
            snprintf(key, sizeof key, "%s.usage", name);
            CHECK(declared("cli_help", key));
        }
    }
    CHECK(commands >= 15);
    CHECK(declared("plan_moves", "pain_rule_back") && declared("checkin_items", "q4.4"));
    CHECK(uses > 50);
    printf("   %d sections, %d keys declared, %d asked for\n", n_tables, keys, uses);
    for (int i = 0; i < n; i++)
        free(src[i].text);
}

/* The reading catches a key asked for and not declared, through a macro
 * and directly, and one inside a condition. */
static void test_the_check_finds_an_undeclared_key(void)
{
    n_tables = 1;
    memset(&tables[0], 0, sizeof tables[0]);
    snprintf(tables[0].section, sizeof tables[0].section, "cli_x");
    snprintf(tables[0].key[0], sizeof tables[0].key[0], "known");
    tables[0].n = 1;
    int uses = 0;
    CHECK_INT(check_uses("t", "#define W(key) rh_cli_words(\"cli_x\", (key))\n"
                              "f(W(\"known\")); g(W(a ? \"known\" : \"other\"));",
                         &uses),
              1);
    CHECK_INT(uses, 3);
    CHECK_INT(check_uses("t", "f(rh_cli_words(\"cli_x\", \"missing\")); ROW(\"x\");", &uses), 1);
    /* words27: a named section's filler asking for a key or a hole its
     * table does not give */
    n_tables = 1;
    memset(&tables[0], 0, sizeof tables[0]);
    snprintf(tables[0].section, sizeof tables[0].section, "plan_why");
    tables[0].named = true;
    snprintf(tables[0].key[0], sizeof tables[0].key[0], "k");
    snprintf(tables[0].conv[0], sizeof tables[0].conv[0], "a b");
    tables[0].n = 1;
    CHECK_INT(check_uses("t", "why_text(t, 9, \"k\", \"a\", x, \"b\", y(1), NULL);", &uses), 0);
    CHECK_INT(check_uses("t", "why_text(t, 9, \"k\", \"c\", x, NULL); why_text(t, 9, \"z\", NULL);",
                         &uses),
              2);
    n_tables = 0;
}

/* words22b: the check-in's questions and options are asked for by a table
 * of keys (ostrc.c item_keys), not literals the reading sees: each is read
 * through the library and found, and nothing past the four items. */
static void test_checkin_items_all_found(void)
{
    for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
        char key[32];
        snprintf(key, sizeof key, "q%d", q + 1);
        CHECK(*rh_ostrc_question(q));
        CHECK_STR(rh_ostrc_question(q), rh_words("checkin_items", key));
        for (int o = 1; o <= RH_OSTRC_OPTIONS; o++) {
            snprintf(key, sizeof key, "q%d.%d", q + 1, o);
            CHECK(*rh_ostrc_option(q, o));
            CHECK_STR(rh_ostrc_option(q, o), rh_words("checkin_items", key));
        }
    }
    CHECK_STR(rh_ostrc_question(RH_OSTRC_ITEMS), "");
    CHECK_STR(rh_ostrc_option(0, RH_OSTRC_OPTIONS + 1), "");
    CHECK_STR(rh_ostrc_substantial_words(), rh_words("checkin_items", "substantial"));
    CHECK(strstr(rh_ostrc_question(0), "run and train as usual") != NULL);
}

int main(void)
{
    RUN(test_checkin_items_all_found);
    RUN(test_the_check_finds_an_undeclared_key);
    RUN(test_every_key_used_is_declared);
    return TEST_END();
}
