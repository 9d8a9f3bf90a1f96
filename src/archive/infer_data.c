/* SPDX-License-Identifier: MIT */
/* The sport-inference thresholds, compiled in. */
#include "runhip/import.h"

RH_EMBED(rh__sport_inference_txt, "data/sport_inference.txt");

int rh_infer_rules_default(struct rh_infer_rules *out, struct rh_err *err)
{
    return rh_infer_rules_parse(rh__sport_inference_txt,
                                (size_t)(rh__sport_inference_txt_end - rh__sport_inference_txt),
                                out, err);
}
