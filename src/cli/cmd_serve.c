/* SPDX-License-Identifier: MIT */
/*
 * runhip serve [--bind ADDR] [--port N] [--host NAME]: the web app
 * (include/runhip/server.h). Makes sure the database exists, starts the
 * daemon, prints the address and waits for SIGINT or SIGTERM, then stops
 * the daemon cleanly. Loopback only by default; with --bind to another
 * address a random access token is made and printed once, in the link
 * (the browser keeps it in a cookie after the first visit).
 */
#include <stdlib.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "runhip/server.h"
#include "util/banned.h"

/* words22b: the command's own words, data/wording.txt [cli_serve], a closed
 * set of printf formats checked before anything else (the addresses, the
 * link and its token are layout, here) */
static const struct rh_words_format serve_words[] = {
    {"bad_port", "s"}, {"token_note", ""}, {"token_once", ""},
    {"by_address", ""}, {"database", "s"}, {"stopped", ""},
};
#define W(key) rh_cli_words("cli_serve", (key))
#define WC(key) rh_cli_words("cli_common", (key))

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int cmd_serve(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"bind", required_argument, NULL, 'b'},
                                         {"port", required_argument, NULL, 'p'},
                                         {"host", required_argument, NULL, 'H'},
                                         {0}};
    const char *hosts = NULL;
    const char *bind_addr = RH_SERVER_DEFAULT_BIND;
    long port = RH_SERVER_DEFAULT_PORT;
    int c = rh_cli_words_check("serve", "cli_serve", serve_words,
                               sizeof serve_words / sizeof *serve_words);
    if (c)
        return c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'b') {
            bind_addr = optarg;
        } else if (c == 'H') {
            hosts = optarg;
        } else if (c == 'p') {
            if (rh_parse_long(optarg, &port) || port < 0 || port > 65535) {
                rh_cli_error("serve", W("bad_port"), optarg);
                return RH_EXIT_DATA;
            }
        } else {
            return rh_cli_bad_option("serve", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_error("serve", WC("unexpected"), argv[optind]);
        return RH_EXIT_USAGE;
    }
    /* Create (or migrate) the database once, so each request can open it
     * read-only. */
    struct rh_store *s;
    int rc = rh_cli_open_store(cli, &s);
    if (rc)
        return rc;
    char path[4096];
    snprintf(path, sizeof path, "%s", rh_store_path(s));
    rh_store_close(s);

    char token[RH_SERVER_TOKEN_LEN + 1] = "";
    bool open_to_others = !rh_server_is_loopback(bind_addr);
    struct rh_err err;
    rh_err_clear(&err);
    if (open_to_others && rh_server_token(token, &err))
        return rh_cli_report("serve", &err);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    const char *tmp = getenv("TMPDIR");
    struct rh_server_opts o = {.bind = bind_addr,
                               .port = (unsigned)port,
                               .db_path = path,
                               .token = open_to_others ? token : NULL,
                               .hosts = hosts,
                               .tmp_dir = tmp && *tmp ? tmp : "/tmp",
                               .zone = getenv("TZ"),
                               .has_today = cli->has_today,
                               .today = cli->today};
    struct rh_server *srv;
    if (rh_server_start(&o, &srv, &err)) {
        rc = rh_cli_report("serve", &err);
        return err.code == RH_EINVAL ? RH_EXIT_DATA : rc;
    }
    bool v6 = strchr(bind_addr, ':') && bind_addr[0] != '[';
    if (open_to_others) {
        printf("runhip: http://%s%s%s:%u/?token=%s\n", v6 ? "[" : "", bind_addr, v6 ? "]" : "",
               rh_server_port(srv), token);
        printf("  %s\n  %s\n", W("token_note"), W("token_once"));
        if (!hosts)
            printf("  %s\n", W("by_address"));
    } else {
        printf("runhip: http://%s%s%s:%u/\n", v6 ? "[" : "", bind_addr, v6 ? "]" : "",
               rh_server_port(srv));
    }
    fputs("  ", stdout);
    printf(W("database"), path);
    fputs("\n", stdout);
    fflush(stdout);
    /* a short sleep rather than pause(): no race with a signal that
     * arrives between the test and the wait */
    while (!stop_requested) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    rh_server_stop(srv);
    printf("runhip: %s\n", W("stopped"));
    return RH_EXIT_OK;
}
