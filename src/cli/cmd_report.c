/* SPDX-License-Identifier: MIT */
/*
 * runhip report [--html FILE]: the hand-off report for a physiotherapist
 * or doctor (runhip/report.h). The page is written to FILE (default
 * runhip-report.html in the current folder); the browser's print makes the
 * PDF. The logic is in the library; this only writes the file.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/report.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_report], a closed
 * set of printf formats checked before anything is read; the report's are
 * [report_words] */
#define W(key) rh_cli_words("cli_report", (key))
#define WC(key) rh_cli_words("cli_common", (key))
static const struct rh_words_format report_words[] = {{"written", "s"}, {"how", ""}};

int cmd_report(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"html", required_argument, NULL, 'h'}, {0}};
    const char *path = "runhip-report.html";
    int c = rh_cli_words_check("report", "cli_report", report_words,
                               sizeof report_words / sizeof *report_words);
    if (c) /* before anything is read */
        return c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'h')
            path = optarg;
        else
            return rh_cli_bad_option("report", argc, argv);
    }
    if (optind < argc) {
        rh_cli_error("report", WC("unexpected_help"), argv[optind], "report");
        return RH_EXIT_USAGE;
    }
    struct rh_store *s;
    int st = rh_cli_open_existing(cli, &s);
    if (st)
        return st;
    struct rh_buf page;
    struct rh_err err;
    rh_err_clear(&err);
    rh_buf_init(&page, 0);
    int r = rh_report_html(s, rh_cli_today(cli), NULL, &page, &err);
    if (r) {
        st = rh_cli_report("report", &err);
    } else {
        /* written whole to a temporary name, then renamed: never half a page */
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        FILE *f = fopen(tmp, "wb");
        bool ok = f && fwrite(page.data, 1, page.len, f) == page.len;
        if (f)
            ok = (fclose(f) == 0) && ok;
        if (!ok || rename(tmp, path) != 0) {
            rh_cli_error(path, WC("cannot_write"), strerror(errno));
            remove(tmp);
            st = RH_EXIT_IO;
        } else {
            /* the whole path, so the runner finds the file wherever it went
             * (review 8 #21: the default is a name in the current folder) */
            char *full = realpath(path, NULL);
            printf(W("written"), full ? full : path);
            printf("\n%s\n", W("how"));
            free(full);
        }
    }
    rh_buf_release(&page);
    rh_store_close(s);
    return st;
}
