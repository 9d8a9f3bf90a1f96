/* SPDX-License-Identifier: MIT */
/*
 * runhip import PATH...: stores every activity found under the paths (files,
 * folders, .gz, zip exports), one transaction per activity. A bad file is
 * named with its reason and the import goes on; the last line counts what
 * was imported, what was already there and what failed. On a terminal a
 * progress bar on stderr shows files and MB done, the rate and the time left.
 *
 * An import is a batch job: it lowers its own CPU priority by IMPORT_NICE,
 * so that the web app (`runhip serve`) and the rest of the machine stay
 * responsive while it runs; on an idle machine it runs as fast as before.
 * Measured with bench/web.sh on two cores: during an import at 256
 * connections the today page's p99 was 63 ms beside an import at the
 * same priority and 13 ms beside one lowered (bench/README.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli/cli.h"
#include "runhip/import.h"
#include "runhip/text.h"
#include "util/banned.h"

#define IMPORT_NICE 10 /* steps of nice(1) an import gives up (top of the file) */

/* words22: the command's own words, data/wording.txt [cli_import], a closed
 * set of printf formats checked before anything is read; a file's note is
 * the library's (rh_import_result_note) */
#define W(key) rh_cli_words("cli_import", (key))
static const struct rh_words_format import_words[] = {
    {"warning", "ss"}, {"progress", "slfffs"}, {"left", "f"},    {"jobs_bad", "s"},
    {"nothing", ""},   {"summary", "ll"},      {"failed", "l"},  {"skipped", "l"},
    {"took", "ff"},    {"activity", "l"},
};

struct import_ui {
    bool bar;   /* a progress bar is on screen (stderr is a terminal) */
    bool shown; /* the bar has been drawn and must be wiped before a message */
    bool json;  /* --json: one document on stdout, each result an object */
    long n;     /* results written (--json) */
    int oom;    /* --json: a result could not be written */
};

/* --json: one result as an object of "results" (the same words as the
 * terminal's line in "message", its outing or leg under "part"). */
static void json_result(struct import_ui *ui, const struct rh_import_result *r)
{
    static const char *const status[] = {"stored", "duplicate", "failed", "skipped"};
    char note[1200] = "", warn[1400];
    const char *msg = NULL;
    if (r->status == RH_IMPORT_FAILED)
        msg = r->err && r->err->msg[0] ? r->err->msg : rh_strerror(r->err ? r->err->code : 0);
    else if (rh_import_result_note(r, note, sizeof note))
        msg = note;
    else if (r->status == RH_IMPORT_STORED) /* its outing first, when one of several */
        msg = rh_import_result_warning(r, warn, sizeof warn);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int e = rh_buf_puts(&b, ui->n++ ? ",\n{\"file\":" : "\n{\"file\":") ||
            rh_buf_json_str(&b, r->name ? r->name : "") || rh_buf_puts(&b, ",\"status\":") ||
            rh_buf_json_str(&b, status[r->status]);
    char id[64];
    snprintf(id, sizeof id, ",\"activity_id\":%lld", (long long)r->id);
    e = e || rh_buf_puts(&b, r->id ? id : ",\"activity_id\":null") ||
        rh_buf_puts(&b, ",\"message\":") || (msg ? rh_buf_json_str(&b, msg) : rh_buf_puts(&b, "null")) ||
        rh_buf_puts(&b, ",\"part\":") || rh_import_result_part_json(r, &b);
    snprintf(id, sizeof id, ",\"replaces_whole\":%lld}", (long long)r->whole_id);
    e = e || rh_buf_puts(&b, r->whole_id ? id : ",\"replaces_whole\":null}");
    if (e)
        ui->oom = RH_ENOMEM;
    else
        fputs(b.data, stdout);
    rh_buf_release(&b);
}

static void wipe(struct import_ui *ui)
{
    if (ui->shown) {
        fputs("\r\033[K", stderr);
        ui->shown = false;
    }
}

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct import_ui *ui = ctx;
    if (r->status == RH_IMPORT_FAILED) {
        wipe(ui);
        rh_cli_report(r->name, r->err);
    }
    if (ui->json) {
        json_result(ui, r);
        return;
    }
    char note[1200];
    if (rh_import_result_note(r, note, sizeof note)) {
        wipe(ui);
        /* imp26: the note names the activity a duplicate matched by what
         * it was and when; its number right after those words (not at the
         * line's end, where a note that goes on names another activity),
         * for runhip activities --set and --delete */
        const char *what =
            r->status == RH_IMPORT_DUPLICATE && r->id && r->matched_what && *r->matched_what
                ? strstr(note, r->matched_what)
                : NULL;
        char line[1400], ref[64];
        if (what) {
            snprintf(ref, sizeof ref, W("activity"), (long)r->id);
            size_t at = (size_t)(what - note) + strlen(r->matched_what);
            snprintf(line, sizeof line, "%.*s %s%s", (int)at, note, ref, note + at);
        } else {
            snprintf(line, sizeof line, "%s", note);
        }
        printf("%s: %s\n", rh_cli_safe(r->name), rh_cli_safe(line));
    }
    if (r->status == RH_IMPORT_DUPLICATE) {
        /* said in the note */
    } else if (r->warn && r->warn->code && r->status == RH_IMPORT_STORED && !r->warn_shared) {
        wipe(ui);
        /* words27: an outing or leg of a file of several is named after the
         * file, as the import's other lines name it, so a runner can tell
         * which of them was cut; code24: a warning its outings or legs
         * share is said once, naming them all (r->warn_shared on the
         * others) */
        char who[1400], part[1024];
        if (rh_import_result_warning_parts(r, part, sizeof part))
            snprintf(who, sizeof who, "%s: %s", r->name ? r->name : "", part);
        else
            snprintf(who, sizeof who, "%s", r->name ? r->name : "");
        fputs("runhip: ", stderr);
        fprintf(stderr, W("warning"), rh_cli_safe(who),
                rh_cli_safe(r->warn->msg[0] ? r->warn->msg : rh_strerror(r->warn->code)));
        fputc('\n', stderr);
    }
}

