/* SPDX-License-Identifier: MIT */
/* server: the HTML escaper, the loopback test, every route of
 * rh_server_handle in-process (status, content type, key content, escaping
 * of a hostile activity name and assessment text, 404 and 405, an empty
 * database, no database) and one loopback smoke test of the daemon on a
 * free port with a plain socket client whose every wait has a timeout. */
#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/assess.h"
#include "runhip/plan.h"
#include "runhip/server.h"
#include "test_load_synth.h"

static const int32_t TODAY = SYN_DAY0 + 60;
static const char hostile[] = "<script>alert('x')</script> & \"run\"";
static const char hostile_esc[] =
    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;run&quot;";

static char *escaped(const char *s)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_server_html_escape(&b, s), 0);
    if (b.len == 0) {
        rh_buf_release(&b);
        return rh_strdup("");
    }
    return rh_buf_take(&b);
}

static void test_escape(void)
{
    char *e = escaped(hostile);
    CHECK_STR(e, hostile_esc);
    rh_free(e);
    e = escaped("plain text, ünïcode\tand\nlines");
    CHECK_STR(e, "plain text, ünïcode\tand\nlines");
    rh_free(e);
    e = escaped("bell\a esc\x1b del\x7f end");
    CHECK_STR(e, "bell esc del end");
    rh_free(e);
    e = escaped("");
    CHECK_STR(e, "");
    rh_free(e);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_server_html_escape(&b, NULL), 0);
    CHECK_INT(b.len, 0);
    /* the buffer cap is honoured */
    rh_buf_init(&b, 8);
    CHECK(rh_server_html_escape(&b, "<<<<<<<<") < 0);
    rh_buf_release(&b);
}

static void test_loopback(void)
{
    CHECK(rh_server_is_loopback("127.0.0.1"));
    CHECK(rh_server_is_loopback("127.1.2.3"));
    CHECK(rh_server_is_loopback("::1"));
    CHECK(rh_server_is_loopback("localhost"));
    CHECK(!rh_server_is_loopback("0.0.0.0"));
    CHECK(!rh_server_is_loopback("192.168.1.10"));
    CHECK(!rh_server_is_loopback("127.0.0.1.evil"));
    CHECK(!rh_server_is_loopback("127.0.0"));
    CHECK(!rh_server_is_loopback("::"));
    CHECK(!rh_server_is_loopback(NULL));
}

/* One request; the response is released by the caller. */
static void get(struct rh_store *s, const char *method, const char *path,
                struct rh_server_response *res)
{
    rh_server_response_init(res);
    CHECK_INT(rh_server_handle_at(s, TODAY, method, path, res), 0);
}

static bool has(const struct rh_server_response *r, const char *needle)
{
    return r->body.len && strstr(r->body.data, needle) != NULL;
}

static void test_empty_database(void)
{
    char path[512];
    struct rh_store *s = syn_open(path, sizeof path);
    struct rh_server_response r;
    get(s, "GET", "/", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, "text/html; charset=utf-8");
    CHECK(has(&r, "<!DOCTYPE html>"));
    CHECK(has(&r, "Nothing stored yet"));
    CHECK(has(&r, "runhip import PATH"));
    CHECK(has(&r, "runhip assess"));
    CHECK(has(&r, "</html>"));
    rh_server_response_release(&r);

    get(s, "GET", "/api/activities", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body.data, "[]\n");
    rh_server_response_release(&r);

    static const char *const missing[] = {"/api/load", "/api/assessment", "/api/plan"};
    for (int i = 0; i < 3; i++) {
        get(s, "GET", missing[i], &r);
        CHECK_INT(r.status, 404);
        CHECK_STR(r.content_type, "application/json; charset=utf-8");
        json_error_t je;
        json_t *j = json_loads(r.body.data, 0, &je);
        CHECK(json_string_value(json_object_get(j, "error")) != NULL);
        CHECK(has(&r, "runhip "));
        json_decref(j);
        rh_server_response_release(&r);
    }
    get(s, "GET", "/load.svg", &r);
    CHECK_INT(r.status, 404);
    CHECK(has(&r, "runhip import"));
    rh_server_response_release(&r);
    rh_store_close(s);
}

