/* SPDX-License-Identifier: MIT */
/* The empty intake record: every field "not answered". */
#include <string.h>

#include "runhip/intake.h"
#include "util/banned.h"

void rh_intake_init(struct rh_intake *in)
{
    memset(in, 0, sizeof *in);
    in->age = -1;
    in->sex = RH_SEX_UNKNOWN;
    in->side = RH_SIDE_UNKNOWN;
    in->onset = RH_ONSET_UNKNOWN;
    in->onset_event = RH_EVENT_UNKNOWN;
    in->duration_days = -1;
    in->episodes = RH_EPISODES_UNKNOWN;
    in->pain_now = in->pain_run = in->pain_worst = in->pain_next_morning = -1;
    for (int i = 0; i < RH_TEST__COUNT; i++)
        in->test[i] = RH_TRI_UNKNOWN;
    for (int i = 0; i < RH_CHECK__COUNT; i++)
        in->check[i] = RH_TRI_UNKNOWN;
    in->weekly_km = in->km_change_pct = in->years_running = in->sitting_hours = RH_NONE;
    in->cadence_spm = in->shoe_km = in->strength_per_week = -1;
    in->surface = RH_SURFACE_UNKNOWN;
    in->same_route = RH_TRI_UNKNOWN;
}