static void on_progress(void *ctx, const struct rh_import_stats *st)
{
    struct import_ui *ui = ctx;
    if (!ui->bar)
        return;
    double mb = (double)st->bytes_done / 1e6, total = (double)st->bytes_total / 1e6;
    double rate = st->elapsed_s > 0 ? mb / st->elapsed_s : 0;
    double frac = total > 0 ? mb / total : 0;
    if (frac > 1)
        frac = 1;
    char bar[26];
    int fill = (int)(frac * 24 + 0.5);
    for (int i = 0; i < 24; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[24] = '\0';
    char left[32] = "";
    if (rate > 0 && total > mb)
        snprintf(left, sizeof left, W("left"), (total - mb) / rate);
    fputs("\r\033[K", stderr);
    fprintf(stderr, W("progress"), bar, st->files_done, mb, total, rate, left);
    fflush(stderr);
    ui->shown = true;
}

int cmd_import(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"jobs", required_argument, NULL, 'j'}, {"json", no_argument, NULL, 'J'}, {0}};
    long jobs = 0;
    bool json = false;
    int c = rh_cli_words_check("import", "cli_import", import_words,
                               sizeof import_words / sizeof *import_words);
    if (c) /* before anything is read */
        return c;
    while ((c = getopt_long(argc, argv, "j:", opts, NULL)) != -1) {
        if (c == 'J') {
            json = true;
            continue;
        }
        if (c == 'j' && rh_parse_long(optarg, &jobs) == 0 && jobs >= 1 && jobs <= 64)
            continue;
        if (c == 'j') {
            rh_cli_error("import", W("jobs_bad"), optarg);
            return RH_EXIT_DATA;
        }
        return rh_cli_bad_option("import", argc, argv);
    }
    if (optind >= argc) {
        rh_cli_error("import", "%s", W("nothing"));
        return RH_EXIT_USAGE;
    }
    /* a batch job yields the CPU to interactive work; if the priority
     * cannot be changed the import simply runs at the one it has */
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    if (prio != -1 || errno == 0)
        (void)setpriority(PRIO_PROCESS, 0, prio + IMPORT_NICE > 19 ? 19 : prio + IMPORT_NICE);
    struct rh_store *s;
    int status = rh_cli_open_store(cli, &s);
    if (status)
        return status;
    struct import_ui ui = {isatty(STDERR_FILENO) == 1 && !cli->in_demo && !json, false, json, 0, 0};
    if (json)
        fputs("{\"results\":[", stdout);
    struct rh_import_opts o = {s, (int)jobs, on_result, on_progress, ui.bar, &ui, rh_cli_today(cli),
                               NULL, NULL};
    struct rh_import_stats st;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_import_run((const char *const *)argv + optind, (size_t)(argc - optind), &o, &st,
                          &err);
    wipe(&ui);
    if (json) {
        /* the counts of the terminal's last line, by the same names */
        printf("\n],\"imported\":%ld,\"duplicates\":%ld,\"replaced\":%ld,\"failed\":%ld,"
               "\"skipped\":%ld}\n",
               st.imported, st.duplicates, st.replaced, st.failed, st.skipped);
        if (r)
            status = rh_cli_report(rh_store_path(s), &err);
        else if (ui.oom)
            status = rh_cli_report("import", &(struct rh_err){.code = RH_ENOMEM}); /* rh_strerror: out of memory */
        else if (st.failed)
            status = RH_EXIT_DATA;
        rh_store_close(s);
        return status;
    }
    /* fix18b: a fuller copy that replaced a poorer one is one of the
     * duplicates, said as such: "..., poorer copies replaced 1" after
     * them read as a fourth count (imported + duplicates + failed is
     * every activity read) */
    printf(W("summary"), st.imported, st.duplicates);
    if (st.replaced)
        printf(" (%ld %s)", st.replaced, rh_cli_words("text", "import.replaced"));
    printf(W("failed"), st.failed);
    if (st.skipped)
        printf(W("skipped"), st.skipped);
    putchar(' ');
    printf(W("took"), (double)st.bytes_done / 1e6, st.elapsed_s);
    printf("\n");
    if (r)
        status = rh_cli_report(rh_store_path(s), &err);
    else if (st.failed)
        status = RH_EXIT_DATA;
    rh_store_close(s);
    return status;
}