static void test_no_database(void)
{
    struct rh_server_response r;
    get(NULL, "GET", "/", &r);
    CHECK_INT(r.status, 500);
    rh_server_response_release(&r);
    get(NULL, "GET", "/nowhere", &r);
    CHECK_INT(r.status, 404);
    rh_server_response_release(&r);
}

/* A result document of the assessment's shape with a red flag and text
 * that must be escaped. */
static char *result_doc(void)
{
    static char buf[2048];
    const char *cond = rh_assess_condition_id(0);
    snprintf(buf, sizeof buf,
             "{\"disclaimer\":\"Information, not a diagnosis.\",\"conditions\":["
             "{\"id\":\"%s\",\"name\":\"Cause <one>\",\"score\":0.62,\"why\":[\"pain <here>\"]},"
             "{\"id\":\"other\",\"name\":\"Cause two\",\"score\":0.38,\"why\":[]}],"
             "\"pain_type\":\"joint\",\"pain_type_why\":[],"
             "\"red_flags\":[{\"id\":\"stress_fracture_signs\",\"why\":\"night pain & limp\"}],"
             "\"checklist_warnings\":1,\"disposition\":\"see_doctor_soon\","
             "\"disposition_why\":[\"a red flag\"],\"running\":\"stop\",\"running_why\":[\"bone\"],"
             "\"advice\":[\"<b>rest</b> from running\"],\"confidence\":0.5,"
             "\"missing\":[],\"training_from_data\":[]}",
             cond);
    return buf;
}

/* Six weeks of runs (the last one with a hostile name and shoe), an
 * assessment and its plan. */
static struct rh_store *full_store(char *path, size_t n)
{
    struct rh_store *s = syn_open(path, n);
    for (int d = 0; d < 42; d += 2)
        syn_add(s, SYN_DAY0 + d, syn_plain(6 + d % 3, 36));
    struct rh_activity a;
    rh_activity_init(&a);
    a.sport = RH_SPORT_RUNNING;
    a.format = RH_FMT_GPX;
    a.has_start = true;
    a.start_utc = (int64_t)(SYN_DAY0 + 43) * 86400 + 8 * 3600;
    a.total_timer_s = a.total_elapsed_s = 1800;
    a.total_distance_m = 5000;
    a.n_records = 1;
    a.content_hash = 77;
    a.file = rh_strdup("hostile.gpx");
    a.name = rh_strdup(hostile);
    a.gear = rh_strdup("<i>shoe</i>");
    struct rh_err err;
    CHECK_INT(rh_store_activity_add(s, &a, NULL, &err), 0);
    rh_activity_release(&a);

    int64_t aid;
    int64_t created = (int64_t)(SYN_DAY0 + 44) * 86400;
    CHECK_INT(rh_store_assessment_add(s, created, "{}", result_doc(), &aid, &err), 0);
    struct rh_plan_kb *kb;
    CHECK_INT(rh_plan_kb_load(&kb, &err), 0);
    struct rh_plan_state st;
    CHECK_INT(rh_plan_build(kb, result_doc(), aid, SYN_DAY0 + 44, NULL, &st, &err), 0);
    char *json;
    CHECK_INT(rh_plan_state_to_json(&st, &json, &err), 0);
    CHECK_INT(rh_store_plan_add(s, aid, created, json, NULL, &err), 0);
    rh_free(json);
    rh_plan_kb_free(kb);
    return s;
}

