/* SPDX-License-Identifier: MIT */
/* The one route table of the web app: path, methods, kind, handler,
 * navigation label and body limit. Routing, the 404/405 answers, HEAD, the
 * navigation bar, the body limits and docs/internals/server.md's route list
 * all come from here. Keep pages first, in navigation order. */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

const struct route rh_routes[] = {
    /* path, methods, kind, handler, label, body limit, upload, no database */
    {"/", M_GET, RK_PAGE, page_today, "Today", 0, false, false},
    {"/questionnaire", M_GET | M_POST, RK_PAGE, page_questionnaire, "Check my hip", RH_SERVER_FORM_MAX, false, false},
    {"/diary", M_GET | M_POST, RK_PAGE, page_diary, "Diary", RH_SERVER_FORM_MAX, false, false},
    {"/checkin", M_GET | M_POST, RK_PAGE, page_checkin, "Check-in", RH_SERVER_FORM_MAX, false, false},
    {"/plan", M_GET, RK_PAGE, page_plan, "Plan", 0, false, false},
    {"/assessment", M_GET, RK_PAGE, page_assessment, "Assessment", 0, false, false},
    {"/training", M_GET, RK_PAGE, page_training, "Training", 0, false, false},
    {"/import", M_GET | M_POST, RK_PAGE, page_import, "Import", 0, true, false},
    {"/profile", M_GET | M_POST, RK_PAGE, page_profile, "Profile", RH_SERVER_FORM_MAX, false, false},
    {"/shoes", M_GET | M_POST, RK_PAGE, page_shoes, "Shoes", RH_SERVER_FORM_MAX, false, false},
    {"/activity", M_GET | M_POST, RK_PAGE, page_activity, NULL, RH_SERVER_FORM_MAX, false, false},
    {"/report", M_GET, RK_PAGE, page_report, "Report for your physiotherapist", 0, false, false},
    {"/app.css", M_GET, RK_ASSET, asset_css, NULL, 0, false, true},
    {"/report.css", M_GET, RK_ASSET, asset_report_css, NULL, 0, false, true},
    {"/app.js", M_GET, RK_ASSET, asset_js, NULL, 0, false, true},
    {"/hip.svg", M_GET, RK_ASSET, asset_hip_svg, NULL, 0, false, true},
    {"/questionnaire.js", M_GET, RK_ASSET, asset_quest_js, NULL, 0, false, true},
    {"/load.svg", M_GET, RK_ASSET, asset_load_svg, NULL, 0, false, false},
    {"/plan.ics", M_GET, RK_ASSET, asset_plan_ics, NULL, 0, false, false},
    {"/api/", M_GET, RK_API, api_index, NULL, 0, false, false},
    {"/api/activities", M_GET, RK_API, api_activities, NULL, 0, false, false},
    {"/api/load", M_GET, RK_API, api_load, NULL, 0, false, false},
    {"/api/assessment", M_GET, RK_API, api_assessment, NULL, 0, false, false},
    {"/api/plan", M_GET, RK_API, api_plan, NULL, 0, false, false},
    {"/api/diary", M_GET, RK_API, api_diary, NULL, 0, false, false},
    {"/api/checkin", M_GET, RK_API, api_checkin, NULL, 0, false, false},
    {"/api/profile", M_GET, RK_API, api_profile, NULL, 0, false, false},
    {"/api/shoes", M_GET, RK_API, api_shoes, NULL, 0, false, false},
};
const size_t rh_n_routes = sizeof rh_routes / sizeof rh_routes[0];

const struct route *rh_route_find(const char *path)
{
    for (size_t i = 0; i < rh_n_routes; i++)
        if (!strcmp(path, rh_routes[i].path))
            return &rh_routes[i];
    return NULL;
}
