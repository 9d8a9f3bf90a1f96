/* SPDX-License-Identifier: MIT */
/*
 * runhip serve [--bind ADDR] [--port N]: the local read-only dashboard
 * (include/runhip/server.h). Makes sure the database exists, starts the
 * daemon, prints the URL and waits for SIGINT or SIGTERM, then stops the
 * daemon cleanly. Binding to an address that is not loopback is allowed
 * but warned about: the dashboard has no login.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "runhip/server.h"
#include "util/banned.h"

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
                                         {0}};
    const char *bind_addr = RH_SERVER_DEFAULT_BIND;
    long port = RH_SERVER_DEFAULT_PORT;
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'b') {
            bind_addr = optarg;
        } else if (c == 'p') {
            if (rh_parse_long(optarg, &port) || port < 0 || port > 65535) {
                rh_cli_error("serve", "--port: '%s' is not a port number (0-65535)", optarg);
                return RH_EXIT_USAGE;
            }
        } else {
            return rh_cli_bad_option("serve", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_error("serve", "unexpected argument '%s'", argv[optind]);
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

    if (!rh_server_is_loopback(bind_addr))
        fprintf(stderr,
                "runhip: serve: warning: %s is not a loopback address; anyone who can reach "
                "it can read your health data (there is no login)\n",
                bind_addr);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    struct rh_server_opts o = {bind_addr, (unsigned)port, path};
    struct rh_server *srv;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_server_start(&o, &srv, &err)) {
        rc = rh_cli_report("serve", &err);
        return err.code == RH_EINVAL ? RH_EXIT_USAGE : rc;
    }
    bool v6 = strchr(bind_addr, ':') && bind_addr[0] != '[';
    printf("runhip dashboard: http://%s%s%s:%u/  (database %s; Ctrl-C to stop)\n",
           v6 ? "[" : "", bind_addr, v6 ? "]" : "", rh_server_port(srv), path);
    fflush(stdout);
    /* a short sleep rather than pause(): no race with a signal that
     * arrives between the test and the wait */
    while (!stop_requested) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    rh_server_stop(srv);
    printf("runhip dashboard stopped\n");
    return RH_EXIT_OK;
}