static void test_page(void)
{
    char path[512];
    struct rh_store *s = full_store(path, sizeof path);
    struct rh_server_response r;
    get(s, "GET", "/", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, "text/html; charset=utf-8");
    /* hostile text from the database is escaped everywhere */
    CHECK(has(&r, hostile_esc));
    CHECK(!has(&r, "<script"));
    CHECK(has(&r, "&lt;i&gt;shoe&lt;/i&gt;"));
    CHECK(!has(&r, "<b>rest"));
    CHECK(has(&r, "&lt;b&gt;rest&lt;/b&gt; from running"));
    /* a ranking in words, not a percentage */
    CHECK(has(&r, "most likely: <strong>Cause &lt;one&gt;</strong>"));
    CHECK(!has(&r, "(62%)"));
    CHECK(has(&r, "pain &lt;here&gt;"));
    CHECK(has(&r, "night pain &amp; limp"));
    /* red flags first, then what to do, then the causes; the disclaimer
     * paragraph once (the chart keeps its own footnote) */
    const char *body = r.body.data;
    const char *flag = strstr(body, "signs of a bone stress injury");
    const char *todo = strstr(body, "What to do now");
    const char *causes = strstr(body, "Likely causes");
    CHECK(flag && todo && causes && flag < todo && todo < causes);
    /* the disposition with its time frame, as the terminal says it */
    CHECK(has(&r, "See a doctor within the next few days."));
    CHECK(!has(&r, "see_doctor_soon") && !has(&r, "see doctor soon"));
    const char *disc = strstr(body, "<p class=\"disclaimer\">Information, not a diagnosis.</p>");
    CHECK(disc && !strstr(disc + 10, "class=\"disclaimer\""));
    /* plan: phase, running block from the red flag, this week's 7 days */
    CHECK(has(&r, "<h2>Plan</h2>"));
    CHECK(has(&r, "Calm it down"));
    CHECK(has(&r, "No running until cleared"));
    CHECK(has(&r, "<h3>This week</h3>"));
    char d0[11], d6[11];
    rh_date_format(TODAY, d0);
    rh_date_format(TODAY + 6, d6);
    CHECK(has(&r, d0) && has(&r, d6));
    /* the chart inline, without its XML declaration */
    CHECK(has(&r, "<svg"));
    CHECK(!has(&r, "<?xml"));
    /* activities: newest first, 10 shown of 22 */
    CHECK(has(&r, "22 activities stored; the newest 10 shown"));
    const char *newest = strstr(body, hostile_esc);
    const char *older = strstr(body, "<td>running</td>");
    CHECK(newest && older && older < newest);
    CHECK(has(&r, "</html>"));
    rh_server_response_release(&r);
    rh_store_close(s);
}

static void test_api(void)
{
    char path[512];
    struct rh_store *s = full_store(path, sizeof path);
    struct rh_server_response r;
    json_error_t je;

    get(s, "GET", "/api/activities", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, "application/json; charset=utf-8");
    json_t *j = json_loads(r.body.data, 0, &je);
    CHECK(json_is_array(j));
    CHECK_INT(json_array_size(j), 22);
    /* JSON keeps the name as it is (escaping is for HTML only) */
    CHECK_STR(json_string_value(json_object_get(json_array_get(j, 21), "name")), hostile);
    json_decref(j);
    rh_server_response_release(&r);

    get(s, "GET", "/api/load?x=1", &r);
    CHECK_INT(r.status, 200);
    j = json_loads(r.body.data, 0, &je);
    char as_of[11];
    rh_date_format(SYN_DAY0 + 43, as_of);
    CHECK_STR(json_string_value(json_object_get(j, "as_of")), as_of);
    json_decref(j);
    rh_server_response_release(&r);

    get(s, "GET", "/load.svg", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, "image/svg+xml; charset=utf-8");
    CHECK(has(&r, "<svg") && has(&r, "</svg>"));
    rh_server_response_release(&r);

    get(s, "GET", "/api/assessment", &r);
    CHECK_INT(r.status, 200);
    j = json_loads(r.body.data, 0, &je);
    CHECK_STR(json_string_value(json_object_get(j, "running")), "stop");
    json_decref(j);
    rh_server_response_release(&r);

    get(s, "GET", "/api/plan", &r);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, "application/json; charset=utf-8");
    j = json_loads(r.body.data, 0, &je);
    CHECK(json_is_object(j));
    CHECK(has(&r, "calm"));
    json_decref(j);
    rh_server_response_release(&r);

    static const char *const nope[] = {"/nope", "/api/", "/api/load/x", "/../etc/passwd",
                                       "/load.svg/", "", "api/load"};
    for (size_t i = 0; i < sizeof nope / sizeof nope[0]; i++) {
        get(s, "GET", nope[i], &r);
        CHECK_INT(r.status, 404);
        rh_server_response_release(&r);
    }
    static const char *const methods[] = {"POST", "PUT", "DELETE", "HEAD", "get"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        get(s, methods[i], "/api/load", &r);
        CHECK_INT(r.status, 405);
        CHECK_STR(r.allow, "GET");
        rh_server_response_release(&r);
    }
    get(s, "POST", "/elsewhere", &r);
    CHECK_INT(r.status, 404);
    rh_server_response_release(&r);
    rh_store_close(s);
}

