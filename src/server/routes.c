/* SPDX-License-Identifier: MIT */
/* The one route table of the web app: path, methods, kind, handler,
 * navigation label and body limit. Routing, the 404/405 answers, HEAD, the
 * navigation bar, the body limits and docs/internals/server.md's route list
 * all come from here. Keep pages first, in navigation order. The labels are
 * keys of data/wording.txt [web_nav] (words21c). */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

const struct route rh_routes[] = {
    /* path, methods, kind, handler, label, body limit, upload, no database, short label,
     * alias */
    {"/", M_GET, RK_PAGE, page_today, "today", 0, false, false, NULL, "/today"},
    {"/questionnaire", M_GET | M_POST, RK_PAGE, page_questionnaire, "questionnaire", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/diary", M_GET | M_POST, RK_PAGE, page_diary, "diary", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/checkin", M_GET | M_POST, RK_PAGE, page_checkin, "checkin", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/plan", M_GET | M_POST, RK_PAGE, page_plan, "plan", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/assessment", M_GET, RK_PAGE, page_assessment, "assessment", 0, false, false, NULL, NULL},
    {"/training", M_GET, RK_PAGE, page_training, "training", 0, false, false, NULL, NULL},
    {"/import", M_GET | M_POST, RK_PAGE, page_import, "import", 0, true, false, NULL, NULL},
    {"/profile", M_GET | M_POST, RK_PAGE, page_profile, "profile", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/shoes", M_GET | M_POST, RK_PAGE, page_shoes, "shoes", RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/activity", M_GET | M_POST, RK_PAGE, page_activity, NULL, RH_SERVER_FORM_MAX, false, false, NULL, NULL},
    {"/report", M_GET, RK_PAGE, page_report, "report", 0, false, false, "report_short", NULL},
    {"/app.css", M_GET, RK_ASSET, asset_css, NULL, 0, false, true, NULL, NULL},
    {"/report.css", M_GET, RK_ASSET, asset_report_css, NULL, 0, false, true, NULL, NULL},
    {"/app.js", M_GET, RK_ASSET, asset_js, NULL, 0, false, true, NULL, NULL},
    {"/hip.svg", M_GET, RK_ASSET, asset_hip_svg, NULL, 0, false, true, NULL, NULL},
    {"/questionnaire.js", M_GET, RK_ASSET, asset_quest_js, NULL, 0, false, true, NULL, NULL},
    {"/load.svg", M_GET, RK_ASSET, asset_load_svg, NULL, 0, false, false, NULL, NULL},
    {"/plan.ics", M_GET, RK_ASSET, asset_plan_ics, NULL, 0, false, false, NULL, NULL},
    {"/api/", M_GET, RK_API, api_index, NULL, 0, false, false, NULL, NULL},
    {"/api/activities", M_GET, RK_API, api_activities, NULL, 0, false, false, NULL, NULL},
    {"/api/load", M_GET, RK_API, api_load, NULL, 0, false, false, NULL, NULL},
    {"/api/assessment", M_GET, RK_API, api_assessment, NULL, 0, false, false, NULL, NULL},
    {"/api/plan", M_GET, RK_API, api_plan, NULL, 0, false, false, NULL, NULL},
    {"/api/diary", M_GET, RK_API, api_diary, NULL, 0, false, false, NULL, NULL},
    {"/api/checkin", M_GET, RK_API, api_checkin, NULL, 0, false, false, NULL, NULL},
    {"/api/profile", M_GET, RK_API, api_profile, NULL, 0, false, false, NULL, NULL},
    {"/api/shoes", M_GET, RK_API, api_shoes, NULL, 0, false, false, NULL, NULL},
    {"/api/questionnaire", M_GET | M_POST, RK_API, api_questionnaire, NULL, RH_SERVER_FORM_MAX, false, false, NULL, NULL},
};
const size_t rh_n_routes = sizeof rh_routes / sizeof rh_routes[0];

const struct route *rh_route_find(const char *path)
{
    for (size_t i = 0; i < rh_n_routes; i++)
        if (!strcmp(path, rh_routes[i].path) ||
            (rh_routes[i].alias && !strcmp(path, rh_routes[i].alias)))
            return &rh_routes[i];
    return NULL;
}