/* A plan made for an older assessment is not shown as the current one. */
static void test_stale_plan(void)
{
    char path[512];
    struct rh_store *s = full_store(path, sizeof path);
    struct rh_err err;
    CHECK_INT(rh_store_assessment_add(s, (int64_t)(SYN_DAY0 + 50) * 86400, "{}", result_doc(),
                                      NULL, &err),
              0);
    struct rh_server_response r;
    get(s, "GET", "/", &r);
    CHECK(has(&r, "No plan for the latest assessment yet"));
    rh_server_response_release(&r);
    get(s, "GET", "/api/plan", &r);
    CHECK_INT(r.status, 404);
    rh_server_response_release(&r);
    rh_store_close(s);
}

/* ---- the daemon on loopback -------------------------------------------- */

/* One HTTP/1.0 GET; returns the whole response (rh_free) or NULL. Every
 * socket wait times out after 3 s. */
static char *fetch(unsigned port, const char *path)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return NULL;
    struct timeval tv = {3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct rh_buf b;
    rh_buf_init(&b, 1u << 22);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
        char req[256];
        int n = snprintf(req, sizeof req, "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", path);
        if (send(fd, req, (size_t)n, 0) == n) {
            char chunk[4096];
            ssize_t got;
            while ((got = recv(fd, chunk, sizeof chunk, 0)) > 0)
                if (rh_buf_append(&b, chunk, (size_t)got))
                    break;
        }
    }
    close(fd);
    if (b.len == 0) {
        rh_buf_release(&b);
        return NULL;
    }
    return rh_buf_take(&b);
}

static void test_daemon(void)
{
    char path[512];
    struct rh_store *s = full_store(path, sizeof path);
    rh_store_close(s);
    struct rh_server_opts o = {"127.0.0.1", 0, path};
    struct rh_server *srv = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_server_start(&o, &srv, &err);
    CHECK_INT(r, 0);
    if (r) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    unsigned port = rh_server_port(srv);
    CHECK(port > 0 && port <= 65535);
    char *page = fetch(port, "/");
    CHECK(page != NULL);
    if (page) {
        CHECK(strncmp(page, "HTTP/1.", 7) == 0 && strstr(page, " 200 ") != NULL);
        CHECK(strstr(page, "text/html; charset=utf-8") != NULL);
        CHECK(strstr(page, hostile_esc) != NULL);
        CHECK(strstr(page, "</html>") != NULL);
    }
    rh_free(page);
    char *load = fetch(port, "/api/load");
    CHECK(load != NULL);
    if (load) {
        CHECK(strstr(load, " 200 ") != NULL);
        const char *body = strstr(load, "\r\n\r\n");
        json_error_t je;
        json_t *j = body ? json_loads(body + 4, 0, &je) : NULL;
        CHECK(json_is_object(j));
        json_decref(j);
    }
    rh_free(load);
    char *missing = fetch(port, "/missing");
    CHECK(missing && strstr(missing, " 404 ") != NULL);
    rh_free(missing);
    rh_server_stop(srv);
    /* stopped: nobody answers any more */
    char *after = fetch(port, "/");
    CHECK(after == NULL);
    rh_free(after);

    /* a name is not an address; a port in use is a clear error */
    struct rh_server_opts bad = {"example.org", 0, path};
    CHECK_INT(rh_server_start(&bad, &srv, &err), RH_EINVAL);
    CHECK(strstr(err.msg, "example.org") != NULL);
    struct rh_server *one = NULL, *two = NULL;
    CHECK_INT(rh_server_start(&o, &one, &err), 0);
    struct rh_server_opts same = {"127.0.0.1", rh_server_port(one), path};
    CHECK_INT(rh_server_start(&same, &two, &err), RH_EIO);
    rh_server_stop(one);
    rh_server_stop(two);
}

int main(void)
{
    RUN(test_escape);
    RUN(test_loopback);
    RUN(test_empty_database);
    RUN(test_no_database);
    RUN(test_page);
    RUN(test_api);
    RUN(test_stale_plan);
    RUN(test_daemon);
    return TEST_END();
}
